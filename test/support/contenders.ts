/**
 * Runs the same database task in several OS processes at once. Concurrency on SQLite has to be tested this
 * way: within one process every query goes through one connection, so nothing ever contends.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { OpenDatabaseOptions } from '../../src/db/database.ts';

export type ContenderTask = {
  options: OpenDatabaseOptions;
  name: string;
  /** ISO instant used as `now` / `at`. */
  at: string;
} & ({ kind: 'migrate' } | { kind: 'sequence'; iterations: number } | { kind: 'claim' });

type TaskSpec = ContenderTask extends infer T ? (T extends unknown ? Omit<T, 'name'> : never) : never;

const entry = fileURLToPath(new URL('./contender-main.ts', import.meta.url));

/**
 * Starts `count` processes doing `task` and returns each one's result, in process order. They load (slowly,
 * TypeScript) and connect first; only when all are ready are they told to go, so their work overlaps.
 */
export async function runContenders<T>(count: number, task: TaskSpec): Promise<T[]> {
  const children = Array.from({ length: count }, (_, i) => start({ ...task, name: `contender-${i}` }));
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.child.stdin.end('go\n');
  const outputs = await Promise.all(children.map((c) => c.done));
  return outputs.map((out) => JSON.parse(out.slice(out.indexOf('\n') + 1)) as T);
}

function start(task: ContenderTask) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, JSON.stringify(task)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<string>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${task.name} exited with ${code}: ${stderr}`));
    });
  });
  // A child that dies before it is ready must not leave the others waiting for it.
  return { child, ready: Promise.race([ready, done.then(() => undefined)]), done };
}
