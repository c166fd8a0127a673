/**
 * The dashboard's reads: the totals of a date range summed per period, measure, value, category and channel
 * — its whole months, then the whole weeks left at its edges, from the rollups (0033: each already summed over
 * the customer types and stages not asked for; a month of those summed over both is a few thousand rows at a
 * million complaints), and only the days left over (at most six at each edge) from the daily totals; the
 * team's, or one owner's from their own (0035). The survey's totals are read apart, with their stage
 * reached; its figures by handler come from the per-owner totals (0025), a few rows per owner and day.
 */
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Channel, CustomerType } from '../domain/complaint.ts';
import {
  ANY,
  MEASURES,
  type Measure,
  type RollupSpan,
  STAGES_REACHED,
  type StageReached,
} from '../domain/insight.ts';
import {
  type Granularity,
  type InsightTotal,
  PER_PERIOD_MEASURES,
  periodOf,
  splitRange,
} from '../domain/insight-figures.ts';
import type { Category } from '../domain/procedure.ts';
import type { LocalDate } from '../domain/time.ts';
import { dialectOf, type Executor } from './database.ts';
import type { InsightRollupsTable, InsightTotalsTable, Schema } from './schema.ts';

export interface InsightFilter {
  from: LocalDate;
  to: LocalDate;
  /** The complaints this person owns now; all without it. */
  ownerId?: string | undefined;
  categories?: readonly Category[] | undefined;
  channels?: readonly Channel[] | undefined;
  customerTypes?: readonly CustomerType[] | undefined;
  stagesReached?: readonly StageReached[] | undefined;
}

/**
 * Measures summed over the range by default: all but the remedies due, which are counted up to today
 * instead, and the survey, read with its stage reached (`SURVEY_READ`).
 */
export const RANGE_MEASURES: readonly Measure[] = MEASURES.filter(
  (m) => m !== 'remedy-due' && m !== 'survey',
);

/** What to sum besides the default: other measures, and whether by stage reached too. */
export interface TotalsRead {
  measures: readonly Measure[];
  byStageReached: boolean;
}

export const SURVEY_READ: TotalsRead = { measures: ['survey'], byStageReached: true };

const given = <T>(list: readonly T[] | undefined): list is readonly T[] =>
  list !== undefined && list.length > 0;

/**
 * The range's totals, per week (or day) for weekly figures and per month (`YYYY-MM`) for monthly ones: by
 * month, its whole months from the monthly rollups; the whole weeks left at its edges (by week, its whole
 * weeks) from the weekly ones; the days left over from the daily totals (`splitRange`). The figures are the
 * same as from the daily totals alone (`from: 'daily'`), which test/api/insight.test.ts checks for random
 * ranges and filters.
 */
export async function sumInsightTotals(
  executor: Executor,
  filter: InsightFilter,
  granularity: Granularity,
  read: TotalsRead = { measures: RANGE_MEASURES, byStageReached: false },
  from: 'rollups' | 'daily' = 'rollups',
): Promise<InsightTotal[]> {
  const first = periodOf(filter.from, granularity);
  if (from === 'daily') return sumDailyTotals(executor, filter, granularity, read, first);
  const split = splitRange(filter, granularity);
  const parts = await Promise.all([
    split.months ? sumRollups(executor, filter, 'month', split.months, granularity, read, first) : [],
    ...split.weeks.map((weeks) => sumRollups(executor, filter, 'week', weeks, granularity, read, first)),
    ...split.days.map((days) => sumDailyTotals(executor, { ...filter, ...days }, granularity, read, first)),
  ]);
  return parts.flat();
}

/**
 * A total's period, or for a measure the figures sum over the whole range (all but `PER_PERIOD_MEASURES`)
 * the range's first period, `first`: a year's totals are then a few thousand rows rather than ~30,000 (per
 * month, value, category and channel), which cost more to hand over from a reader thread and to sum here
 * than the rollups cost to read.
 */
function periodFor(measure: RawBuilder<string>, period: RawBuilder<string>, first: string) {
  if (!/^\d{4}-\d{2}(-\d{2})?$/.test(first)) throw new Error(`not a period: ${first}`);
  const perPeriod = sql.join(PER_PERIOD_MEASURES.map((m) => sql.lit(m)));
  return sql<string>`case when ${measure} in (${perPeriod}) then ${period} else ${sql.lit(first)} end`;
}

