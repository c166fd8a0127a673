/** The customer follows their one-time link and gets a portal session, bound to them (not to one CRN). */
import { randomBytes } from 'node:crypto';
import { findComplaintById } from '../db/complaints.ts';
import { transaction } from '../db/database.ts';
import {
  consumePortalLink,
  deleteExpiredPortalCredentials,
  deletePortalSession,
  findPortalSessionCustomer,
  insertPortalSession,
} from '../db/portal.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';
import { sha256 } from './sign-in.ts';

export const PORTAL_SESSION_HOURS = 12;

/** Uses the link (once) and opens a session; returns the cookie secret and the complaint it was for. */
export async function signInCustomer(ctx: AppContext, token: string) {
  const now = ctx.now();
  return transaction(ctx.db, async (trx) => {
    await deleteExpiredPortalCredentials(trx, now.toISOString());
    const link = await consumePortalLink(trx, sha256(token), now.toISOString());
    if (!link) {
      throw new AppError(
        'unauthenticated',
        'this sign-in link has expired or was already used: ask for a new one',
      );
    }
    const complaint = await findComplaintById(trx, link.complaint_id);
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + PORTAL_SESSION_HOURS * 3_600_000);
    await insertPortalSession(trx, {
      id: sha256(secret),
      customerId: link.customer_id,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    return { secret, expiresAt, customerId: link.customer_id, reference: complaint?.reference ?? null };
  });
}

/** The customer a portal cookie belongs to, if the session is valid. */
export function customerForPortalSession(ctx: AppContext, secret: string): Promise<string | undefined> {
  return findPortalSessionCustomer(ctx.db.kysely, sha256(secret), ctx.now().toISOString());
}

export async function signOutCustomer(ctx: AppContext, secret: string): Promise<void> {
  await deletePortalSession(ctx.db.kysely, sha256(secret));
}
