/**
 * Starts a bench server script (bench/server.ts, bench/mail-server.ts) in a child process and stops it again.
 * The script prints one JSON line on stdout when it is ready (its port, …); after that, a line written to its
 * stdin is a request and the next line on its stdout is the answer. It stops when its stdin closes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Role } from './server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

export interface ChildServer {
  role: Role;
  origin: string;
  /** The bearer token (Redress only). */
  token: string | undefined;
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface ChildScript {
  label: string;
  pid: number | undefined;
  /** The JSON line the script printed when it was ready. */
  ready: Record<string, unknown>;
  /** Writes one line to the script's stdin and resolves with the JSON line it answers. */
  request(line: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `node [nodeArgs] --import tsx <script> [args]` and waits for its ready line. `nodeArgs` go to node
 * before the script (say `--cpu-prof`).
 */
export async function startScript(
  label: string,
  script: string,
  args: readonly string[],
  nodeArgs: readonly string[] = [],
): Promise<ChildScript> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], {
    cwd: ROOT, // where `--import tsx` is resolved from
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin?.end(); // the server stops when its stdin closes …
    child.kill('SIGTERM'); // … or on SIGTERM
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited(child);
    clearTimeout(timer);
  };
  // Every stdout line goes to the oldest waiter: first the ready line, then one answer per request.
  const waiters: { resolve(line: string): void; reject(error: Error): void }[] = [];
  let gone: Error | undefined;
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (text) => {
    const waiter = waiters.shift();
    if (waiter) waiter.resolve(text);
    else console.error(`[bench] ${label} said, unasked: ${text}`);
  });
  const failAll = (error: Error) => {
    gone ??= error;
    for (const waiter of waiters.splice(0)) waiter.reject(error);
  };
  child.once('exit', (code, signal) => {
    failAll(new Error(`${label} exited (${signal ?? `exit code ${code}`})`));
  });
  child.once('error', failAll);
  const nextLine = (timeoutMs: number, what: string) =>
    new Promise<string>((resolve, reject) => {
      if (gone) {
        reject(gone);
        return;
      }
      const timer = setTimeout(() => {
        reject(new Error(`${label}: no ${what} in ${timeoutMs / 1000} s`));
      }, timeoutMs);
      waiters.push({
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  try {
    const ready = JSON.parse(await nextLine(READY_TIMEOUT_MS, 'ready line')) as Record<string, unknown>;
    return {
      label,
      pid: child.pid,
      ready,
      async request(line) {
        const answer = nextLine(REQUEST_TIMEOUT_MS, `answer to ${line}`);
        child.stdin!.write(`${line}\n`);
        return JSON.parse(await answer) as Record<string, unknown>;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Starts one bench/server.ts server on a random port of 127.0.0.1 and waits for the line that tells its port.
 */
export async function startChild(role: Role, target: string, nodeArgs: string[] = []): Promise<ChildServer> {
  const script = await startScript(`${role} server`, SERVER, [role, target], nodeArgs);
  const { port, token } = script.ready as { port: number; token?: string };
  return { role, origin: `http://127.0.0.1:${port}`, token, pid: script.pid, stop: script.stop };
}

/** A plain-text table: the first two columns (dialect, workload) left-aligned, figures right-aligned. */
export function textTable(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}
