/**
 * `redress adr audit`: every complaint whose ADR letter is missing or was late. There should be none — the
 * clock and the deadlock command issue them — so any finding is an incident to look into:
 * - missing: an open complaint past its time limit (the day after it: the limit's own day belongs to the
 *   clock), for a customer who can use ADR, with no ADR letter; one closed after its limit that never had
 *   one; or a complaint that reached deadlock with no deadlock letter;
 * - late: a time-limit letter dated after the limit (or, for a complaint logged after its limit had passed,
 *   after the day it was logged), or a deadlock letter dated after the deadlock;
 * - not sent: an ADR letter the domain issued whose document was never produced, an hour on.
 */
import {
  listAdrLettersForAudit,
  listClosedPastLimitWithoutLetter,
  listDeadlockWithoutLetter,
  listOpenPastLimitWithoutLetter,
} from '../db/adr-audit.ts';
import { daysBetween, londonDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';

export type AdrFindingKind = 'missing' | 'late' | 'not-sent';

export interface AdrFinding {
  reference: string;
  kind: AdrFindingKind;
  detail: string;
}

/** Time for the worker to produce a letter's document after the change that issued it. */
const DOCUMENT_GRACE_MS = 3_600_000;

async function missingTimeLimitLetters(ctx: AppContext, today: string): Promise<AdrFinding[]> {
  const rows = await listOpenPastLimitWithoutLetter(ctx.db.kysely, today);
  return rows.map((row) => ({
    reference: row.reference,
    kind: 'missing' as const,
    detail: `open, no ADR letter; the time limit was ${row.adr_due_on}`,
  }));
}

/** Checks every complaint; the findings, by kind then reference. */
export async function auditAdrLetters(ctx: AppContext): Promise<AdrFinding[]> {
  const db = ctx.db.kysely;
  const now = ctx.now();
  const findings = await missingTimeLimitLetters(ctx, londonDate(now));
  for (const row of await listDeadlockWithoutLetter(db)) {
    findings.push({
      reference: row.reference,
      kind: 'missing',
      detail: 'deadlock with no deadlock ADR letter',
    });
  }
  for (const row of await listClosedPastLimitWithoutLetter(db)) {
    const closedOn = londonDate(new Date(row.closed_at ?? ''));
    const loggedOn = londonDate(new Date(row.received_at));
    // Open past its limit (or past the day it was logged, if later) with no letter before it closed.
    if (closedOn > row.adr_due_on && closedOn > loggedOn) {
      findings.push({
        reference: row.reference,
        kind: 'missing',
        detail: `closed on ${closedOn} with no ADR letter; the time limit was ${row.adr_due_on}`,
      });
    }
  }
  for (const letter of await listAdrLettersForAudit(db)) {
    const say = (kind: AdrFindingKind, detail: string) =>
      findings.push({ reference: letter.reference, kind, detail });
    const loggedOn = londonDate(new Date(letter.received_at));
    const dueOn = daysBetween(letter.adr_due_on, loggedOn) > 0 ? loggedOn : letter.adr_due_on;
    if (letter.trigger === 'time-limit' && letter.issued_on > dueOn) {
      say('late', `time-limit ADR letter dated ${letter.issued_on}; due ${dueOn}`);
    }
    const deadlockOn = letter.deadlock_at ? londonDate(new Date(letter.deadlock_at)) : null;
    if (letter.trigger === 'deadlock' && deadlockOn && letter.issued_on > deadlockOn) {
      say('late', `deadlock ADR letter dated ${letter.issued_on}; deadlock on ${deadlockOn}`);
    }
    const age = now.getTime() - new Date(letter.issued_at).getTime();
    if (!letter.document_id && age > DOCUMENT_GRACE_MS) {
      say('not-sent', `the ${letter.trigger} ADR letter of ${letter.issued_on} was never produced or sent`);
    }
  }
  const order: AdrFindingKind[] = ['missing', 'not-sent', 'late'];
  return findings.sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.reference.localeCompare(b.reference),
  );
}
