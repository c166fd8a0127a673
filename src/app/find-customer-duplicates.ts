/**
 * Likely duplicates of a customer record: live records with the same email, the same phone number in UK
 * national form, or the same postcode and a similar name. Each is found by index (never a scan of customers);
 * the domain says which candidates are alike and why.
 */
import { findDuplicateCandidates } from '../db/customers.ts';
import type { Customer } from '../domain/customer.ts';
import { type DuplicateReason, duplicateReasons } from '../domain/customer-match.ts';
import type { AppContext } from './context.ts';
import { getCustomer } from './customers.ts';

export interface LikelyDuplicate {
  customer: Customer;
  reasons: DuplicateReason[];
}

/** The customer's likely duplicates, strongest likeness first (more reasons, then email, phone, postcode). */
export async function findCustomerDuplicates(ctx: AppContext, id: string): Promise<LikelyDuplicate[]> {
  const customer = await getCustomer(ctx, id);
  if (customer.merged) return [];
  const candidates = await findDuplicateCandidates(ctx.db.kysely, customer);
  const weight = (reasons: DuplicateReason[]) =>
    reasons.length * 10 + (reasons.includes('email') ? 4 : 0) + (reasons.includes('phone') ? 2 : 0);
  return candidates
    .map((other) => ({ customer: other, reasons: duplicateReasons(customer, other) }))
    .filter((d) => d.reasons.length > 0)
    .sort(
      (a, b) =>
        weight(b.reasons) - weight(a.reasons) || a.customer.createdAt.localeCompare(b.customer.createdAt),
    );
}
