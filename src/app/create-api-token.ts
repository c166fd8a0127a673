/**
 * Personal API tokens: shown once, stored as a sha256 hash, sent as `Authorization: Bearer`. A token may
 * expire, and may be held to reading or to named commands (domain/token-scope.ts).
 */
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
import { formatTokenScope, parseTokenScope, type TokenScope } from '../domain/token-scope.ts';
import type { AppContext } from './context.ts';
import { AppError, invalidField, notFound } from './errors.ts';
import { sha256 } from './sign-in.ts';

const TOKEN_PREFIX = 'rdr_';

/** What a new token may do and until when: full and never, unless said. */
export interface TokenLimits {
  /** An ISO instant in the future. */
  expiresAt?: string | undefined;
  /** `full` (the default), `read` or `commands:a,b`. */
  scope?: string | undefined;
}

/** Creates a token for the user with this email; returns the token itself (the only time it exists). */
export async function createApiToken(
  ctx: AppContext,
  email: string,
  name = 'personal token',
  limits: TokenLimits = {},
) {
  const found = await findUserByEmail(ctx.db.kysely, email);
  if (!found?.user.active) throw notFound(`active user ${email}`);
  const issued = await issueToken(ctx, found.user, name, limits);
  return { ...issued, user: found.user };
}

async function issueToken(ctx: AppContext, user: User, name: string, limits: TokenLimits) {
  const now = ctx.now();
  const expiresAt = limits.expiresAt === undefined ? null : new Date(limits.expiresAt);
  if (expiresAt && Number.isNaN(expiresAt.getTime())) {
    throw invalidField('expiresAt', 'must be a date and time, e.g. 2027-03-31T17:00:00Z');
  }
  if (expiresAt && expiresAt <= now) throw invalidField('expiresAt', 'must be in the future');
  const parsed = parseTokenScope(limits.scope ?? 'full');
  if ('error' in parsed) throw invalidField('scope', parsed.error);
  const scope = formatTokenScope(parsed);
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const id = newId(now.getTime());
  const createdAt = now.toISOString();
  const expires = expiresAt?.toISOString() ?? null;
  await insertApiToken(ctx.db.kysely, {
    id,
    userId: user.id,
    name,
    tokenHash: sha256(token),
    createdAt,
    expiresAt: expires,
    scope,
  });
  return { id, token, createdAt, expiresAt: expires, scope };
}

type StaffActor = Actor & { kind: 'staff' };
const isAdmin = (actor: StaffActor) => actor.roles.includes('admin');

/**
 * A token for the actor, and only for the actor: a token acts as its holder, so one made for someone else
 * would let its maker act as them (their roles, their name on every command) with nothing to show for it.
 * Operators issue tokens for others with the CLI (`redress token create`). The token itself is in the answer
 * and nowhere else: only its hash is kept.
 */
export async function createApiTokenFor(
  ctx: AppContext,
  actor: StaffActor,
  input: { name: string } & TokenLimits,
) {
  const user = await findUserById(ctx.db.kysely, actor.id);
  if (!user?.active) throw new AppError('forbidden', 'only an active member of staff can create a token');
  const name = input.name.trim();
  const issued = await issueToken(ctx, user, name, input);
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

/** A valid token's holder and scope, or when a token that was valid expired. */
export type TokenCheck = { user: User; scope: TokenScope } | { expiredAt: string };

/**
 * The user a bearer token belongs to and what it may do, if it is valid, or when it expired; undefined for a
 * token that is unknown, revoked or whose user is inactive. Records that a valid token was used.
 */
export async function userForToken(ctx: AppContext, token: string): Promise<TokenCheck | undefined> {
  const hash = sha256(token);
  const found = await findUserByTokenHash(ctx.db.kysely, hash);
  if (!found) return undefined;
  const now = ctx.now();
  if (found.tokenExpiresAt !== null && Date.parse(found.tokenExpiresAt) <= now.getTime()) {
    return { expiredAt: found.tokenExpiresAt };
  }
  const scope = parseTokenScope(found.tokenScope);
  // A scope the database holds but this code cannot read grants nothing beyond reading.
  const granted: TokenScope = 'error' in scope ? { kind: 'read' } : scope;
  const last = found.tokenLastUsedAt ? Date.parse(found.tokenLastUsedAt) : Number.NEGATIVE_INFINITY;
  // Most requests read a recent last use and write nothing.
  if (now.getTime() - last >= TOKEN_USE_RESOLUTION_MS) await touchApiToken(ctx.db.kysely, hash, now);
  return { user: found.user, scope: granted };
}
