/**
 * The dashboard's figures from summed contributions (insight.ts): volumes per period, the funnel, median days
 * at each attempt, time to resolve, ADR letters by trigger, referrals and the scheme's outcomes. Pure: the
 * totals come from the database, already narrowed to the date range and the filters.
 */
import {
  ATTEMPT_NUMBERS,
  type AttemptNumber,
  CHANNELS,
  type Channel,
  type OmbudsmanOutcome,
} from './complaint.ts';
import {
  FUNNEL_OUTCOMES,
  type FunnelOutcome,
  type Measure,
  RESOLVED_IN,
  type ResolvedIn,
  type StageReached,
} from './insight.ts';
import { CATEGORIES, type Category } from './procedure.ts';
import { addDays, daysBetween, type LocalDate, mondayOf, startOfNextMonth } from './time.ts';

export type Granularity = 'week' | 'month';

/**
 * The measures whose figures are per period (volumes, ADR letters); every other one is summed over the whole
 * range, so its totals are read summed over the periods too (db/insight-totals.ts).
 */
export const PER_PERIOD_MEASURES: readonly Measure[] = ['received', 'adr-letter'];

export interface InsightRange {
  from: LocalDate;
  to: LocalDate;
}

/** Weeks for a range of up to 13 weeks, months beyond (a year of weeks is too many bars to read). */
export function granularityFor(range: InsightRange): Granularity {
  return daysBetween(range.from, range.to) < 91 ? 'week' : 'month';
}

/** The period a day falls in: its week's Monday, or its month (`YYYY-MM`). */
export function periodOf(day: LocalDate, granularity: Granularity): string {
  return granularity === 'week' ? mondayOf(day) : day.slice(0, 7);
}

/** Every period the range touches, in order. */
export function periodsOf(range: InsightRange, granularity: Granularity): string[] {
  const periods: string[] = [];
  let day = granularity === 'week' ? mondayOf(range.from) : `${range.from.slice(0, 7)}-01`;
  while (day <= range.to) {
    periods.push(periodOf(day, granularity));
    day = granularity === 'week' ? addDays(day, 7) : startOfNextMonth(day);
  }
  return periods;
}

/**
 * A range split for the rollups (insight_rollups, 0033): by month, its whole calendar months; then, of what
 * is left at either edge (or of the whole range by week), its whole weeks, Monday to Sunday; then the days
 * left over. Each part lies in one of the range's periods, so its sums can be put in that period as they are.
 */
export interface RangeSplit {
  /** The first and last whole month, `YYYY-MM`; none by week, or when the range holds no whole month. */
  months?: { from: string; to: string } | undefined;
  /** Runs of whole weeks, each from its first Monday to its last Monday. */
  weeks: { from: LocalDate; to: LocalDate }[];
  /** Runs of days in no whole month or week of the split. */
  days: InsightRange[];
}

export function splitRange(range: InsightRange, granularity: Granularity): RangeSplit {
  const split: RangeSplit = { weeks: [], days: [] };
  const edges: InsightRange[] = [];
  const first = range.from.endsWith('-01') ? range.from : startOfNextMonth(range.from);
  const lastMonthEnd = addDays(startOfNextMonth(range.to), -1);
  const last = lastMonthEnd === range.to ? range.to : addDays(`${range.to.slice(0, 7)}-01`, -1);
  if (granularity === 'month' && first <= last) {
    split.months = { from: first.slice(0, 7), to: last.slice(0, 7) };
    if (first > range.from) edges.push({ from: range.from, to: addDays(first, -1) });
    if (last < range.to) edges.push({ from: addDays(last, 1), to: range.to });
  } else if (granularity === 'month' && range.from.slice(0, 7) !== range.to.slice(0, 7)) {
    // No whole month, but two part-months: a week must not cross from one into the other.
    const next = startOfNextMonth(range.from);
    edges.push({ from: range.from, to: addDays(next, -1) }, { from: next, to: range.to });
  } else {
    edges.push(range);
  }
  for (const edge of edges) {
    const monday = mondayOf(edge.from) === edge.from ? edge.from : addDays(mondayOf(edge.from), 7);
    const lastMonday = addDays(mondayOf(addDays(edge.to, 1)), -7);
    if (monday > lastMonday) {
      split.days.push(edge);
      continue;
    }
    split.weeks.push({ from: monday, to: lastMonday });
    if (monday > edge.from) split.days.push({ from: edge.from, to: addDays(monday, -1) });
    const sunday = addDays(lastMonday, 6);
    if (sunday < edge.to) split.days.push({ from: addDays(sunday, 1), to: edge.to });
  }
  return split;
}

