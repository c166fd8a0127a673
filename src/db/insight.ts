/**
 * The management figures' storage (migration 0024): one `insight_facts` row per complaint and the running
 * `insight_totals` of their contributions per day. Every change to a complaint adjusts the totals by the
 * difference between its stored facts and its new ones, in the change's transaction (record-decision.ts),
 * so the dashboard reads a year of totals — never the complaints — and is right the moment a change
 * commits. The same changes, summed per week and per month with customer type and stage reached kept or
 * summed over, move the rollups (`insight_rollups`, 0033), which the dashboard reads for a range's whole
 * months and weeks. Each owner's share of both is kept apart, in `insight_owner_daily` and
 * `insight_owner_rollups` (0035): the same totals for the complaints that person owns now, so a change of
 * owner moves the complaint's rows from one person to the other in the same transaction.
 *
 * On PostgreSQL a total's row is locked until its writer commits. Every writer makes one call of
 * `addToTotals` per transaction, which upserts its daily rows in key order (`totalChanges`; the team's, then
 * the owners') and then its rollups in key order (`rollupChanges`; the same): all take the locks of the four
 * tables in one order, so two cannot deadlock. A day's totals are shared only by complaints of that day; a
 * rollup by the complaints of that week or month with the same category and channel (and type and stage, or
 * any) — but the writers of a moment all write today's rows of both, so the rollups make few writers wait
 * that the daily ones did not already.
 */
import { type Insertable, sql } from 'kysely';
import type {
  Contribution,
  InsightFacts,
  OwnerTotalChange,
  RollupChange,
  TotalChange,
} from '../domain/insight.ts';
import {
  ANY,
  newFactsChanges,
  ownerTotalChanges,
  rollupChanges,
  sumChanges,
  totalChanges,
  totalKeyId,
} from '../domain/insight.ts';
import type { Executor } from './database.ts';
import type { InsightFactsTable, InsightTotalsTable, Schema } from './schema.ts';

/** Rows per multi-row insert: well under SQLite's limit on bound parameters. */
const CHUNK = 500;

/** A complaint's facts as stored. */
export function factsRow(f: InsightFacts): InsightFactsTable {
  return {
    complaint_id: f.complaintId,
    customer_id: f.customerId,
    owner_id: f.ownerId,
    received_on: f.receivedOn,
    root_cause: f.rootCause,
    category: f.dimensions.category,
    channel: f.dimensions.channel,
    customer_type: f.dimensions.customerType,
    stage_reached: f.dimensions.stageReached,
    contributions: JSON.stringify(f.contributions),
  };
}

/** Stored facts as the domain has them (only what `totalChanges` and `ownerTotalChanges` read). */
export function storedFacts(
  row: InsightFactsTable,
): Pick<InsightFacts, 'ownerId' | 'dimensions' | 'contributions'> {
  return {
    ownerId: row.owner_id,
    dimensions: {
      category: row.category as InsightFacts['dimensions']['category'],
      channel: row.channel as InsightFacts['dimensions']['channel'],
      customerType: row.customer_type as InsightFacts['dimensions']['customerType'],
      stageReached: row.stage_reached as InsightFacts['dimensions']['stageReached'],
    },
    contributions: JSON.parse(row.contributions) as Contribution[],
  };
}

const sameRow = (a: InsightFactsTable, b: InsightFactsTable) =>
  (Object.keys(a) as (keyof InsightFactsTable)[]).every((k) => a[k] === b[k]);

/**
 * Stores a complaint's new facts and moves the totals by what changed. Most changes (a note, a step done)
 * change no fact: one read by primary key, then nothing.
 */
export async function keepInsightFacts(trx: Executor, facts: InsightFacts): Promise<void> {
  const row = factsRow(facts);
  const stored = await trx
    .selectFrom('insight_facts')
    .selectAll()
    .where('complaint_id', '=', facts.complaintId)
    .executeTakeFirst();
  if (stored && sameRow(stored, row)) return;
  const before = stored ? storedFacts(stored) : undefined;
  await addToTotals(trx, totalChanges(before, facts));
  await addToOwnerTotals(trx, ownerTotalChanges(before, facts));
  if (stored) {
    const { complaint_id, ...changes } = row;
    await trx.updateTable('insight_facts').set(changes).where('complaint_id', '=', complaint_id).execute();
  } else {
    await trx.insertInto('insight_facts').values(row).execute();
  }
}

