/** Personal API tokens: shown once, stored as a sha256 hash, sent as `Authorization: Bearer`. */
import { randomBytes } from 'node:crypto';
import { newId } from '../db/ids.ts';
import {
  findApiTokenById,
  findUserByEmail,
  findUserById,
  findUserByTokenHash,
  insertApiToken,
  revokeApiTokensOf,
  revokeApiToken as revokeTokenRow,
  TOKEN_USE_RESOLUTION_MS,
  touchApiToken,
  type User,
} from '../db/users.ts';
import type { Actor } from '../domain/actor.ts';
import type { AppContext } from './context.ts';
import { AppError, notFound } from './errors.ts';
import { sha256 } from './sign-in.ts';

const TOKEN_PREFIX = 'rdr_';

/** Creates a token for the user with this email; returns the token itself (the only time it exists). */
export async function createApiToken(ctx: AppContext, email: string, name = 'personal token') {
  const found = await findUserByEmail(ctx.db.kysely, email);
  if (!found?.user.active) throw notFound(`active user ${email}`);
  const { token } = await issueToken(ctx, found.user, name);
  return { token, user: found.user };
}

async function issueToken(ctx: AppContext, user: User, name: string) {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const now = ctx.now();
  const id = newId(now.getTime());
  const createdAt = now.toISOString();
  await insertApiToken(ctx.db.kysely, { id, userId: user.id, name, tokenHash: sha256(token), createdAt });
  return { id, token, createdAt };
}

type StaffActor = Actor & { kind: 'staff' };
const isAdmin = (actor: StaffActor) => actor.roles.includes('admin');

/**
 * A token for the actor, and only for the actor: a token acts as its holder, so one made for someone else
 * would let its maker act as them (their roles, their name on every command) with nothing to show for it.
 * Operators issue tokens for others with the CLI (`redress token create`). The token itself is in the answer
 * and nowhere else: only its hash is kept.
 */
export async function createApiTokenFor(ctx: AppContext, actor: StaffActor, input: { name: string }) {
  const user = await findUserById(ctx.db.kysely, actor.id);
  if (!user?.active) throw new AppError('forbidden', 'only an active member of staff can create a token');
  const name = input.name.trim();
  const issued = await issueToken(ctx, user, name);
  return { ...issued, name, userId: user.id, ownerName: user.name, ownerEmail: user.email, lastUsedAt: null };
}

/**
 * Revokes one token: the actor's own, or anyone's for an admin. Someone else's token is "not found" to a
 * non-admin, so ids cannot be probed. Revoking a revoked token changes nothing.
 */
export async function revokeApiToken(ctx: AppContext, actor: StaffActor, tokenId: string): Promise<void> {
  const token = await findApiTokenById(ctx.db.kysely, tokenId);
  if (!token || (token.userId !== actor.id && !isAdmin(actor))) throw notFound(`token ${tokenId}`);
  await revokeTokenRow(ctx.db.kysely, token.id, ctx.now().toISOString());
}

/** Revokes every token of the user with this email (a leaked token, someone leaving); returns how many. */
export async function revokeApiTokens(ctx: AppContext, email: string): Promise<number> {
  const found = await findUserByEmail(ctx.db.kysely, email);
  if (!found) throw notFound(`user ${email}`);
  return revokeApiTokensOf(ctx.db.kysely, found.user.id, ctx.now().toISOString());
}

/** The user a bearer token belongs to, if it is valid; records that the token was used. */
export async function userForToken(ctx: AppContext, token: string): Promise<User | undefined> {
  const hash = sha256(token);
  const found = await findUserByTokenHash(ctx.db.kysely, hash);
  if (!found) return undefined;
  const now = ctx.now();
  const last = found.tokenLastUsedAt ? Date.parse(found.tokenLastUsedAt) : Number.NEGATIVE_INFINITY;
  // Most requests read a recent last use and write nothing.
  if (now.getTime() - last >= TOKEN_USE_RESOLUTION_MS) await touchApiToken(ctx.db.kysely, hash, now);
  return found.user;
}
