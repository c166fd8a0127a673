/**
 * Staff sessions: the database keeps the sha256 of each cookie's secret (the id), a handle the API names it
 * by, when it was opened and last seen, and what browser and address opened it.
 */
import type { Executor } from './database.ts';
import { toUser, type User } from './users.ts';

export interface NewSession {
  id: string;
  handle: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
}

/** A session as its owner sees it: never its id. */
export interface SessionSummary {
  handle: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
}

export async function insertSession(trx: Executor, session: NewSession): Promise<void> {
  await trx
    .insertInto('sessions')
    .values({
      id: session.id,
      handle: session.handle,
      user_id: session.userId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      last_seen_at: session.createdAt,
      user_agent: session.userAgent,
      ip: session.ip,
    })
    .execute();
}

/**
 * The active user of an unexpired session, when the session was opened and last seen, and what the
 * 2-step gate needs (whether they have a password, whether their authenticator is confirmed): one read per
 * request, not three.
 */
export async function findSessionUser(
  trx: Executor,
  sessionId: string,
  now: string,
): Promise<
  | {
      user: User;
      createdAt: string;
      lastSeenAt: string;
      hasPassword: boolean;
      secondFactorConfirmed: boolean;
    }
  | undefined
> {
  const row = await trx
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('staff_second_factors', 'staff_second_factors.user_id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.created_at as session_created_at',
      'sessions.last_seen_at as session_last_seen_at',
      'staff_second_factors.confirmed_at as second_factor_confirmed_at',
    ])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', now)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  return (
    row && {
      user: toUser(row),
      createdAt: row.session_created_at,
      lastSeenAt: row.session_last_seen_at,
      hasPassword: Boolean(row.password_hash),
      secondFactorConfirmed: Boolean(row.second_factor_confirmed_at),
    }
  );
}

/**
 * Records that the session was seen at `now` and moves its end on; a no-op when another request recorded a
 * sighting since `seenBefore` (two requests at once write once).
 */
export async function recordSessionSeen(
  executor: Executor,
  sessionId: string,
  seen: { now: string; seenBefore: string; expiresAt: string },
): Promise<void> {
  await executor
    .updateTable('sessions')
    .set({ last_seen_at: seen.now, expires_at: seen.expiresAt })
    .where('id', '=', sessionId)
    .where('last_seen_at', '<', seen.seenBefore)
    .execute();
}

/** A user's unexpired sessions, the most recently seen first (a handful per person: no paging). */
export async function listSessionsOf(trx: Executor, userId: string, now: string): Promise<SessionSummary[]> {
  return trx
    .selectFrom('sessions')
    .select([
      'handle',
      'created_at as createdAt',
      'last_seen_at as lastSeenAt',
      'expires_at as expiresAt',
      'user_agent as userAgent',
      'ip',
    ])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .orderBy('handle')
    .execute();
}

/** The session with this handle and whose it is. */
export async function findSessionByHandle(trx: Executor, handle: string) {
  const row = await trx
    .selectFrom('sessions')
    .select(['id', 'user_id', 'expires_at'])
    .where('handle', '=', handle)
    .executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, expiresAt: row.expires_at };
}

/** The handle of the session with this id, if it still exists. */
export async function findSessionHandle(trx: Executor, sessionId: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('sessions')
    .select('handle')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row?.handle;
}

/** Ends one session; returns its handle and owner when there was one. */
export async function deleteSession(trx: Executor, sessionId: string) {
  const row = await trx
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .returning(['handle', 'user_id'])
    .executeTakeFirst();
  return row && { handle: row.handle, userId: row.user_id };
}

/** Ends every session of a user, or every one but `keep` (a session id); returns the ended handles. */
export async function deleteSessionsOf(trx: Executor, userId: string, keep?: string): Promise<string[]> {
  let query = trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep !== undefined) query = query.where('id', '!=', keep);
  const rows = await query.returning('handle').execute();
  return rows.map((r) => r.handle).sort();
}

/** Deletes sessions that have ended (idle or past their absolute limit); returns how many. */
export async function deleteExpiredSessions(trx: Executor, now: string): Promise<number> {
  const result = await trx.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