/**
 * Stores the facts of complaints new to the figures and adds them to the totals in one go (sorted, one call
 * each): an import's batch, with `addToTotals`; a rebuild's, with `addToDailyTotals` (it sums the rollups
 * last).
 */
export async function addNewFacts(
  trx: Executor,
  facts: readonly InsightFacts[],
  add: (trx: Executor, changes: readonly TotalChange[]) => Promise<void> = addToTotals,
): Promise<void> {
  if (facts.length === 0) return;
  for (let i = 0; i < facts.length; i += 500) {
    await trx
      .insertInto('insight_facts')
      .values(facts.slice(i, i + 500).map(factsRow))
      .execute();
  }
  const { totals, owners } = newFactsChanges(facts);
  await add(trx, totals);
  await addToOwnerTotals(trx, owners);
}

/**
 * Adds changes (sorted by key, as `totalChanges` gives them) to the daily totals and, summed per week and
 * month, to the rollups, creating the rows a change is the first to reach: daily rows first, then rollups,
 * each in key order (see the header). One call per transaction.
 */
export async function addToTotals(trx: Executor, changes: readonly TotalChange[]): Promise<void> {
  await addToDailyTotals(trx, changes);
  await addToRollups(trx, rollupChanges(changes));
}

/** The daily totals' key (0024, 0025), the primary key of `insight_totals`; an owner's has `owner_id` first. */
export const TOTALS_KEY = [
  'measure',
  'day',
  'value',
  'category',
  'channel',
  'customer_type',
  'stage_reached',
] as const;

/** The rollups' key (0033), the primary key of `insight_rollups`; an owner's has `owner_id` first. */
export const ROLLUPS_KEY = [
  'measure',
  'span',
  'customer_type',
  'stage_reached',
  'period',
  'value',
  'category',
  'channel',
] as const;

/** The per-owner survey totals' key (0025). */
export const OWNER_TOTALS_KEY = ['measure', 'day', 'owner_id', 'value'] as const;

/**
 * Adds changes to the daily totals only (`rebuildInsight` sums the rollups at the end): the team's to
 * `insight_totals`, then each owner's to `insight_owner_daily` (0035), each in key order.
 */
export async function addToDailyTotals(trx: Executor, changes: readonly TotalChange[]): Promise<void> {
  const row = (c: TotalChange) => ({
    measure: c.measure,
    day: c.on,
    value: c.value,
    category: c.category,
    channel: c.channel,
    customer_type: c.customerType,
    stage_reached: c.stageReached,
    n: c.n,
    amount: c.amount,
  });
  await addTeamAndOwners(trx, ['insight_totals', 'insight_owner_daily'], TOTALS_KEY, changes, row);
}

/**
 * Adds changes to the rollups (0033), in the order given (`rollupChanges`: by key): the team's to
 * `insight_rollups`, then each owner's to `insight_owner_rollups` (0035).
 */
async function addToRollups(trx: Executor, changes: readonly RollupChange[]): Promise<void> {
  const row = (c: RollupChange) => ({
    measure: c.measure,
    span: c.span,
    customer_type: c.customerType,
    stage_reached: c.stageReached,
    period: c.period,
    value: c.value,
    category: c.category,
    channel: c.channel,
    n: c.n,
    amount: c.amount,
  });
  await addTeamAndOwners(trx, ['insight_rollups', 'insight_owner_rollups'], ROLLUPS_KEY, changes, row);
}

/**
 * The team's changes (owner `ANY`) to the team's table, then the owners' to theirs (the same row with the owner
 * first in its key), each still in key order.
 */
