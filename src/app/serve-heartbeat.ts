/**
 * How a database in use is recognised: every `redress serve` process keeps a heartbeat row fresh while it
 * runs (every 10 s) and deletes it when it stops. A heartbeat newer than 30 s means a live server; a process
 * killed without stopping leaves a row that goes stale by itself. A copy of the database (a backup restored
 * elsewhere) carries the last beat of the server it came from, stale within the same 30 s.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { beat, type Heartbeat, heartbeatsSince, removeHeartbeat } from '../db/heartbeats.ts';
import type { AppContext } from './context.ts';

export const HEARTBEAT_EVERY_MS = 10_000;
/** Three missed beats: a server this quiet is gone (or cannot write, and then runs nothing either). */
export const HEARTBEAT_FRESH_MS = 30_000;

export interface RunningHeartbeat {
  /** Stops beating and deletes the row. */
  stop(): Promise<void>;
}

/** Starts the heartbeat of a `serve` process with `role`; the first beat is written before this resolves. */
export async function startHeartbeat(
  ctx: AppContext,
  role: string,
  everyMs = HEARTBEAT_EVERY_MS,
): Promise<RunningHeartbeat> {
  const startedAt = ctx.now().toISOString();
  const id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const write = () =>
    beat(ctx.db.kysely, {
      id,
      role,
      host: hostname(),
      pid: process.pid,
      startedAt,
      beatAt: ctx.now().toISOString(),
    });
  await write();
  const timer = setInterval(() => {
    // A beat that fails (database unreachable) is tried again at the next one; the server goes on.
    write().catch((error: unknown) => ctx.logger.warn({ err: error }, 'heartbeat not written'));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await removeHeartbeat(ctx.db.kysely, id).catch(() => undefined);
    },
  };
}

/** The `serve` processes that have beaten in the last 30 s before `now` (the wall clock). */
export async function liveServers(ctx: AppContext, now: Date): Promise<Heartbeat[]> {
  return heartbeatsSince(ctx.db.kysely, new Date(now.getTime() - HEARTBEAT_FRESH_MS));
}
