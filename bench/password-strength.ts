/**
 * What the password strength check costs, and what it does to the event loop:
 * `npx tsx bench/password-strength.ts` (BENCH_MAX_LENGTH: the characters estimated inline, default 32 as in
 * the thread).
 *
 * For a handful of passwords (a common one, passphrases, a patterned one, 64 and 1,024 characters), the time
 * of one zxcvbn-ts estimate in this thread, beside the argon2id hash that setting a password already costs
 * (its baseline, measured in the same run: it runs on libuv's pool, not this thread); then the longest the
 * event loop went without running a 1 ms timer while those same estimates ran through
 * `estimatePasswordStrength` (the worker thread) and while they ran inline.
 */
import { hash } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { estimatePasswordStrength } from '../src/app/password-strength.ts';

const PASSWORDS = [
  'password1234',
  'a sturdy lighthouse keeper',
  'Summer2026!Summer',
  'K7#mq2!vX9pL',
  'aB3$'.repeat(8),
  'aB3$'.repeat(16),
  'aB3$qwertyuiop1234567890'.repeat(43).slice(0, 1024),
];
const ROUNDS = 3;

const MAX_LENGTH = Number(process.env.BENCH_MAX_LENGTH ?? 32);
const inline = new ZxcvbnFactory({
  maxLength: MAX_LENGTH,
  translations: en.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary },
});

/** The longest gap between 1 ms timers while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await work();
  // An inline estimate blocks the timer itself: the gap up to now counts too.
  longest = Math.max(longest, performance.now() - last);
  clearInterval(timer);
  return longest;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

await estimatePasswordStrength('warm the thread up', []);
inline.check('warm this thread up');
const hashes: number[] = [];
for (let i = 0; i < ROUNDS * 2; i++) {
  const started = performance.now();
  await hash(`baseline password ${i}`);
  hashes.push(performance.now() - started);
}
const baseline = median(hashes);
console.log(`argon2id hash (baseline): ${baseline.toFixed(1)} ms median`);
for (const password of PASSWORDS) {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    inline.check(password);
    times.push(performance.now() - started);
  }
  const label = password.length > 30 ? `${password.slice(0, 12)}… (${password.length})` : password;
  console.log(
    `estimate ${label.padEnd(30)} ${median(times).toFixed(1).padStart(7)} ms median, ${(median(times) / baseline).toFixed(2)}× the hash`,
  );
}
const all = () => Promise.all(PASSWORDS.map((p) => estimatePasswordStrength(p, [])));
// The timer's own jitter on this machine, for comparison: the same second with nothing to do.
const idle = await longestStall(() => new Promise((resolve) => setTimeout(resolve, 1000)));
const viaThread = await longestStall(all);
const inThread = await longestStall(async () => {
  for (const p of PASSWORDS) inline.check(p);
});
console.log(
  `longest event-loop stall, the same estimates: worker thread ${viaThread.toFixed(1)} ms, inline ${inThread.toFixed(1)} ms (idle for 1 s: ${idle.toFixed(1)} ms)`,
);
