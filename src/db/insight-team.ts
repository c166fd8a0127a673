/**
 * The dashboard's team figure that the workload view lacks: follow-up contacts waiting per owner. Reached
 * from the open complaints (0014's partial indexes, the condition repeated literally as there), so the
 * closed complaints that make up most of a provider's history are not read.
 */
import { sql } from 'kysely';
import { OPEN_STAGES } from '../domain/procedure.ts';
import type { Executor } from './database.ts';

/** Open complaints whose attempt waits for its follow-up contact (due, or being chased), per owner. */
export async function countFollowUpsWaitingByOwner(executor: Executor): Promise<Map<string | null, number>> {
  const rows = await executor
    .selectFrom('complaints as c')
    .innerJoin('attempts as a', 'a.complaint_id', 'c.id')
    .select((eb) => ['c.owner_id', eb.fn.countAll<string | number>().as('n')])
    .where('c.stage', 'in', OPEN_STAGES)
    .where(sql<boolean>`c.stage <> 'closed'`)
    .where('a.phase', 'in', ['follow-up', 'chasing'])
    .groupBy('c.owner_id')
    .execute();
  return new Map(rows.map((r) => [r.owner_id, Number(r.n)]));
}
