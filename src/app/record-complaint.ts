/**
 * Complaint Initiation: the facts gathered from the customer become a complaint with a CRN, in Resolution
 * Attempt 1, with its ADR clock started — all in one transaction. An idempotency key makes a retried request
 * return the complaint the first one created.
 */

import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { findCustomer, insertCustomer } from '../db/customers.ts';
import { type Executor, transaction } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { newId } from '../db/ids.ts';
import { enqueue } from '../db/jobs.ts';
import type { Schema } from '../db/schema.ts';
import { nextSequence } from '../db/sequences.ts';
import { type Actor, actorId } from '../domain/actor.ts';
import type { Channel, CustomerType } from '../domain/complaint.ts';
import { formatCrn } from '../domain/crn.ts';
import type { Customer, FormatNeeds } from '../domain/customer.ts';
import { evolveAll } from '../domain/evolve.ts';
import { decide, initiate } from '../domain/lifecycle.ts';
import type { Category } from '../domain/procedure.ts';
import { londonDate } from '../domain/time.ts';
import { acknowledgementJob } from './acknowledge-complaint.ts';
import { issueOwedAdrLetter, refusalError } from './change-complaint.ts';
import type { AppContext } from './context.ts';
import { AppError, invalidField } from './errors.ts';
import { recordChange } from './record-decision.ts';
import { requireActiveStaff } from './require-active-staff.ts';
import { routingFor } from './route-complaint.ts';

export interface NewCustomer {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  type?: CustomerType | undefined;
  addressLines?: string[] | undefined;
  postcode?: string | undefined;
  needs?: Partial<FormatNeeds> | undefined;
  preferredChannel?: Channel | undefined;
  vulnerabilityNotes?: string | undefined;
  /** The customer asked not to be contacted beyond what their complaint needs (no survey). */
  contactOptOut?: boolean | undefined;
}

export interface ComplaintFacts {
  customer: { id: string } | NewCustomer;
  channel: Channel;
  description: string;
  /** The customer's own words, when `description` is staff's account of the complaint. */
  customerWords?: string | undefined;
  category?: Category | undefined;
  formal?: boolean | undefined;
  desiredOutcome?: string | undefined;
  firstExpressedAt?: string | undefined;
  ownerId?: string | null | undefined;
  /** The contact that brought the complaint (the customer's web form, say), logged in the same transaction. */
  contact?: { direction: 'in' | 'out'; summary: string } | undefined;
}

/**
 * Who records the complaint: a staff member or the clock, or `'the-customer'` for the customer themselves
 * (a complaint raised online), whose id exists only once their new record has been written.
 */
export type RecordingActor = Actor | 'the-customer';

export interface IdempotencyKey {
  /** Whose key it is: the same key from two callers means two requests. */
  scope: string;
  key: string;
  /**
   * What else the request carried that a replay must match, beside the facts (the hashes of uploaded
   * files, say): the same key with other files is another request.
   */
  covers?: unknown;
}

/** Builds a customer record from what staff or the customer gave. */
export function newCustomer(input: NewCustomer, now: Date): Customer {
  const at = now.toISOString();
  return {
    id: newId(now.getTime()),
    name: input.name,
    email: input.email?.toLowerCase() ?? null,
    phone: input.phone ?? null,
    type: input.type ?? 'residential',
    addressLines: input.addressLines ?? [],
    postcode: input.postcode?.toUpperCase() ?? null,
    needs: { largePrint: false, braille: false, textRelay: false, ...input.needs },
    preferredChannel: input.preferredChannel ?? null,
    vulnerabilityNotes: input.vulnerabilityNotes ?? null,
    contactOptOut: input.contactOptOut ?? false,
    createdAt: at,
    updatedAt: at,
    merged: null,
  };
}

async function customerFor(trx: Executor, input: ComplaintFacts['customer'], now: Date): Promise<Customer> {
  if ('id' in input) {
    const found = await findCustomer(trx, input.id);
    if (!found) throw invalidField('customer.id', 'is not a known customer');
    if (found.merged) {
      throw invalidField('customer.id', `was merged into customer ${found.merged.intoId}: use that record`);
    }
    return found;
  }
  const customer = newCustomer(input, now);
  await insertCustomer(trx, customer);
  return customer;
}

export interface RecordedComplaint {
  id: string;
  reference: string;
  /** True when an earlier request with the same idempotency key created it. */
  replayed: boolean;
}

/**
 * More writes that belong to the new complaint, run inside its transaction after it is stored (the email that
 * brought it, say): if they throw, nothing is recorded. Not run when an idempotency key replays a complaint.
 */