/**
 * Whole months' or weeks' totals (`periods`: months `YYYY-MM`, or weeks' Mondays, both ends included), from
 * the rollups of the customer types and stages the filter asks for, or those summed over them ('*'); by stage
 * reached, each stage's rows.
 */
async function sumRollups(
  executor: Executor,
  filter: Omit<InsightFilter, 'from' | 'to'>,
  span: RollupSpan,
  periods: { from: string; to: string },
  granularity: Granularity,
  read: TotalsRead,
  first: string,
): Promise<InsightTotal[]> {
  const types: readonly string[] = given(filter.customerTypes) ? filter.customerTypes : [ANY];
  const stages: readonly string[] = given(filter.stagesReached)
    ? filter.stagesReached
    : read.byStageReached
      ? STAGES_REACHED
      : [ANY];
  // A whole week at a month's edge lies in that month (splitRange).
  const period = periodFor(
    sql`r.measure`,
    span === 'week' && granularity === 'month' ? sql<string>`substr(r.period, 1, 7)` : sql<string>`r.period`,
    first,
  );
  const stage = read.byStageReached ? sql<string | null>`r.stage_reached` : sql<string | null>`null`;
  const rows = await rollupsOf(executor, filter.ownerId)
    .select((eb) => [
      'r.measure',
      'r.value',
      'r.category',
      'r.channel',
      period.as('period'),
      stage.as('stage_reached'),
      eb.fn.sum<string | number>('r.n').as('n'),
      eb.fn.sum<string | number>('r.amount').as('amount'),
    ])
    .where('r.measure', 'in', read.measures)
    .where('r.span', '=', span)
    .where('r.customer_type', 'in', types)
    .where('r.stage_reached', 'in', stages)
    .where('r.period', '>=', periods.from)
    .where('r.period', '<=', periods.to)
    .$if(given(filter.categories), (q) => q.where('r.category', 'in', filter.categories ?? []))
    .$if(given(filter.channels), (q) => q.where('r.channel', 'in', filter.channels ?? []))
    .groupBy(['r.measure', 'r.value', 'r.category', 'r.channel', period])
    .$if(read.byStageReached, (q) => q.groupBy('r.stage_reached'))
    .execute();
  return totalsOf(rows);
}

/** The range's totals from the daily totals. */
async function sumDailyTotals(
  executor: Executor,
  filter: InsightFilter,
  granularity: Granularity,
  read: TotalsRead,
  first: string,
): Promise<InsightTotal[]> {
  // On SQLite summed per week here (its Monday), not per day: at a million complaints 13 weeks are ~120,000
  // day groups, which took longer to hand over from the reader thread than to read (2.2 s, 0.9 s so). On
  // PostgreSQL the week's expression cost more than it saved (13 weeks 3.5 s by day, 4.7 s by week), so it
  // sums per day and insight-figures.ts puts each day in its week.
  const period = periodFor(
    sql`t.measure`,
    granularity === 'month'
      ? sql<string>`substr(t.day, 1, 7)`
      : dialectOf(executor) === 'postgres'
        ? sql<string>`t.day`
        : sql<string>`date(t.day, '-6 days', 'weekday 1')`,
    first,
  );
  const stage = read.byStageReached ? sql<string | null>`t.stage_reached` : sql<string | null>`null`;
  const rows = await dailyTotalsOf(executor, filter.ownerId)
    .select((eb) => [
      't.measure',
      't.value',
      't.category',
      't.channel',
      period.as('period'),
      stage.as('stage_reached'),
      eb.fn.sum<string | number>('t.n').as('n'),
      eb.fn.sum<string | number>('t.amount').as('amount'),
    ])
    .where('t.measure', 'in', read.measures)
    .where('t.day', '>=', filter.from)
    .where('t.day', '<=', filter.to)
    .$call((q) => withDimensions(q, filter))
    .groupBy(['t.measure', 't.value', 't.category', 't.channel', period])
    .$if(read.byStageReached, (q) => q.groupBy('t.stage_reached'))
    .execute();
  return totalsOf(rows);
}

