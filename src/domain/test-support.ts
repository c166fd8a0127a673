/**
 * Builds complaints for the domain's unit tests by running commands through `initiate`, `decide` and `evolve`,
 * exactly as the application does. Test-only: production code must not import this module.
 */
import { MISO_PROCEDURE } from '../config/miso.ts';
import type { Actor } from './actor.ts';
import { actorId } from './actor.ts';
import type { Command, Event, Initiation } from './commands.ts';
import type { Complaint } from './complaint.ts';
import { create, type EventMeta, evolve } from './evolve.ts';
import { type Decision, decide, initiate } from './lifecycle.ts';
import type { Procedure, Role } from './procedure.ts';

/** Monday 11 May 2026, 09:00 BST: a working day after the 2026 ADR-limit change. */
export const MONDAY = new Date('2026-05-11T08:00:00Z');

export const DAY_MS = 86_400_000;

export function staff(id: string, ...roles: Role[]): Actor {
  return { kind: 'staff', id, roles };
}

export const agent = staff('agent-1', 'agent');
export const reviewer = staff('reviewer-1', 'reviewer');
export const director = staff('director-1', 'director');
export const otherDirector = staff('director-2', 'director');
export const admin = staff('admin-1', 'admin');
export const everyone = staff('all-roles', 'agent', 'reviewer', 'director', 'admin');
export const system: Actor = { kind: 'system' };
export const customer: Actor = { kind: 'customer', customerId: 'cust-1' };
export const otherCustomer: Actor = { kind: 'customer', customerId: 'cust-2' };

/** Facts for a complaint by `cust-1`, first expressed when it is logged unless overridden. */
export function facts(overrides: Partial<Initiation> = {}): Initiation {
  return {
    id: 'complaint-1',
    reference: 'MISO-26-000001-A',
    customerId: 'cust-1',
    customerType: 'residential',
    channel: 'phone',
    category: 'billing',
    description: 'Charged twice for March',
    desiredOutcome: 'A refund',
    formal: true,
    ownerId: 'agent-1',
    ...overrides,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export interface Recorded {
  event: Event;
  meta: EventMeta;
}

/** Rebuilds a complaint from its recorded events, as the audit trail would. */
export function replay(history: readonly Recorded[]): Complaint {
  const [first, ...rest] = history;
  if (first?.event.type !== 'complaint-recorded')
    throw new Error('history must start with complaint-recorded');
  let complaint = create(first.event, first.meta);
  for (const { event, meta } of rest) complaint = evolve(complaint, event, meta);
  return complaint;
}

/** A complaint under test with its own clock, id source and event history. */
export class Story {
  complaint: Complaint;
  readonly history: Recorded[] = [];
  now: Date;
  readonly procedure: Procedure;
  private ids = 0;

  constructor(options: { facts?: Partial<Initiation>; now?: Date; procedure?: Procedure; by?: Actor } = {}) {
    this.now = options.now ?? MONDAY;
    this.procedure = options.procedure ?? MISO_PROCEDURE;
    const decision = initiate(facts(options.facts), this.now, this.procedure);
    if (!decision.ok) throw new Error(`initiate refused: ${decision.refusal.message}`);
    const [recorded, ...rest] = decision.events;
    if (recorded?.type !== 'complaint-recorded') throw new Error('initiate must record the complaint first');
    const meta = { at: this.now.toISOString(), by: actorId(options.by ?? agent) };
    this.complaint = deepFreeze(create(recorded, meta));
    this.history.push({ event: recorded, meta });
    this.apply(rest, options.by ?? agent);
  }

  readonly newId = (): string => `id-${++this.ids}`;

  /** What `decide` says, without applying it. */
  try(command: Command, actor: Actor): Decision {
    return decide(this.complaint, command, {
      actor,
      now: this.now,
      procedure: this.procedure,
      newId: this.newId,
    });
  }

  /** Decides and applies; throws when refused, so a test's setup cannot silently go astray. */
  do(command: Command, actor: Actor): Event[] {
    const decision = this.try(command, actor);
    if (!decision.ok) {
      throw new Error(`${command.type} refused (${decision.refusal.code}): ${decision.refusal.message}`);
    }
    this.apply(decision.events, actor);
    return decision.events;
  }

  /** Applies events; every state is frozen, so an `evolve` that changed its input would throw. */
  apply(events: readonly Event[], actor: Actor): void {
    const meta = { at: this.now.toISOString(), by: actorId(actor) };
    for (const event of events) {
      this.complaint = deepFreeze(evolve(deepFreeze(this.complaint), deepFreeze(event), meta));
      this.history.push({ event, meta });
    }
  }

  advanceDays(days: number): this {
    this.now = new Date(this.now.getTime() + days * DAY_MS);
    return this;
  }

  /** The ids of the current proposal's steps. */
  stepIds(): string[] {
    return this.complaint.attempts.at(-1)?.proposal?.steps.map((s) => s.id) ?? [];
  }

  /** Proposes one step, gets it agreed and done, ready for the follow-up. */
  proposeAgreeAndComplete(proposer: Actor): void {
    this.do(
      { type: 'propose', summary: 'Refund', steps: [{ description: 'Refund', ownerId: null }] },
      proposer,
    );
    this.do({ type: 'record-response', outcome: 'agreed' }, customer);
    for (const stepId of this.stepIds()) this.do({ type: 'complete-step', stepId }, agent);
  }
}
