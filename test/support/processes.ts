/**
 * Real `redress` processes for tests: `node bin/redress.js serve` on a chosen port and one-shot CLI commands,
 * both on a harness database (its `options` say where it lives).
 *
 *   const env = redressEnv(db.options);
 *   const token = await staffToken(env);                 // `redress user add` + `redress token create`
 *   const server = await startServe(env);                 // resolves once it prints its address
 *   await fetch(`${server.api}/complaints`, ...);
 *   server.kill('SIGKILL'); await server.exited;
 *   afterEach(stopAllProcesses);                          // nothing outlives its test
 *
 * Every child is tracked until it exits; `stopAllProcesses` kills what is left, and as a last resort the
 * test worker's own exit SIGKILLs any survivor.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { OpenDatabaseOptions } from '../../src/db/database.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = 'bin/redress.js';
/** What `serve` prints once it listens: the web app's address, or a worker's or mail process's endpoint. */
const READY = /(?:Redress is running at|health, metrics) +(http:\/\/\S+)\s/;
/** Settings Redress reads; the test's own environment must not leak into a child's. */
const REDRESS_VARS = [
  'PORT',
  'HOST',
  'DATA_DIR',
  'DATABASE_URL',
  'PUBLIC_URL',
  'PROCEDURE_FILE',
  'LOG_LEVEL',
  'WORKER_INTERVAL_MS',
  'DOCUMENT_STORE',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_FORCE_PATH_STYLE',
  'WORKER_CONCURRENCY',
  'RENDER_THREADS',
  'SMTP_MAX_CONNECTIONS',
  'SHUTDOWN_TIMEOUT_MS',
  'AUDIT_KEY',
  'AUDIT_KEY_FILE',
  'AUDIT_SIGNING_KEY_FILE',
  'AUDIT_CHECKPOINT_FILE',
  'AUDIT_CHECKPOINT_MAIL_TO',
  'AUDIT_CHECKPOINT_URL',
];

/**
 * The audit key of the tests' processes: PostgreSQL refuses to start without one, and every process on one
 * database (a backup and the restore of it too) must hash with the same key, as in production.
 */
export const TEST_AUDIT_KEY = 'redress-test-audit-key-0123456789abcdef';

export type Env = Record<string, string>;

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** The environment for a `redress` process on this database, plus `extra` settings. */
export function redressEnv(options: OpenDatabaseOptions, extra: Env = {}): Env {
  return {
    DATA_DIR: options.dataDir,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    LOG_LEVEL: 'warn',
    AUDIT_KEY: TEST_AUDIT_KEY,
    ...extra,
  };
}

function childEnv(env: Env): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of REDRESS_VARS) delete base[name];
  return { ...base, ...env };
}

function track(child: ChildProcess) {
  live.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    // 'close', not 'exit': by then stdout and stderr have been read to the end.
    child.once('close', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
    child.once('error', (error) => {
      live.delete(child);
      stderr += `\n(spawn failed: ${error.message})`;
      resolve({ code: null, signal: null });
    });
  });
  return { exited, stdout: () => stdout, stderr: () => stderr };
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `redress ...args` to completion; killed (and the promise rejected) after `timeoutMs`. */
export async function runCli(
  args: string[],
  env: Env,
  options: { timeoutMs?: number } = {},
): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = track(child);
  const timeoutMs = options.timeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `redress ${args.join(' ')} did not finish in ${timeoutMs} ms\nstdout:\n${out.stdout()}\nstderr:\n${out.stderr()}`,
        ),
      );
    }, timeoutMs);
  });
  try {
    const { code, signal } = await Promise.race([out.exited, timedOut]);
    return { code, signal, stdout: out.stdout(), stderr: out.stderr() };
  } finally {
    clearTimeout(timer);
  }
}

/** Describes a finished CLI run for assertion messages. */
export function describeRun(result: CliResult): string {
  return `exit ${result.code ?? result.signal}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
}

/** A port nobody listens on right now (another process may still take it before the child binds). */
export async function freePort(): Promise<number> {
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

export interface ServeProcess {
  /** `http://127.0.0.1:PORT`, as the process printed it (worker and mail: /healthz, /readyz, /metrics). */
  url: string;
  /** `${url}/api/v1`. */
  api: string;
  pid: number;
  kill(signal?: NodeJS.Signals): void;
  /** Whether the process has not exited yet. */
  running(): boolean;
  /** Resolves when the process has exited and its output has been read. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout(): string;
  stderr(): string;
  /** SIGTERM (a clean shutdown), SIGKILL if still running after `graceMs`; resolves with how it ended. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ServeOptions {
  /** `--role` (default `all`). */
  role?: 'all' | 'web' | 'worker' | 'mail';
  /** How long to wait for the line with its address (default 30 s). */
  timeoutMs?: number;
}