function totalsOf(
  rows: readonly {
    period: string;
    measure: string;
    value: string;
    category: string;
    channel: string;
    stage_reached: string | null;
    n: string | number;
    amount: string | number;
  }[],
): InsightTotal[] {
  return rows
    .map((r) => ({
      period: r.period,
      measure: r.measure as Measure,
      value: r.value,
      category: r.category as Category,
      channel: r.channel as Channel,
      stageReached: (r.stage_reached ?? undefined) as StageReached | undefined,
      n: Number(r.n),
      amount: Number(r.amount),
    }))
    .filter((t) => t.n !== 0 || t.amount !== 0);
}

/**
 * Accepted ombudsman remedies due before `today` and not implemented, under the filter's dimensions (and
 * owner).
 */
export async function countRemediesOverdue(
  executor: Executor,
  filter: Omit<InsightFilter, 'from' | 'to'>,
  today: LocalDate,
): Promise<number> {
  const row = await dailyTotalsOf(executor, filter.ownerId)
    .select((eb) => eb.fn.sum<string | number>('t.n').as('n'))
    .where('t.measure', '=', 'remedy-due')
    .where('t.day', '<', today)
    .$call((q) => withDimensions(q, filter))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

type TotalsQuery<O> = SelectQueryBuilder<Schema & { t: InsightTotalsTable }, 't', O>;
type RollupsQuery = SelectQueryBuilder<Schema & { r: InsightRollupsTable }, 'r', object>;

/**
 * The team's daily totals, or one owner's (0035: their own table, the same columns and the owner). Read as
 * the team's, narrowed to the owner: the rest of the query is the same.
 */
function dailyTotalsOf(executor: Executor, ownerId: string | undefined): TotalsQuery<object> {
  if (ownerId === undefined) return executor.selectFrom('insight_totals as t');
  return executor
    .selectFrom('insight_owner_daily as t')
    .where('t.owner_id', '=', ownerId) as unknown as TotalsQuery<object>;
}

/** The team's rollups, or one owner's (0035), as `dailyTotalsOf`. */
function rollupsOf(executor: Executor, ownerId: string | undefined): RollupsQuery {
  if (ownerId === undefined) return executor.selectFrom('insight_rollups as r');
  return executor
    .selectFrom('insight_owner_rollups as r')
    .where('r.owner_id', '=', ownerId) as unknown as RollupsQuery;
}

function withDimensions<O>(
  query: TotalsQuery<O>,
  filter: Omit<InsightFilter, 'from' | 'to'>,
): TotalsQuery<O> {
  let q = query;
  if (given(filter.categories)) q = q.where('t.category', 'in', filter.categories);
  if (given(filter.channels)) q = q.where('t.channel', 'in', filter.channels);
  if (given(filter.customerTypes)) q = q.where('t.customer_type', 'in', filter.customerTypes);
  if (given(filter.stagesReached)) q = q.where('t.stage_reached', 'in', filter.stagesReached);
  return q;
}

/**
 * The survey's totals per owner over the range (insight_owner_totals, 0025, along its primary key), for the
 * satisfaction figures by handler; only `ownerId`'s when given. The dimension filters do not narrow them:
 * the per-owner totals keep no dimensions, or they would be as many as the surveys.
 */
export async function sumOwnerSurveys(
  executor: Executor,
  range: { from: LocalDate; to: LocalDate },
  ownerId?: string | undefined,
): Promise<{ ownerId: string; value: string; n: number; amount: number }[]> {
  const rows = await executor
    .selectFrom('insight_owner_totals as o')
    .select((eb) => [
      'o.owner_id',
      'o.value',
      eb.fn.sum<string | number>('o.n').as('n'),
      eb.fn.sum<string | number>('o.amount').as('amount'),
    ])
    .where('o.measure', '=', 'survey')
    .where('o.day', '>=', range.from)
    .where('o.day', '<=', range.to)
    .$if(ownerId !== undefined, (q) => q.where('o.owner_id', '=', ownerId ?? ''))
    .groupBy(['o.owner_id', 'o.value'])
    .execute();
  return rows.map((r) => ({ ownerId: r.owner_id, value: r.value, n: Number(r.n), amount: Number(r.amount) }));
}
