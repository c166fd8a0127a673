/**
 * Who holds which open complaints: counts per owner and stage, overdue steps per owner, and each owner's
 * nearest ADR limit. Every query reads open complaints only, through the partial indexes over them (0014),
 * so the closed complaints that make up most of a provider's history are never touched. The condition of
 * those indexes is repeated literally (OPEN): SQLite uses a partial index only when the query says so.
 */
import { sql } from 'kysely';
import { OPEN_STAGES, type Stage } from '../domain/procedure.ts';
import type { LocalDate } from '../domain/time.ts';
import type { Executor } from './database.ts';

const OPEN = sql<boolean>`c.stage <> 'closed'`;

export interface OwnerStageCount {
  ownerId: string | null;
  stage: Stage;
  open: number;
  /**
   * The earliest ADR limit among those that can still get an ADR letter: none issued yet, and a customer who
   * may use ADR (a larger business cannot).
   */
  nextAdrDueOn: LocalDate | null;
}

/** Open complaints per owner (null: unassigned) and stage. */
export async function countOpenByOwnerAndStage(executor: Executor): Promise<OwnerStageCount[]> {
  // The watch date is the ADR date of exactly those (0014): no join to customers or letters.
  const rows = await executor
    .selectFrom('complaints as c')
    .select((eb) => [
      'c.owner_id',
      'c.stage',
      eb.fn.countAll<string | number>().as('n'),
      eb.fn.min('c.adr_watch_on').as('next_adr_due_on'),
    ])
    .where('c.stage', 'in', OPEN_STAGES)
    .where(OPEN)
    .groupBy(['c.stage', 'c.owner_id'])
    .execute();
  return rows.map((r) => ({
    ownerId: r.owner_id,
    stage: r.stage as Stage,
    open: Number(r.n),
    nextAdrDueOn: r.next_adr_due_on ?? null,
  }));
}

/** Open complaints each of these people owns. */
export async function countOpenOwnedBy(
  executor: Executor,
  ownerIds: readonly string[],
): Promise<Map<string, number>> {
  if (ownerIds.length === 0) return new Map();
  const rows = await executor
    .selectFrom('complaints')
    .select((eb) => ['owner_id', eb.fn.countAll<string | number>().as('n')])
    .where('stage', 'in', OPEN_STAGES)
    .where(sql<boolean>`stage <> 'closed'`)
    .where('owner_id', 'in', ownerIds)
    .groupBy('owner_id')
    .execute();
  return new Map(rows.map((r) => [r.owner_id ?? '', Number(r.n)]));
}

/**
 * Steps of agreed proposals past their date and not done, per step owner. Reached from the open complaints,
 * so steps never ticked off on complaints long closed are not read.
 */
export async function countOverdueStepsByOwner(
  executor: Executor,
  today: LocalDate,
): Promise<Map<string, number>> {
  const rows = await executor
    .selectFrom('complaints as c')
    .innerJoin('steps as s', 's.complaint_id', 'c.id')
    .innerJoin('attempts as a', (join) =>
      join.onRef('a.complaint_id', '=', 's.complaint_id').onRef('a.number', '=', 's.attempt_number'),
    )
    .select((eb) => ['s.owner_id', eb.fn.countAll<string | number>().as('n')])
    .where('c.stage', 'in', OPEN_STAGES)
    .where(OPEN)
    .where('s.completed_at', 'is', null)
    .where('s.due_on', '<', today)
    .where('a.phase', '=', 'implementing')
    .where('s.owner_id', 'is not', null)
    .groupBy('s.owner_id')
    .execute();
  return new Map(rows.map((r) => [r.owner_id ?? '', Number(r.n)]));
}