/** Starts `redress serve` on a free port and resolves once it prints its address. */
export async function startServe(env: Env, options: ServeOptions = {}): Promise<ServeProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnServe(env, options);
    } catch (error) {
      // The free port may have been taken between our probe and the child's bind: try another.
      if (attempt < 3 && (error as Error).message.includes('EADDRINUSE')) continue;
      throw error;
    }
  }
}

async function spawnServe(env: Env, options: ServeOptions): Promise<ServeProcess> {
  const role = options.role ?? 'all';
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--role', role], {
    cwd: ROOT,
    // SMTP_PORT 0: the inbound listener takes any free port, so parallel servers never clash on 2525.
    env: childEnv({ SMTP_PORT: '0', ...env, PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = track(child);
  const kill = (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const handle = (url: string): ServeProcess => ({
    url,
    api: url ? `${url}/api/v1` : '',
    pid: child.pid ?? -1,
    kill,
    running: () => child.exitCode === null && child.signalCode === null,
    exited: out.exited,
    stdout: out.stdout,
    stderr: out.stderr,
    async stop(graceMs = 10_000) {
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), graceMs);
      try {
        return await out.exited;
      } finally {
        clearTimeout(timer);
      }
    },
  });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const url = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: { url: string } | { why: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      if ('url' in outcome) return resolve(outcome.url);
      kill('SIGKILL');
      reject(new Error(`redress serve ${outcome.why}\nstdout:\n${out.stdout()}\nstderr:\n${out.stderr()}`));
    };
    const onData = () => {
      const match = READY.exec(out.stdout());
      if (match?.[1]) settle({ url: match[1] });
    };
    const timer = setTimeout(() => settle({ why: `printed no address within ${timeoutMs} ms` }), timeoutMs);
    child.stdout?.on('data', onData);
    // 'close' comes after the last chunk of output, so a ready line is never missed here.
    void out.exited.then(({ code, signal }) =>
      settle({ why: `exited (${code ?? signal}) before it was ready` }),
    );
  });
  return handle(url);
}

/** Kills every child still running (SIGKILL) and waits for them to go. For afterEach/afterAll. */
export async function stopAllProcesses(): Promise<void> {
  const children = [...live];
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (!live.has(child)) resolve();
          else child.once('close', () => resolve());
        }),
    ),
  );
}

/** The password every test user gets (12 characters or more). */
export const TEST_PASSWORD = 'correct horse battery';

/**
 * A staff member and a bearer token for them, made as an operator would: `redress user add` then
 * `redress token create` (the token is the last line of its output).
 */
export async function staffToken(
  env: Env,
  user: { email?: string; role?: string } = {},
): Promise<{ email: string; token: string }> {
  const email = user.email ?? 'agent@test.redress';
  const added = await runCli(
    [
      'user',
      'add',
      '--email',
      email,
      '--name',
      'Test Agent',
      '--role',
      user.role ?? 'agent',
      '--password',
      TEST_PASSWORD,
    ],
    env,
  );
  if (added.code !== 0) throw new Error(`redress user add failed: ${describeRun(added)}`);
  const created = await runCli(['token', 'create', '--email', email], env);
  if (created.code !== 0) throw new Error(`redress token create failed: ${describeRun(created)}`);
  const token = lastLine(created.stdout);
  if (!token) throw new Error(`redress token create printed no token: ${describeRun(created)}`);
  return { email, token };
}

/** The last non-empty line of some output. */
export function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1)?.trim() ?? '';
}

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies freely
  body: any;
}

/** A small JSON client for a running server's API, as one bearer. */
export function apiClient(api: string, token: string) {
  const send = async (path: string, init: RequestInit = {}): Promise<Reply> => {
    const response = await fetch(api + path, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.headers as Record<string, string> | undefined),
      },
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body };
  };
  return {
    get: (path: string) => send(path),
    post: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      send(path, { method: 'POST', body: JSON.stringify(body), headers }),
  };
}
