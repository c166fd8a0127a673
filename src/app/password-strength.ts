/**
 * How guessable a password is, by zxcvbn-ts (English and common dictionaries, keyboard patterns, dates,
 * repeats, the user's own name and email), estimated in a worker thread: one estimate measured 20–250 ms of
 * CPU for a 12–30 character password and up to ~0.5 s for a patterned one (docs/PERFORMANCE.md), far above
 * what may stall the thread that serves every request. Estimates queue in the one thread, so setting
 * passwords never takes more than one core. The thread starts at the first password set
 * and stays (it holds the dictionaries, ~0.3 s to load); it does not keep a command-line process alive.
 */
import { Worker } from 'node:worker_threads';

export interface PasswordStrength {
  /** 0 (guessed at once) to 4 (very unlikely to be guessed). */
  score: 0 | 1 | 2 | 3 | 4;
  /** Why it is weak, in plain words (e.g. "This is similar to a commonly used password."), if known. */
  warning: string | null;
  /** What would make it stronger. */
  suggestions: string[];
}

type Answer = { id: number; strength: PasswordStrength } | { id: number; error: string };
interface Waiting {
  resolve(strength: PasswordStrength): void;
  reject(error: Error): void;
}

let thread: { worker: Worker; waiting: Map<number, Waiting> } | undefined;
let lastId = 0;

function start(): NonNullable<typeof thread> {
  const worker = new Worker(new URL('./password-strength-thread.mjs', import.meta.url));
  const started = { worker, waiting: new Map<number, Waiting>() };
  const fail = (error: Error) => {
    if (thread === started) thread = undefined;
    for (const w of started.waiting.values()) w.reject(error);
    started.waiting.clear();
  };
  worker.on('message', (answer: Answer) => {
    const waiting = started.waiting.get(answer.id);
    started.waiting.delete(answer.id);
    if (started.waiting.size === 0) worker.unref();
    if ('error' in answer) waiting?.reject(new Error(`password strength: ${answer.error}`));
    else waiting?.resolve(answer.strength);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the password strength thread ended (exit code ${code})`)));
  worker.unref();
  return started;
}

/** Estimates the strength of `password`; `userInputs` (the user's name, email) count as easily guessed. */
export function estimatePasswordStrength(password: string, userInputs: string[]): Promise<PasswordStrength> {
  thread ??= start();
  const { worker, waiting } = thread;
  const id = ++lastId;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    // Held while an estimate is awaited, so that a command line waits for it; let go once none is.
    worker.ref();
    worker.postMessage({ id, password, userInputs });
  });
}