/**
 * A sum of contributions: per period (or day: it is put in its period here; for a measure not in
 * `PER_PERIOD_MEASURES`, the range's first period, whatever its day), measure, value and two filters.
 */
export interface InsightTotal {
  period: string;
  measure: Measure;
  value: string;
  category: Category;
  channel: Channel;
  /** Only for the survey's totals, which are also shown by stage reached. */
  stageReached?: StageReached | undefined;
  n: number;
  amount: number;
}

export interface VolumePeriod {
  period: string;
  total: number;
  byCategory: Record<Category, number>;
  byChannel: Record<Channel, number>;
}

export interface InsightFigures {
  from: LocalDate;
  to: LocalDate;
  granularity: Granularity;
  received: number;
  /** The provider's customer count from the procedure; null when not set (the per-customer figures are then null). */
  customerCount: number | null;
  perThousandCustomers: number | null;
  /** Ofcom's figure: complaints per 100,000 customers. */
  perHundredThousandCustomers: number | null;
  volumes: VolumePeriod[];
  funnel: Record<FunnelOutcome, number>;
  attempts: { attempt: AttemptNumber; ended: number; medianDays: number | null }[];
  timeToResolve: Record<ResolvedIn, number> & { notResolved: number };
  adrLetters: {
    deadlock: number;
    timeLimit: number;
    byPeriod: { period: string; deadlock: number; timeLimit: number }[];
  };
  referrals: {
    referred: number;
    /** Upheld includes partly upheld, which is also given on its own. */
    outcomes: { upheld: number; partlyUpheld: number; notUpheld: number; settled: number };
    caseFeesPaid: number;
    caseFeesPence: number;
    remediesOverdue: number;
  };
  declinedProposals: { category: Category; declined: number }[];
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The median of a histogram of whole days (lower and upper middle averaged), or null when empty. */
export function medianOfHistogram(histogram: ReadonlyMap<number, number>): number | null {
  const days = [...histogram.keys()].sort((a, b) => a - b);
  const count = days.reduce((sum, d) => sum + (histogram.get(d) ?? 0), 0);
  if (count === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const d of days) {
      seen += histogram.get(d) ?? 0;
      if (index < seen) return d;
    }
    return days.at(-1) ?? 0;
  };
  return (at(Math.floor((count - 1) / 2)) + at(Math.floor(count / 2))) / 2;
}

const perCustomers = (received: number, customers: number | null, per: number) =>
  customers ? Math.round((received / customers) * per * 100) / 100 : null;

