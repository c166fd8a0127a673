/** Lists personal API tokens: your own, or (admins) one person's or everyone's. Hashes never leave the db. */
import { type ApiTokenSummary, listApiTokens as listTokenRows } from '../db/users.ts';
import type { Actor } from '../domain/actor.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';

/**
 * The unrevoked tokens the actor may see. Without `userId` an admin sees everyone's and anyone else their
 * own; asking for another person's tokens needs the admin role.
 */
export async function listApiTokens(
  ctx: AppContext,
  actor: Actor & { kind: 'staff' },
  filter: { userId?: string | undefined } = {},
): Promise<ApiTokenSummary[]> {
  const admin = actor.roles.includes('admin');
  if (filter.userId !== undefined && filter.userId !== actor.id && !admin) {
    throw new AppError('forbidden', 'only an admin can list someone else’s tokens', { field: 'userId' });
  }
  return listTokenRows(ctx.db.kysely, { userId: filter.userId ?? (admin ? undefined : actor.id) });
}
