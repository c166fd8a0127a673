/**
 * A real IMAP server for the IMAP poller's tests: Debian's Dovecot (`apt-get install dovecot-imapd`), started
 * as its own instance with its own configuration in a temp dir, on a free loopback port, with one user and a
 * plain password. It never touches the system's Dovecot configuration or port 143.
 *
 *   const server = await startDovecot();   // null when Dovecot is not installed
 *   ... server.url                         // imap://user:password@127.0.0.1:<port>
 *   server.deliver(raw)                    // drops a message into the maildir's new/ folder, as an MDA does
 *   await server.stop();
 *
 * Dovecot drops privileges for the mail processes to the userdb's uid/gid: the current user's, except that
 * Dovecot refuses uid 0, so as root the maildir belongs to `nobody` (and delivered files are chowned to it);
 * its internal and login processes then run as the packaged `dovecot` / `dovenull` users. As another user,
 * every process runs as that user, unchrooted.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const DOVECOT = '/usr/sbin/dovecot';

export interface DovecotServer {
  port: number;
  user: string;
  password: string;
  /** `imap://user:password@127.0.0.1:port` */
  url: string;
  /** The user's maildir (INBOX), with cur/, new/ and tmp/. */
  maildir: string;
  /** Writes a message into the INBOX as a new, unseen message; returns its file name. */
  deliver(raw: string | Buffer): string;
  /** The server's log so far, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

export const dovecotAvailable = existsSync(DOVECOT);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The `nobody` user's ids, from /etc/passwd (65534 on Debian). */
function nobody(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('nobody:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return { uid: Number(uid ?? 65534), gid: Number(gid ?? 65534) };
}

/** Service settings for a Dovecot run by an ordinary user. */
function unprivilegedServices(): string[] {
  const socket = (service: string, listener: string) => [
    `service ${service} {`,
    `  unix_listener ${listener} {`,
    '    group =',
    '    mode = 0600',
    '  }',
    '}',
  ];
  return [
    'service anvil {',
    '  chroot =',
    '}',
    ...socket('stats', 'stats-writer'),
    ...socket('imap-hibernate', 'imap-hibernate'),
    ...socket('dict', 'dict'),
    ...socket('dict-async', 'dict-async'),
  ];
}

/** Resolves once the server answers with an IMAP greeting. */
async function waitForGreeting(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with ${child.exitCode}:\n${log()}`);
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.setTimeout(1000);
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (greeted) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not answer on port ${port}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts a private Dovecot; null when it is not installed. */
export async function startDovecot(): Promise<DovecotServer | null> {
  if (!dovecotAvailable) return null;
  const dir = mkdtempSync(join(tmpdir(), 'redress-dovecot-'));
  // Dovecot's auth process runs as its internal user: it must reach the passwd-file (a test password).
  chmodSync(dir, 0o711);
  const port = await freePort();
  const user = 'complaints';
  const password = randomBytes(9).toString('base64url');
  const me = userInfo();
  const root = me.uid === 0;
  // Dovecot never accesses mail as uid 0: as root, the mail belongs to `nobody`.
  const { uid, gid } = root ? nobody() : me;
  const username = me.username;
  const home = join(dir, 'home');
  const maildir = join(home, 'Maildir');
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
  mkdirSync(join(dir, 'run'));
  mkdirSync(join(dir, 'state'));
  const logPath = join(dir, 'dovecot.log');
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}:::::\n`, {
    mode: 0o644,
  });
  if (root)
    for (const path of [home, join(home, 'Maildir'), ...['cur', 'new', 'tmp'].map((d) => join(maildir, d))])
      chownSync(path, uid, gid);
  writeFileSync(
    join(dir, 'dovecot.conf'),
    [
      `base_dir = ${join(dir, 'run')}`,
      `state_dir = ${join(dir, 'state')}`,
      `log_path = ${logPath}`,
      `listen = 127.0.0.1`,
      `protocols = imap`,
      `ssl = no`,
      `disable_plaintext_auth = no`,
      `auth_mechanisms = plain login`,
      `mail_location = maildir:${maildir}`,
      // The mail processes run as the passwd-file's uid (root's 0 when the tests run as root).
      `first_valid_uid = ${uid}`,
      `first_valid_gid = ${gid}`,
      `default_internal_user = ${root ? 'dovecot' : username}`,
      `default_login_user = ${root ? 'dovenull' : username}`,
      `passdb {`,
      `  driver = passwd-file`,
      `  args = scheme=PLAIN username_format=%u ${join(dir, 'passwd')}`,
      `}`,
      `userdb {`,
      `  driver = passwd-file`,
      `  args = username_format=%u ${join(dir, 'passwd')}`,
      `  override_fields = uid=${uid} gid=${gid} home=${home}`,
      `}`,
      `service imap-login {`,
      `  inet_listener imap {`,
      `    address = 127.0.0.1`,
      `    port = ${port}`,
      `  }`,
      `  inet_listener imaps {`,
      `    port = 0`,
      `  }`,
      ...(root ? [] : ['  chroot =']),
      `}`,
      // Unprivileged, nothing can be chrooted nor handed to the packaged `dovecot` group.
      ...(root ? [] : unprivilegedServices()),
      '',
    ].join('\n'),
  );
  const child = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const log = () => output + (existsSync(logPath) ? readFileSync(logPath, 'utf8') : '');
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForGreeting(port, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  let sequence = 0;
  return {
    port,
    user,
    password,
    url: `imap://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    maildir,
    deliver(raw) {
      sequence += 1;
      const name = `${Date.now()}.M${sequence}P${process.pid}.redress-test`;
      // Written under tmp/ and renamed into new/, as the maildir format requires of a delivery agent.
      writeFileSync(join(maildir, 'tmp', name), raw);
      if (root) chownSync(join(maildir, 'tmp', name), uid, gid);
      renameSync(join(maildir, 'tmp', name), join(maildir, 'new', name));
      return name;
    },
    log,
    stop,
  };
}