/** The figures for a range from its totals; `remediesOverdue` is today's count, whatever the range. */
export function insightFigures(
  range: InsightRange,
  totals: readonly InsightTotal[],
  extra: { customerCount: number | null; remediesOverdue: number },
): InsightFigures {
  const granularity = granularityFor(range);
  const periods = periodsOf(range, granularity);
  const volumes = new Map<string, VolumePeriod>(
    periods.map((period) => [
      period,
      { period, total: 0, byCategory: zeros(CATEGORIES), byChannel: zeros(CHANNELS) },
    ]),
  );
  const letters = new Map(periods.map((period) => [period, { period, deadlock: 0, timeLimit: 0 }]));
  const funnel = zeros(FUNNEL_OUTCOMES);
  const timeToResolve = { ...zeros(RESOLVED_IN), notResolved: 0 };
  const histograms = new Map<AttemptNumber, Map<number, number>>(ATTEMPT_NUMBERS.map((n) => [n, new Map()]));
  const outcomes = zeros<OmbudsmanOutcome>(['upheld', 'partly-upheld', 'not-upheld', 'settled']);
  const declined = zeros(CATEGORIES);
  let received = 0;
  let referred = 0;
  let caseFeesPaid = 0;
  let caseFeesPence = 0;

  for (const t of totals) {
    const period = periodOf(t.period, granularity);
    switch (t.measure) {
      case 'received': {
        received += t.n;
        const volume = volumes.get(period);
        if (volume) {
          volume.total += t.n;
          volume.byCategory[t.category] += t.n;
          volume.byChannel[t.channel] += t.n;
        }
        break;
      }
      case 'outcome':
        if (t.value in funnel) funnel[t.value as FunnelOutcome] += t.n;
        break;
      case 'resolved-in':
        if (t.value in timeToResolve) timeToResolve[t.value as ResolvedIn] += t.n;
        break;
      case 'attempt-days': {
        const [attempt, days] = t.value.split(':').map(Number) as [AttemptNumber, number];
        const histogram = histograms.get(attempt);
        histogram?.set(days, (histogram.get(days) ?? 0) + t.n);
        break;
      }
      case 'adr-letter': {
        const row = letters.get(period);
        if (row && t.value === 'deadlock') row.deadlock += t.n;
        if (row && t.value === 'time-limit') row.timeLimit += t.n;
        break;
      }
      case 'referral':
        referred += t.n;
        break;
      case 'case-fee':
        caseFeesPaid += t.n;
        caseFeesPence += t.amount;
        break;
      case 'scheme-outcome':
        if (t.value in outcomes) outcomes[t.value as OmbudsmanOutcome] += t.n;
        break;
      case 'remedy-due':
        // Counted apart: overdue is a count of today, not of the range.
        break;
      case 'declined':
        declined[t.category] += t.n;
        break;
      case 'root-cause':
      case 'remedy':
      case 'survey':
        // Their panels are worked out apart (insight-panels.ts).
        break;
      default: {
        const unreachable: never = t.measure;
        return unreachable;
      }
    }
  }
  timeToResolve.notResolved = received - RESOLVED_IN.reduce((sum, b) => sum + timeToResolve[b], 0);
  const byPeriod = [...letters.values()];
  return {
    from: range.from,
    to: range.to,
    granularity,
    received,
    customerCount: extra.customerCount,
    perThousandCustomers: perCustomers(received, extra.customerCount, 1000),
    perHundredThousandCustomers: perCustomers(received, extra.customerCount, 100_000),
    volumes: [...volumes.values()],
    funnel,
    attempts: ATTEMPT_NUMBERS.map((attempt) => {
      const histogram = histograms.get(attempt) ?? new Map<number, number>();
      return {
        attempt,
        ended: [...histogram.values()].reduce((a, b) => a + b, 0),
        medianDays: medianOfHistogram(histogram),
      };
    }),
    timeToResolve,
    adrLetters: {
      deadlock: byPeriod.reduce((sum, p) => sum + p.deadlock, 0),
      timeLimit: byPeriod.reduce((sum, p) => sum + p.timeLimit, 0),
      byPeriod,
    },
    referrals: {
      referred,
      outcomes: {
        upheld: outcomes.upheld + outcomes['partly-upheld'],
        partlyUpheld: outcomes['partly-upheld'],
        notUpheld: outcomes['not-upheld'],
        settled: outcomes.settled,
      },
      caseFeesPaid,
      caseFeesPence,
      remediesOverdue: extra.remediesOverdue,
    },
    declinedProposals: CATEGORIES.map((category) => ({ category, declined: declined[category] })),
  };
}
