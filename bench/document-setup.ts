/**
 * What the document workloads of `npm run bench` (bench/letters.ts, bench/case-file.ts) share: their settings,
 * the staff who act, the words of the complaint they write about, and the check that bytes are a PDF.
 */
import { addUser } from '../src/app/add-user.ts';
import type { AppContext } from '../src/app/context.ts';
import type { Actor } from '../src/domain/actor.ts';

export interface DocumentSettings {
  /** Letters issued (and rendered) in the measured run, after `warmup` not measured. */
  letters: { count: number; warmup: number };
  /** Measured exports of the case file, after `warmup` not measured; the complaint's size. */
  caseFile: { runs: number; warmup: number; contacts: number; attachments: number };
  /** Registers something to run at the end, even after an error. */
  onCleanup(cleanup: () => Promise<void> | void): void;
  log(message: string): void;
}

export const DESCRIPTIONS = [
  'I was charged twice for my broadband in October: once on the 1st and again on the 3rd, both for the full ' +
    'monthly amount of £34.99. I rang the helpline on the 10th and was promised a refund within five days, ' +
    'but nothing has arrived and the second payment is still on my bank statement.',
  'My landline has been dead since the engineer visit on 14 September. I have reported it four times and ' +
    'each time been told it would be fixed within 48 hours. I work from home and rely on the line.',
  'I moved house and asked to take my contract with me. The new line was not connected for three weeks, ' +
    'yet I was billed for the whole month and then charged an early termination fee for the old address.',
];
export const DEADLOCK_REASON =
  'We have refunded the duplicate charge of £34.99 and added a £20 credit for the inconvenience. Having ' +
  'reviewed your complaint again at director level, we believe this is fair and will not offer more.';
export const LAST_OFFER = 'A refund of the second charge of £34.99 and a £20 credit to your account.';

export async function staff(ctx: AppContext, name: string, role: 'agent' | 'director'): Promise<Actor> {
  const user = await addUser(ctx, { email: `${role}@bench.redress`, name, roles: [role] });
  return { kind: 'staff', id: user.id, roles: user.roles };
}

/** Starts `%PDF-` and ends with `%%EOF`. */
export const isPdf = (bytes: Uint8Array) =>
  Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-' &&
  Buffer.from(bytes.subarray(-8)).toString('latin1').includes('%%EOF');
