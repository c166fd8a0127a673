/**
 * The dashboard's team figure that the workload view lacks: follow-up contacts waiting per owner, read from
 * attempts_follow_up_idx (0024), which holds only the attempts waiting for one (its condition repeated
 * literally: SQLite uses a partial index only when the query says so). Reached from the open complaints, it
 * took a second at a million (100,000 open): each open complaint's attempts were looked up.
 */
import { sql } from 'kysely';
import type { Executor } from './database.ts';

/** Open complaints whose attempt waits for its follow-up contact (due, or being chased), per owner. */
export async function countFollowUpsWaitingByOwner(executor: Executor): Promise<Map<string | null, number>> {
  const rows = await executor
    .selectFrom('attempts as a')
    .innerJoin('complaints as c', 'c.id', 'a.complaint_id')
    .select((eb) => ['c.owner_id', eb.fn.countAll<string | number>().as('n')])
    .where(sql<boolean>`a.phase in ('follow-up', 'chasing')`)
    .where('c.stage', '<>', 'closed')
    .groupBy('c.owner_id')
    .execute();
  return new Map(rows.map((r) => [r.owner_id, Number(r.n)]));
}
