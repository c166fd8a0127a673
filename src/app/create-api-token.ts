/** Personal API tokens: shown once, stored as a sha256 hash, sent as `Authorization: Bearer`. */
import { randomBytes } from 'node:crypto';
import { newId } from '../db/ids.ts';
import {
  findUserByEmail,
  findUserByTokenHash,
  insertApiToken,
  revokeApiTokensOf,
  type User,
} from '../db/users.ts';
import type { AppContext } from './context.ts';
import { notFound } from './errors.ts';
import { sha256 } from './sign-in.ts';

const TOKEN_PREFIX = 'rdr_';

/** Creates a token for the user with this email; returns the token itself (the only time it exists). */
export async function createApiToken(ctx: AppContext, email: string, name = 'personal token') {
  const found = await findUserByEmail(ctx.db.kysely, email);
  if (!found?.user.active) throw notFound(`active user ${email}`);
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const now = ctx.now();
  await insertApiToken(ctx.db.kysely, {
    id: newId(now.getTime()),
    userId: found.user.id,
    name,
    tokenHash: sha256(token),
    createdAt: now.toISOString(),
  });
  return { token, user: found.user };
}

/** Revokes every token of the user with this email (a leaked token, someone leaving); returns how many. */
export async function revokeApiTokens(ctx: AppContext, email: string): Promise<number> {
  const found = await findUserByEmail(ctx.db.kysely, email);
  if (!found) throw notFound(`user ${email}`);
  return revokeApiTokensOf(ctx.db.kysely, found.user.id, ctx.now().toISOString());
}

/** The user a bearer token belongs to, if it is valid. */
export function userForToken(ctx: AppContext, token: string): Promise<User | undefined> {
  return findUserByTokenHash(ctx.db.kysely, sha256(token));
}
