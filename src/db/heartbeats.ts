/** The heartbeats of running `redress serve` processes (migration 0018): one row each, kept fresh. */
import type { Executor } from './database.ts';

export interface Heartbeat {
  id: string;
  role: string;
  host: string;
  pid: number;
  startedAt: string;
  beatAt: string;
}

/** Writes or refreshes a process's heartbeat. */
export async function beat(db: Executor, heartbeat: Heartbeat): Promise<void> {
  await db
    .insertInto('process_heartbeats')
    .values({
      id: heartbeat.id,
      role: heartbeat.role,
      host: heartbeat.host,
      pid: heartbeat.pid,
      started_at: heartbeat.startedAt,
      beat_at: heartbeat.beatAt,
    })
    .onConflict((oc) => oc.column('id').doUpdateSet({ beat_at: heartbeat.beatAt }))
    .execute();
}

/** Removes a process's heartbeat when it stops. */
export async function removeHeartbeat(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('process_heartbeats').where('id', '=', id).execute();
}

/** The heartbeats refreshed at or after `since`, newest first. */
export async function heartbeatsSince(db: Executor, since: Date): Promise<Heartbeat[]> {
  const rows = await db
    .selectFrom('process_heartbeats')
    .selectAll()
    .where('beat_at', '>=', since.toISOString())
    .orderBy('beat_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    host: r.host,
    pid: r.pid,
    startedAt: r.started_at,
    beatAt: r.beat_at,
  }));
}
