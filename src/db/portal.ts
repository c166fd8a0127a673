/** One-time sign-in links and sessions of the customer portal. Secrets are stored only as hashes. */
import type { Executor } from './database.ts';

export async function insertPortalLink(
  trx: Executor,
  link: { id: string; customerId: string; complaintId: string; createdAt: string; expiresAt: string },
) {
  await trx
    .insertInto('portal_links')
    .values({
      id: link.id,
      customer_id: link.customerId,
      complaint_id: link.complaintId,
      created_at: link.createdAt,
      expires_at: link.expiresAt,
      used_at: null,
    })
    .execute();
}

/**
 * Marks an unused, unexpired link as used and returns whose it was; undefined when the link is unknown,
 * expired or already used. One UPDATE, so two clicks at once cannot both succeed.
 */
export async function consumePortalLink(trx: Executor, id: string, now: string) {
  return trx
    .updateTable('portal_links')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['customer_id', 'complaint_id'])
    .executeTakeFirst();
}

export async function insertPortalSession(
  trx: Executor,
  session: { id: string; customerId: string; createdAt: string; expiresAt: string },
) {
  await trx
    .insertInto('portal_sessions')
    .values({
      id: session.id,
      customer_id: session.customerId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The customer of an unexpired portal session. */
export async function findPortalSessionCustomer(
  trx: Executor,
  id: string,
  now: string,
): Promise<string | undefined> {
  const row = await trx
    .selectFrom('portal_sessions')
    .select('customer_id')
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row?.customer_id;
}

export async function deletePortalSession(trx: Executor, id: string) {
  await trx.deleteFrom('portal_sessions').where('id', '=', id).execute();
}

/** How many unused, unexpired links a complaint has. */
export async function countLivePortalLinks(trx: Executor, complaintId: string, now: string): Promise<number> {
  const row = await trx
    .selectFrom('portal_links')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('complaint_id', '=', complaintId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deletes expired portal sessions and links that can no longer be used. */
export async function deleteExpiredPortalCredentials(trx: Executor, now: string): Promise<void> {
  await trx.deleteFrom('portal_sessions').where('expires_at', '<=', now).execute();
  await trx.deleteFrom('portal_links').where('expires_at', '<=', now).execute();
}