async function addTeamAndOwners<C extends { ownerId: string }, T extends SumsTable, O extends SumsTable>(
  trx: Executor,
  [teamTable, ownerTable]: [T, O],
  key: readonly (keyof Schema[T] & string)[],
  changes: readonly C[],
  row: (change: C) => Insertable<Schema[T]>,
): Promise<void> {
  const team = changes.filter((c) => c.ownerId === ANY);
  const owners = changes.filter((c) => c.ownerId !== ANY);
  await addSums(trx, teamTable, key, team.map(row));
  await addSums(
    trx,
    ownerTable,
    ['owner_id', ...key] as (keyof Schema[O] & string)[],
    owners.map((c) => ({ owner_id: c.ownerId, ...row(c) }) as Insertable<Schema[O]>),
  );
}

/** Adds changes to the per-owner totals (0025), creating the rows a change is the first to reach. */
export async function addToOwnerTotals(trx: Executor, changes: readonly OwnerTotalChange[]): Promise<void> {
  await addSums(
    trx,
    'insight_owner_totals',
    OWNER_TOTALS_KEY,
    changes.map((c) => ({
      measure: c.measure,
      day: c.on,
      owner_id: c.ownerId,
      value: c.value,
      n: c.n,
      amount: c.amount,
    })),
  );
}

/** The tables of running sums: a row's `n` and `amount` are added to, never set. */
type SumsTable =
  | 'insight_totals'
  | 'insight_owner_daily'
  | 'insight_rollups'
  | 'insight_owner_rollups'
  | 'insight_owner_totals';

/**
 * Upserts `rows` into a table of running sums in the order given, `CHUNK` rows a statement: a row whose key
 * is new is inserted, one already there has `n` and `amount` added to it.
 */
async function addSums<T extends SumsTable>(
  trx: Executor,
  table: T,
  key: readonly (keyof Schema[T] & string)[],
  rows: readonly Insertable<Schema[T]>[],
): Promise<void> {
  // Kysely cannot follow a table chosen by a type parameter; the signature above checks the caller instead.
  const into = table as 'insight_totals';
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto(into)
      .values(rows.slice(i, i + CHUNK) as Insertable<InsightTotalsTable>[])
      .onConflict((oc) =>
        oc.columns(key as readonly (keyof InsightTotalsTable & string)[]).doUpdateSet({
          n: sql`${sql.table(table)}.n + excluded.n`,
          amount: sql`${sql.table(table)}.amount + excluded.amount`,
        }),
      )
      .execute();
  }
}

/**
 * Moves a customer's complaints' contributions to the customer's type as it is now (after an edit, or a merge
 * into a record of another type): the figures count each complaint under its customer's current type.
 */
export async function refreshInsightCustomerType(trx: Executor, customerId: string): Promise<void> {
  const rows = await trx
    .selectFrom('insight_facts as f')
    .innerJoin('customers as c', 'c.id', 'f.customer_id')
    .selectAll('f')
    .select('c.type as type')
    .where('f.customer_id', '=', customerId)
    .whereRef('f.customer_type', '<>', 'c.type')
    .execute();
  // All the complaints' changes in one call, in one key order (see the header). The rollups summed over
  // customer types ('*') sum these changes to nothing.
  const changes = sumChanges(
    rows.flatMap(({ type, ...row }) => {
      const before = storedFacts(row);
      return totalChanges(before, {
        ...before,
        dimensions: { ...before.dimensions, customerType: type as never },
      });
    }),
    totalKeyId,
  );
  await addToTotals(trx, changes);
  // One customer, so one type: their rows in one statement.
  const type = rows[0]?.type;
  if (type === undefined) return;
  await trx
    .updateTable('insight_facts')
    .set({ customer_type: type })
    .where('customer_id', '=', customerId)
    .where('customer_type', '<>', type)
    .execute();
}

/** Moves the facts of one customer's complaints to another's (a merge; the complaints move with them). */
export async function moveInsightCustomer(trx: Executor, fromId: string, intoId: string): Promise<void> {
  await trx
    .updateTable('insight_facts')
    .set({ customer_id: intoId })
    .where('customer_id', '=', fromId)
    .execute();
}
