/**
 * Merges one customer record into another: the complaints (with their contacts, notes and letters), emails,
 * portal links and sessions of the merged record — and any records merged into it before — follow the
 * survivor. The merged record is kept as a tombstone pointing to the survivor (audit rows name it, so it is
 * never deleted), and the survivor gains any contact details it lacked. One audit event goes on each complaint
 * that moved and one records the merge itself, all in one transaction.
 *
 * Only reviewers, directors and admins may merge (domain/customer.ts, `mayMergeCustomers`: a merge cannot be
 * undone and moves portal sign-ins with the complaints).
 *
 * Refused: merging a record into itself, a record already merged (or into one), and — unless confirmed —
 * customers of different types: the type decides whether the complaints can go to ADR, and the moved
 * complaints take the survivor's.
 */
import { appendAuditEvents } from '../db/audit.ts';
import {
  lockCustomers,
  markCustomerMerged,
  moveCustomerRecords,
  updateCustomerRow,
} from '../db/customers.ts';
import { transaction } from '../db/database.ts';
import type { Actor } from '../domain/actor.ts';
import { type Customer, mayMergeCustomers } from '../domain/customer.ts';
import { customerChanges } from '../domain/customer-changes.ts';
import { issueCustomerOwedAdrLetters } from './change-complaint.ts';
import type { AppContext } from './context.ts';
import { AppError, invalidField, notFound } from './errors.ts';
import { auditActor } from './record-decision.ts';

export interface MergeRequest {
  /** The record that survives. */
  into: string;
  /** Required (true) when the two records' customer types differ; the survivor's type is kept. */
  confirmDifferentType?: boolean | undefined;
}

export interface MergeResult {
  customer: Customer;
  moved: { complaints: string[]; emails: number; portalLinks: number; portalSessions: number };
}

/** The survivor's details, with what it lacked taken from the merged record; nothing it has is changed. */
function fillGaps(survivor: Customer, merged: Customer, at: string): Customer {
  return {
    ...survivor,
    email: survivor.email ?? merged.email,
    phone: survivor.phone ?? merged.phone,
    addressLines: survivor.addressLines.length ? survivor.addressLines : merged.addressLines,
    postcode: survivor.postcode ?? merged.postcode,
    needs: {
      largePrint: survivor.needs.largePrint || merged.needs.largePrint,
      braille: survivor.needs.braille || merged.needs.braille,
      textRelay: survivor.needs.textRelay || merged.needs.textRelay,
    },
    preferredChannel: survivor.preferredChannel ?? merged.preferredChannel,
    vulnerabilityNotes: survivor.vulnerabilityNotes ?? merged.vulnerabilityNotes,
    // Asked not to be contacted on either record: asked.
    contactOptOut: survivor.contactOptOut || merged.contactOptOut,
    updatedAt: at,
  };
}

const mergedError = (c: Customer) =>
  new AppError('customer-merged', `customer ${c.id} was already merged into customer ${c.merged?.intoId}`);

/** Merges customer `id` into `request.into`; returns the survivor as it now is and what moved. */
export async function mergeCustomers(
  ctx: AppContext,
  id: string,
  request: MergeRequest,
  actor: Extract<Actor, { kind: 'staff' }>,
): Promise<MergeResult> {
  if (!mayMergeCustomers(actor.roles))
    throw new AppError('forbidden', 'only a reviewer, a director or an admin can merge customer records');
  if (id === request.into)
    throw invalidField('into', 'must be another customer: a record cannot merge into itself');
  return transaction(ctx.db, async (trx) => {
    const found = await lockCustomers(trx, [id, request.into]);
    const merged = found.get(id);
    const survivor = found.get(request.into);
    if (!merged) throw notFound(`customer ${id}`);
    if (!survivor) throw invalidField('into', 'is not a known customer');
    if (merged.merged) throw mergedError(merged);
    if (survivor.merged) throw mergedError(survivor);
    if (merged.type !== survivor.type && request.confirmDifferentType !== true) {
      throw new AppError(
        'confirmation-required',
        `confirmDifferentType must be true to merge records of different types (${merged.type} into ${survivor.type}): the complaints that move take the surviving record's type, which decides whether they can go to ADR`,
        { field: 'confirmDifferentType' },
      );
    }
    const at = ctx.now().toISOString();
    const moved = await moveCustomerRecords(trx, merged.id, survivor.id, at);
    const updated = fillGaps(survivor, merged, at);
    await updateCustomerRow(trx, updated);
    // The survivor's details filled from the merged record are a rectification too: audited, old and new.
    const filled = customerChanges(survivor, updated);
    await markCustomerMerged(trx, merged.id, survivor.id, at);
    const by = auditActor(actor);
    const references = moved.complaints.map((c) => c.reference);
    await appendAuditEvents(trx, [
      ...moved.complaints.map((c) => ({
        complaintId: c.id,
        type: 'customer-merged',
        actor: by,
        at,
        payload: { fromCustomerId: merged.id, intoCustomerId: survivor.id },
      })),
      ...(Object.keys(filled).length > 0
        ? [
            {
              complaintId: null,
              type: 'customer-details-changed',
              actor: by,
              at,
              payload: { customerId: survivor.id, changes: filled, mergedCustomerId: merged.id },
            },
          ]
        : []),
      {
        complaintId: null,
        type: 'customers-merged',
        actor: by,
        at,
        payload: {
          mergedCustomerId: merged.id,
          intoCustomerId: survivor.id,
          complaints: references,
          emails: moved.emails,
          portalLinks: moved.portalLinks,
          portalSessions: moved.portalSessions,
          uploads: moved.uploads,
          earlierMergedRecords: moved.mergedRecords,
          typeDiffered: merged.type !== survivor.type,
        },
      },
    ]);
    // The complaints that moved took the survivor's type: one the scheme takes may owe a letter today.
    if (merged.type !== survivor.type) await issueCustomerOwedAdrLetters(trx, ctx, survivor.id);
    return {
      customer: updated,
      moved: {
        complaints: references,
        emails: moved.emails,
        portalLinks: moved.portalLinks,
        portalSessions: moved.portalSessions,
      },
    };
  });
}
