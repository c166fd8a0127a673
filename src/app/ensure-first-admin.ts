/** On the very first start, with no users at all, create an admin so someone can sign in. */
import { randomBytes } from 'node:crypto';
import { countUsers } from '../db/users.ts';
import { addUser } from './add-user.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';

export const FIRST_ADMIN_EMAIL = 'admin@localhost';

/** Creates the first admin if there are no users; returns its one-time password, or null. */
export async function ensureFirstAdmin(ctx: AppContext): Promise<{ email: string; password: string } | null> {
  if ((await countUsers(ctx.db.kysely)) > 0) return null;
  const password = randomBytes(12).toString('base64url');
  try {
    await addUser(ctx, { email: FIRST_ADMIN_EMAIL, name: 'Administrator', roles: ['admin'], password });
  } catch (error) {
    // Another process starting at the same moment created it first.
    if (error instanceof AppError && error.code === 'conflict') return null;
    throw error;
  }
  return { email: FIRST_ADMIN_EMAIL, password };
}
