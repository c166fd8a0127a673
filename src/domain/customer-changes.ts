/**
 * What changed in a customer's details (UK GDPR right to rectification): each field that differs, old value
 * and new, for the audit trail. Pure; `updatedAt` and the merge tombstone are not details.
 */
import type { Customer } from './customer.ts';

const DETAILS = [
  'name',
  'email',
  'phone',
  'type',
  'addressLines',
  'postcode',
  'needs',
  'preferredChannel',
  'vulnerabilityNotes',
  'contactOptOut',
] as const satisfies readonly (keyof Customer)[];

export type CustomerDetail = (typeof DETAILS)[number];

/** The fields of `before` that `after` changes, each `{ from, to }`; empty when nothing changed. */
export function customerChanges(
  before: Customer,
  after: Customer,
): Partial<Record<CustomerDetail, { from: unknown; to: unknown }>> {
  const changes: Partial<Record<CustomerDetail, { from: unknown; to: unknown }>> = {};
  for (const field of DETAILS) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}
