/** Staff users and their API tokens (sessions: sessions.ts). Secrets are stored only as hashes. */
import type { Selectable } from 'kysely';
import type { Role } from '../domain/procedure.ts';
import type { Executor } from './database.ts';
import type { UsersTable } from './schema.ts';
import { fromJsonText, fromSqlBool, toJsonText, toSqlBool } from './values.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  createdAt: string;
  /** Their password was chosen by someone else: until they change it, they can do nothing else. */
  mustChangePassword: boolean;
}

export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: fromJsonText(row.roles) as Role[],
    active: fromSqlBool(row.active),
    createdAt: row.created_at,
    mustChangePassword: fromSqlBool(row.must_change_password),
  };
}

export async function insertUser(trx: Executor, user: User, passwordHash: string | null): Promise<void> {
  await trx
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email.toLowerCase(),
      name: user.name,
      roles: toJsonText(user.roles),
      password_hash: passwordHash,
      active: toSqlBool(user.active),
      created_at: user.createdAt,
      must_change_password: toSqlBool(user.mustChangePassword),
    })
    .execute();
}

export async function updateUserRow(trx: Executor, user: User, passwordHash?: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({
      name: user.name,
      roles: toJsonText(user.roles),
      active: toSqlBool(user.active),
      must_change_password: toSqlBool(user.mustChangePassword),
      ...(passwordHash ? { password_hash: passwordHash } : {}),
    })
    .where('id', '=', user.id)
    .execute();
}

/**
 * Sets a user's own new password and clears the must-change flag, touching nothing else: an admin's change of
 * their roles or active flag made meanwhile stands.
 */
export async function setOwnPassword(trx: Executor, userId: string, passwordHash: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: 0 })
    .where('id', '=', userId)
    .execute();
}

export async function findUserById(trx: Executor, id: string): Promise<User | undefined> {
  const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** The user and their password hash, by email (any case). */
export async function findUserByEmail(trx: Executor, email: string) {
  const row = await trx
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row && { user: toUser(row), passwordHash: row.password_hash };
}

export async function listUsers(trx: Executor): Promise<User[]> {
  const rows = await trx.selectFrom('users').selectAll().orderBy('name').execute();
  return rows.map(toUser);
}

export async function findUsersByIds(
  trx: Executor,
  ids: readonly (string | null)[],
): Promise<Map<string, User>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await trx.selectFrom('users').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, toUser(row)]));
}

export async function countUsers(trx: Executor): Promise<number> {
  const row = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertApiToken(
  trx: Executor,
  token: {
    id: string;
    userId: string;
    name: string;
    tokenHash: string;
    createdAt: string;
    expiresAt: string | null;
    scope: string;
  },
) {
  await trx
    .insertInto('api_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      created_at: token.createdAt,
      last_used_at: null,
      revoked_at: null,
      expires_at: token.expiresAt,
      scope: token.scope,
    })
    .execute();
}

/**
 * The active user holding an unrevoked token with this hash, when the token was last used, when it expires
 * and its scope.
 */
export async function findUserByTokenHash(
  trx: Executor,
  tokenHash: string,
): Promise<
  | { user: User; tokenLastUsedAt: string | null; tokenExpiresAt: string | null; tokenScope: string }
  | undefined
> {
  const row = await trx
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select([
      'api_tokens.last_used_at as token_last_used_at',
      'api_tokens.expires_at as token_expires_at',
      'api_tokens.scope as token_scope',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  return (
    row && {
      user: toUser(row),
      tokenLastUsedAt: row.token_last_used_at,
      tokenExpiresAt: row.token_expires_at,
      tokenScope: row.token_scope,
    }
  );
}

/** How stale a token's recorded last use may get before a request records it again. */
export const TOKEN_USE_RESOLUTION_MS = 60_000;

/**
 * Records that a token was used now, at most once a minute per token, so a busy script does not turn every
 * request into a write (callers skip the call when the last use they read is recent).
 */
export async function touchApiToken(executor: Executor, tokenHash: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const aMinuteAgo = new Date(now.getTime() - TOKEN_USE_RESOLUTION_MS).toISOString();
  await executor
    .updateTable('api_tokens')
    .set({ last_used_at: at })
    .where('token_hash', '=', tokenHash)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', aMinuteAgo)]))
    .execute();
}

/** The user's password hash, by id. */
export async function findPasswordHash(trx: Executor, userId: string): Promise<string | null | undefined> {
  const row = await trx
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.password_hash;
}

/** Revokes every unrevoked token of a user; returns how many. */
export async function revokeApiTokensOf(trx: Executor, userId: string, at: string): Promise<number> {
  const result = await trx
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A token as people see it: who holds it and what it is for, never its hash. */
export interface ApiTokenSummary {
  id: string;
  userId: string;
  ownerName: string;
  ownerEmail: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  scope: string;
}

/** Unrevoked tokens, newest first: one user's when `userId` is given, else everyone's. */
export async function listApiTokens(
  trx: Executor,
  filter: { userId?: string | undefined } = {},
): Promise<ApiTokenSummary[]> {
  let query = trx
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as id',
      'api_tokens.user_id as userId',
      'users.name as ownerName',
      'users.email as ownerEmail',
      'api_tokens.name as name',
      'api_tokens.created_at as createdAt',
      'api_tokens.last_used_at as lastUsedAt',
      'api_tokens.expires_at as expiresAt',
      'api_tokens.scope as scope',
    ])
    .where('api_tokens.revoked_at', 'is', null);
  if (filter.userId !== undefined) query = query.where('api_tokens.user_id', '=', filter.userId);
  return query.orderBy('api_tokens.created_at', 'desc').orderBy('api_tokens.id', 'desc').execute();
}

/** One token (revoked or not) and whose it is. */
export async function findApiTokenById(trx: Executor, id: string) {
  const row = await trx
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, revokedAt: row.revoked_at };
}

/** Revokes one token if it is not already; returns whether it was revoked now. */
export async function revokeApiToken(trx: Executor, id: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Active staff with a role, for the routing to choose among (staff lists are small: hundreds at most). */
export async function findActiveStaffWithRole(trx: Executor, role: Role) {
  const rows = await trx.selectFrom('users').selectAll().where('active', '=', 1).orderBy('id').execute();
  return rows
    .map((row) => ({ user: toUser(row), lastRoutedAt: row.last_routed_at }))
    .filter(({ user }) => user.roles.includes(role));
}

/** Records that the routing just gave this person a complaint (round-robin moves on to the next). */
export async function markRouted(trx: Executor, userId: string, at: string): Promise<void> {
  await trx.updateTable('users').set({ last_routed_at: at }).where('id', '=', userId).execute();
}
