/**
 * Computes every complaint's insight facts and the totals from scratch: the proof that the totals kept change
 * by change equal a recomputation (test/api/insight.test.ts), and the backfill of a database whose facts were
 * never filled (migration 0035). Reads the complaints in batches along their primary key, so memory stays
 * flat at a million; the rollups are then summed from the daily totals.
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { ANY, insightFacts, NOT_ROLLED_UP, ROLLUP_SPANS } from '../domain/insight.ts';
import {
  ADR_LETTER_COLUMNS,
  ATTEMPT_COLUMNS,
  COMPLAINT_COLUMNS,
  REMEDY_COLUMNS,
  toComplaint,
} from './complaints.ts';
import { dialectOf, transaction } from './database.ts';
import { addNewFacts, addToDailyTotals } from './insight.ts';
import type { Schema } from './schema.ts';

const BATCH = 1000;

type Db = Kysely<Schema> | Transaction<Schema>;

/** Empties the facts and all the totals and fills them again. Returns how many complaints were read. */
export async function rebuildInsight(db: Db): Promise<number> {
  const count = await rebuildInsightFacts(db);
  await rebuildRollups(db);
  return count;
}

/**
 * Empties the facts, the daily totals (the team's and each owner's) and the per-owner survey totals and
 * fills them again from the complaints, leaving the rollups (0033) to be summed after. Returns how many
 * complaints were read.
 */
async function rebuildInsightFacts(db: Db): Promise<number> {
  await db.deleteFrom('insight_totals').execute();
  await db.deleteFrom('insight_owner_daily').execute();
  await db.deleteFrom('insight_owner_totals').execute();
  await db.deleteFrom('insight_facts').execute();
  let after = '';
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('complaints')
      .innerJoin('customers', 'customers.id', 'complaints.customer_id')
      .select(COMPLAINT_COLUMNS.map((c) => `complaints.${c}` as const))
      .select(['customers.type as customer_type', 'complaints.adr_due_on'])
      .where('complaints.id', '>', after)
      .orderBy('complaints.id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return count;
    const ids = rows.map((r) => r.id);
    const [attempts, letters, remedies, surveys] = await Promise.all([
      db
        .selectFrom('attempts')
        .select(['complaint_id', ...ATTEMPT_COLUMNS])
        .where('complaint_id', 'in', ids)
        .orderBy('complaint_id')
        .orderBy('number')
        .execute(),
      db
        .selectFrom('adr_letters')
        .select(['complaint_id', ...ADR_LETTER_COLUMNS])
        .where('complaint_id', 'in', ids)
        .orderBy('complaint_id')
        .orderBy('issued_at')
        .execute(),
      db
        .selectFrom('remedies')
        .select(['complaint_id', ...REMEDY_COLUMNS])
        .where('complaint_id', 'in', ids)
        .orderBy('complaint_id')
        .orderBy('recorded_at')
        .orderBy('type')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('satisfaction_surveys')
        .select(['complaint_id', 'sent_at', 'score'])
        .where('complaint_id', 'in', ids)
        .execute(),
    ]);
    const surveyOf = new Map(surveys.map((s) => [s.complaint_id, { sentAt: s.sent_at, score: s.score }]));
    const attemptsOf = groupBy(attempts);
    const lettersOf = groupBy(letters);
    const remediesOf = groupBy(remedies);
    const facts = rows.map((row) => {
      // Steps decide no figure, so they are not read.
      const complaint = toComplaint(
        row,
        attemptsOf.get(row.id) ?? [],
        [],
        lettersOf.get(row.id) ?? [],
        remediesOf.get(row.id) ?? [],
      );
      return insightFacts(complaint, row.adr_due_on, surveyOf.get(row.id));
    });
    // One transaction a batch: one commit (and fsync) for a thousand complaints, not one per statement.
    await transaction(db, (trx) => addNewFacts(trx, facts, addToDailyTotals));
    count += rows.length;
    after = rows.at(-1)?.id ?? after;
  }
}

/**
 * The rollups (0033), the team's and each owner's (0035), summed again from their daily totals, as each
 * change keeps them (db/insight.ts, `rollupChanges`, so without the remedies due): per span, the rows with
 * customer type and stage reached kept from the daily totals, then the rows with either or both summed over
 * (`ANY`) from those.
 * Migrations 0033 and 0035 fill the rollups with frozen copies of these statements, not by calling this: a
 * migration must not run code that changes after it (as 0024's backfill once did). test/api/insight.test.ts
 * checks that both give the rollups kept change by change.
 */
export async function rebuildRollups(db: Db): Promise<void> {
  await transaction(db, async (trx) => {
    await trx.deleteFrom('insight_rollups').execute();
    await trx.deleteFrom('insight_owner_rollups').execute();
    await sumRollups(trx, { daily: sql`insight_totals`, rollups: sql`insight_rollups`, owner: sql`` });
    await sumRollups(trx, {
      daily: sql`insight_owner_daily`,
      rollups: sql`insight_owner_rollups`,
      owner: sql`owner_id, `,
    });
  });
}

/** The team's rollups from the team's daily totals, or the owners' from theirs (`owner`: their column). */
async function sumRollups(
  trx: Db,
  to: { daily: RawBuilder<unknown>; rollups: RawBuilder<unknown>; owner: RawBuilder<unknown> },
) {
  const week =
    dialectOf(trx) === 'postgres'
      ? sql`to_char(date_trunc('week', day::date), 'YYYY-MM-DD')`
      : sql`date(day, '-6 days', 'weekday 1')`;
  const any = sql.lit(ANY);
  const { daily, rollups, owner } = to;
  for (const span of ROLLUP_SPANS) {
    const period = span === 'week' ? week : sql`substr(day, 1, 7)`;
    await sql`
      insert into ${rollups}
        (${owner}measure, span, customer_type, stage_reached, period, value, category, channel, n, amount)
      select ${owner}measure, ${span}, customer_type, stage_reached, ${period}, value, category, channel,
        sum(n), sum(amount)
      from ${daily}
      where measure <> ${NOT_ROLLED_UP}
      group by ${owner}measure, customer_type, stage_reached, ${period}, value, category, channel
      having sum(n) <> 0 or sum(amount) <> 0
    `.execute(trx);
    for (const [customerType, stageReached, kept] of [
      [sql`customer_type`, any, sql`, customer_type`],
      [any, sql`stage_reached`, sql`, stage_reached`],
      [any, any, sql``],
    ] as const) {
      await sql`
        insert into ${rollups}
          (${owner}measure, span, customer_type, stage_reached, period, value, category, channel, n, amount)
        select ${owner}measure, span, ${customerType}, ${stageReached}, period, value, category, channel,
          sum(n), sum(amount)
        from ${rollups}
        where span = ${span} and customer_type <> ${any} and stage_reached <> ${any}
        group by ${owner}measure, span, period, value, category, channel${kept}
        having sum(n) <> 0 or sum(amount) <> 0
      `.execute(trx);
    }
  }
}

function groupBy<T extends { complaint_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.complaint_id);
    if (group) group.push(row);
    else groups.set(row.complaint_id, [row]);
  }
  return groups;
}