export type WithinRecording = (
  trx: Transaction<Schema>,
  complaint: { id: string; reference: string; customerId: string },
) => Promise<void>;

/** Records a new complaint and returns its CRN. */
export async function recordComplaint(
  ctx: AppContext,
  facts: ComplaintFacts,
  recordedBy: RecordingActor,
  idempotency?: IdempotencyKey,
  within?: WithinRecording,
): Promise<RecordedComplaint> {
  const hashed = idempotency?.covers === undefined ? facts : [facts, idempotency.covers];
  const requestHash = createHash('sha256').update(JSON.stringify(hashed)).digest('hex');
  const attempt = () =>
    transaction(ctx.db, async (trx) => {
      if (idempotency) {
        const earlier = await trx
          .selectFrom('idempotency_keys')
          .selectAll()
          .where('scope', '=', idempotency.scope)
          .where('key', '=', idempotency.key)
          .executeTakeFirst();
        if (earlier) {
          if (earlier.request_hash !== requestHash) {
            throw new AppError(
              'idempotency-key-reused',
              'this Idempotency-Key was already used for a different complaint',
            );
          }
          const stored = JSON.parse(earlier.response ?? '{}') as { id: string; reference: string };
          return { ...stored, replayed: true };
        }
      }
      const now = ctx.now();
      // A customer raising their own complaint must never be attached to an existing record.
      if (recordedBy === 'the-customer' && 'id' in facts.customer) {
        throw invalidField('customer.id', 'cannot be given when the customer raises the complaint');
      }
      await requireActiveStaff(trx, [['ownerId', facts.ownerId ?? null]]);
      const customer = await customerFor(trx, facts.customer, now);
      const actor: Actor =
        recordedBy === 'the-customer' ? { kind: 'customer', customerId: customer.id } : recordedBy;
      const year = Number(londonDate(now).slice(2, 4));
      const sequence = await nextSequence(trx, `crn-${year}`);
      const decision = initiate(
        {
          id: newId(now.getTime()),
          reference: formatCrn(ctx.procedure.crn, year, sequence),
          customerId: customer.id,
          customerType: customer.type,
          channel: facts.channel,
          category: facts.category ?? 'other',
          description: facts.description,
          customerWords: facts.customerWords ?? null,
          desiredOutcome: facts.desiredOutcome ?? null,
          formal: facts.formal ?? false,
          firstExpressedAt: facts.firstExpressedAt,
          // Not given: whoever records it (staff); given as null: nobody, so it waits in its stage's queue.
          ownerId: facts.ownerId !== undefined ? facts.ownerId : actor.kind === 'staff' ? actor.id : null,
        },
        now,
        ctx.procedure,
      );
      if (!decision.ok) throw refusalError(decision.refusal);
      // Each event applied once: the state after each decision is what the next one is decided on.
      const meta = { at: now.toISOString(), by: actorId(actor) };
      const events = [...decision.events];
      let recorded = evolveAll(undefined, events, meta);
      if (facts.contact) {
        const logged = decide(
          recorded,
          { type: 'log-contact', channel: facts.channel, ...facts.contact },
          { actor, now, procedure: ctx.procedure, newId: () => newId(now.getTime()) },
        );
        if (!logged.ok) throw refusalError(logged.refusal);
        events.push(...logged.events);
        recorded = evolveAll(recorded, logged.events, meta);
      }
      const routed = await routingFor(trx, ctx.procedure, undefined, recorded, actor, meta.at);
      if (routed) {
        events.push(routed);
        recorded = evolveAll(recorded, [routed], meta);
      }
      const complaint = await recordChange(
        trx,
        { before: undefined, after: recorded, events },
        actor,
        now,
        ctx.procedure,
      );
      await enqueue(trx, acknowledgementJob(complaint.id, now), now);
      // Logged after its ADR time limit had passed (first expressed long before): the customer may go to the
      // ombudsman today, so the letter is issued with the complaint, dated today.
      await issueOwedAdrLetter(trx, ctx, complaint);
      await within?.(trx, complaint);
      const result = { id: complaint.id, reference: complaint.reference };
      if (idempotency) {
        await trx
          .insertInto('idempotency_keys')
          .values({
            scope: idempotency.scope,
            key: idempotency.key,
            request_hash: requestHash,
            status: 'completed',
            response_status: 201,
            response: JSON.stringify(result),
            created_at: now.toISOString(),
          })
          .execute();
      }
      return { ...result, replayed: false };
    });
  try {
    return await attempt();
  } catch (error) {
    // Two requests with one key raced on PostgreSQL: the loser's transaction rolled back whole; the second
    // look finds the winner's complaint.
    if (idempotency && isUniqueViolation(error)) return attempt();
    throw error;
  }
}
