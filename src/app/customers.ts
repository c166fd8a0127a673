/** Customer records: create, read, change, search (merging is merge-customers.ts). */
import { isCustomerAnonymised } from '../db/anonymise.ts';
import { appendAuditEvent } from '../db/audit.ts';
import {
  findCustomer,
  insertCustomer,
  searchCustomers as searchRows,
  updateCustomerRow,
} from '../db/customers.ts';
import { transaction } from '../db/database.ts';
import { type Actor, actorId } from '../domain/actor.ts';
import type { Customer } from '../domain/customer.ts';
import { customerChanges } from '../domain/customer-changes.ts';
import { issueCustomerOwedAdrLetters } from './change-complaint.ts';
import type { AppContext } from './context.ts';
import { AppError, notFound } from './errors.ts';
import { type NewCustomer, newCustomer } from './record-complaint.ts';

export async function createCustomer(ctx: AppContext, input: NewCustomer): Promise<Customer> {
  const customer = newCustomer(input, ctx.now());
  await insertCustomer(ctx.db.kysely, customer);
  return customer;
}

export async function getCustomer(ctx: AppContext, id: string): Promise<Customer> {
  const customer = await findCustomer(ctx.db.kysely, id);
  if (!customer) throw notFound(`customer ${id}`);
  return customer;
}

/**
 * Applies the given changes; fields left out keep their values, null clears an optional one. Every change
 * goes on the audit trail with who made it: the details changed, old and new (`customer-details-changed`),
 * and whether the customer may be contacted beyond their complaint (`customer-contact-preference-changed`).
 * An anonymised record cannot be changed.
 */
export async function updateCustomer(
  ctx: AppContext,
  id: string,
  changes: Partial<Omit<Customer, 'id' | 'createdAt' | 'updatedAt' | 'needs'>> & {
    needs?: Partial<Customer['needs']>;
  },
  actor: Actor,
): Promise<Customer> {
  const customer = await getCustomer(ctx, id);
  if (await isCustomerAnonymised(ctx.db.kysely, id)) {
    throw new AppError('not-allowed-now', `customer ${id} was anonymised: their details are gone for good`);
  }
  if (customer.merged) {
    throw new AppError(
      'customer-merged',
      `customer ${id} was merged into customer ${customer.merged.intoId}: change that record instead`,
    );
  }
  const updated: Customer = {
    ...customer,
    ...changes,
    email: changes.email === undefined ? customer.email : (changes.email?.toLowerCase() ?? null),
    needs: { ...customer.needs, ...changes.needs },
    updatedAt: ctx.now().toISOString(),
  };
  const { contactOptOut: _preference, ...details } = customerChanges(customer, updated);
  await transaction(ctx.db, async (trx) => {
    await updateCustomerRow(trx, updated);
    // A type the scheme takes, after the ADR date of a complaint: its letter is owed today.
    if (updated.type !== customer.type) await issueCustomerOwedAdrLetters(trx, ctx, id);
    // Rectification: every detail changed, old and new, with who changed it (system chain; redacted with
    // the rest of the customer's personal data when they are anonymised: docs/PRIVACY.md).
    if (Object.keys(details).length > 0) {
      await appendAuditEvent(trx, {
        complaintId: null,
        type: 'customer-details-changed',
        actor: actorId(actor) ?? 'system',
        at: updated.updatedAt,
        payload: { customerId: id, changes: details },
      });
    }
    if (updated.contactOptOut !== customer.contactOptOut) {
      await appendAuditEvent(trx, {
        complaintId: null,
        type: 'customer-contact-preference-changed',
        actor: actorId(actor) ?? 'system',
        at: updated.updatedAt,
        payload: { customerId: id, contactOptOut: updated.contactOptOut },
      });
    }
  });
  return updated;
}

export function searchCustomers(ctx: AppContext, text: string, limit = 20): Promise<Customer[]> {
  return searchRows(ctx.db.kysely, text, limit);
}
