/**
 * The one path by which an existing complaint changes, whoever asks — staff and customers through the API, the
 * clock's jobs, an email that joins a complaint: lock it (`lockComplaint` in db/), decide each command on the state
 * the previous one left (the domain), route it to whoever can act next, and record the new state with its
 * audit events, interaction log, timers and emails — all in the caller's transaction, each event applied once.
 */
import type { Transaction } from 'kysely';
import { findCustomerAdrLettersOwed, lockComplaint } from '../db/complaints.ts';
import { newId } from '../db/ids.ts';
import type { Schema } from '../db/schema.ts';
import { type Actor, actorId, SYSTEM_ACTOR } from '../domain/actor.ts';
import { timeLimitAdrLetterDue } from '../domain/clocks.ts';
import type { Command, Event } from '../domain/commands.ts';
import type { Complaint } from '../domain/complaint.ts';
import { evolveAll } from '../domain/evolve.ts';
import { decide, type Refusal } from '../domain/lifecycle.ts';
import { londonDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { AppError, invalidField } from './errors.ts';
import { recordChange } from './record-decision.ts';
import { requireActiveStaff } from './require-active-staff.ts';
import { routingFor } from './route-complaint.ts';

/** The typed error for a domain refusal. */
export function refusalError(refusal: Refusal): AppError {
  switch (refusal.code) {
    case 'invalid':
      return invalidField(refusal.field ?? 'body', refusal.message);
    case 'not-allowed-now':
      return new AppError('not-allowed-now', refusal.message, { allowed: refusal.allowed });
    case 'forbidden':
    case 'objectivity':
      return new AppError(refusal.code, refusal.message);
    case 'root-cause-required':
      return new AppError(refusal.code, `${refusal.field ?? 'rootCause'} ${refusal.message}`, {
        field: refusal.field,
      });
    default: {
      const unreachable: never = refusal.code;
      return unreachable;
    }
  }
}

export type Change =
  | { ok: true; before: Complaint; complaint: Complaint; events: Event[] }
  | { ok: false; before: Complaint; refusal: Refusal };

/**
 * Applies `commands` in turn to a complaint the caller locked (`lockComplaint`) and looked at, all or nothing:
 * the first refusal records nothing and is returned (callers throw it as an error, or — a timer whose moment
 * has passed — let it be).
 */
export async function applyCommands(
  trx: Transaction<Schema>,
  ctx: AppContext,
  before: Complaint,
  commands: readonly Command[],
  actor: Actor,
): Promise<Change> {
  const now = ctx.now();
  const context = { actor, now, procedure: ctx.procedure, newId: () => newId(now.getTime()) };
  const meta = { at: now.toISOString(), by: actorId(actor) };
  const events: Event[] = [];
  let state = before;
  for (const command of commands) {
    const staffRoles = await requireActiveStaff(trx, ownersNamedIn(command));
    const decision = decide(state, command, { ...context, staffRoles });
    if (!decision.ok) return { ok: false, before, refusal: decision.refusal };
    events.push(...decision.events);
    state = evolveAll(state, decision.events, meta);
  }
  const routed = await routingFor(trx, ctx.procedure, before, state, actor, meta.at);
  if (routed) {
    events.push(routed);
    state = evolveAll(state, [routed], meta);
  }
  await recordChange(trx, { before, after: state, events }, actor, now, ctx.procedure);
  const issued = await issueOwedAdrLetter(trx, ctx, state);
  return issued
    ? { ok: true, before, complaint: issued.complaint, events: [...events, ...issued.events] }
    : { ok: true, before, complaint: state, events };
}

/**
 * The time-limit ADR letter the complaint is owed today, if it is owed one and has none: issued by the system
 * in the caller's transaction, dated today, as a change of its own (after the change that found it owed).
 *
 * Its timer (clock-jobs.ts) issues it at the start of the complaint's ADR date, but only when a worker runs:
 * one down past midnight dates it a day late (the 100,000-complaint drill found 17, docs/PERFORMANCE.md). So
 * whatever change finds the letter owed issues it at once: the recording of a complaint first expressed past
 * its limit, any command on a complaint whose timer has not run yet, a customer's type corrected to one the
 * scheme takes (`issueCustomerOwedAdrLetters`). The hourly sweep stays the net under all of them.
 */
export async function issueOwedAdrLetter(
  trx: Transaction<Schema>,
  ctx: AppContext,
  complaint: Complaint,
): Promise<{ complaint: Complaint; events: Event[] } | undefined> {
  if (!timeLimitAdrLetterDue(complaint, ctx.procedure, ctx.now())) return undefined;
  const issued = await applyCommands(
    trx,
    ctx,
    complaint,
    [{ type: 'issue-time-limit-adr-letter' }],
    SYSTEM_ACTOR,
  );
  if (!issued.ok) throw refusalError(issued.refusal);
  return issued;
}

/**
 * The letters a customer's complaints are owed once their type changed (an edit, a merge): each one locked and
 * issued as `issueOwedAdrLetter` says. Found by the ADR watch date (already re-derived for the new type), on
 * the customer's own complaints.
 */
export async function issueCustomerOwedAdrLetters(
  trx: Transaction<Schema>,
  ctx: AppContext,
  customerId: string,
): Promise<void> {
  for (const id of await findCustomerAdrLettersOwed(trx, customerId, londonDate(ctx.now()))) {
    const complaint = await lockComplaint(trx, { id });
    if (complaint) await issueOwedAdrLetter(trx, ctx, complaint);
  }
}

/** Staff a command names as owners, with the field that names them. */
function ownersNamedIn(command: Command): [string, string | null][] {
  if (command.type === 'assign') return [['ownerId', command.ownerId]];
  if (command.type === 'propose') return command.steps.map((s, i) => [`steps.${i}.ownerId`, s.ownerId]);
  return [];
}
