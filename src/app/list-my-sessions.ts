/** A member of staff's own sessions that have not ended: when opened and last seen, from which device. */
import { findSessionHandle, listSessionsOf } from '../db/sessions.ts';
import { describeDevice } from '../domain/user-agent.ts';
import type { AppContext } from './context.ts';
import { sha256 } from './open-session.ts';

export interface MySession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  device: string;
  ip: string | null;
  /** The session this request came with. */
  current: boolean;
}

/** The user's live sessions, the most recently seen first; `currentSecret` marks the one asking. */
export async function listMySessions(
  ctx: AppContext,
  userId: string,
  currentSecret: string | undefined,
): Promise<MySession[]> {
  const sessions = await listSessionsOf(ctx.db.kysely, userId, ctx.now().toISOString());
  const current =
    currentSecret === undefined ? undefined : await findSessionHandle(ctx.db.kysely, sha256(currentSecret));
  return sessions.map((s) => ({
    id: s.handle,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    device: describeDevice(s.userAgent),
    ip: s.ip,
    current: s.handle === current,
  }));
}
