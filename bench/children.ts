/** Starts bench/server.ts in a child process and stops it again. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Role } from './server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

export interface ChildServer {
  role: Role;
  origin: string;
  /** The bearer token (Redress only). */
  token: string | undefined;
  pid: number | undefined;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts one server on a random port of 127.0.0.1 and waits for the line that tells its port.
 * `nodeArgs` go to node before the script (say `--cpu-prof`).
 */
export async function startChild(role: Role, target: string, nodeArgs: string[] = []): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', SERVER, role, target], {
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
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      const timer = setTimeout(
        () => reject(new Error(`${role} server did not start in ${READY_TIMEOUT_MS / 1000} s`)),
        READY_TIMEOUT_MS,
      );
      lines.once('line', (text) => {
        clearTimeout(timer);
        resolve(text);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${role} server exited before it was ready (${signal ?? `exit code ${code}`})`));
      });
      child.once('error', reject);
    });
    const { port, token } = JSON.parse(line) as { port: number; token?: string };
    return { role, origin: `http://127.0.0.1:${port}`, token, pid: child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
