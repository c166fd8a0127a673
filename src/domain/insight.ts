/**
 * What one complaint adds to the management figures (issue 12's dashboard), as plain data: its dimensions
 * (what the figures are filtered by) and its contributions (what it counts towards, and on which London date).
 *
 * The figures are sums of contributions over a date range, so they can be kept as running totals that every
 * change to a complaint adjusts by the difference between its old and new contributions, in the change's own
 * transaction: a screen over a million complaints then reads a year of daily totals, never the complaints.
 *
 * Dates: a complaint counts towards volumes, the funnel, time to resolve and days per stage on the day it was
 * received (the day the provider learnt of it, which never moves: a first-expressed date can be corrected
 * later and would rewrite a period already reported); letters, referrals, decisions and declined proposals
 * count on the day they happened.
 */
import {
  ATTEMPT_NUMBERS,
  ATTEMPT_STAGE,
  type AttemptNumber,
  type Channel,
  type Complaint,
  type CustomerType,
  isOpen,
} from './complaint.ts';
import type { Category, Stage } from './procedure.ts';
import { addDays, daysBetween, type LocalDate, londonDate, mondayOf } from './time.ts';

/** The furthest a complaint went: the dashboard's "stage reached" (closed is not a stage one reaches). */
export const STAGES_REACHED = ['initiation', 'attempt-1', 'attempt-2', 'attempt-3', 'deadlock'] as const;
export type StageReached = (typeof STAGES_REACHED)[number] & Stage;

/** How a complaint's procedure ended, for the funnel; `decided-by-scheme` was referred after a time-limit letter. */
export const FUNNEL_OUTCOMES = [
  'open',
  'resolved-attempt-1',
  'resolved-attempt-2',
  'resolved-attempt-3',
  'withdrawn',
  'deadlock',
  'decided-by-scheme',
] as const;
export type FunnelOutcome = (typeof FUNNEL_OUTCOMES)[number];

/**
 * The regulator's time to resolve, from the day dissatisfaction was first expressed to the day the complaint
 * closed as resolved: on or before 1 week later, on or before the ADR limit (6 weeks; 8 for complaints first
 * raised before 2026-04-08, by the domain's own rule, `adrDueOn`), or later.
 */
export const RESOLVED_IN = ['week', 'adr-limit', 'later'] as const;
export type ResolvedIn = (typeof RESOLVED_IN)[number];

export const MEASURES = [
  'received',
  'outcome',
  'resolved-in',
  'attempt-days',
  'adr-letter',
  'referral',
  'case-fee',
  'scheme-outcome',
  'remedy-due',
  'declined',
  'root-cause',
  'remedy',
  'survey',
] as const;
/** What a contribution counts towards; `value` says which part (a funnel outcome, a trigger, …). */
export type Measure = (typeof MEASURES)[number];

/**
 * Measures also kept per owner (insight_owner_totals, 0025): the satisfaction survey, whose figures by
 * handler would otherwise be a read of every survey of the range.
 */
export const OWNER_MEASURES = ['survey'] as const satisfies readonly Measure[];
export type OwnerMeasure = (typeof OWNER_MEASURES)[number];

/** The survey's two counts: put to the customer, and answered (its `amount` then the score, 1–5). */
export const SURVEY_VALUES = ['sent', 'answered'] as const;

/** Days at an attempt are counted up to this; the median is right while it is below. */
export const ATTEMPT_DAYS_CAP = 120;

export interface InsightDimensions {
  category: Category;
  channel: Channel;
  customerType: CustomerType;
  stageReached: StageReached;
}

export interface Contribution {
  on: LocalDate;
  measure: Measure;
  value: string;
  n: number;
  /** Pence, for case fees and remedies; the score for an answered survey; 0 otherwise. */
  amount: number;
}

/** What the figures need of a complaint's satisfaction survey (kept outside the complaint, db/satisfaction.ts). */
export interface SurveyFacts {
  sentAt: string;
  /** 1–5 once answered; null until then. */
  score: number | null;
}

/** One complaint's facts for the figures. */
export interface InsightFacts {
  complaintId: string;
  customerId: string;
  ownerId: string | null;
  receivedOn: LocalDate;
  /** Also counted as the `root-cause` measure, on the day the complaint closed. */
  rootCause: string | null;
  dimensions: InsightDimensions;
  contributions: Contribution[];
}

/** Whether the complaint ever reached deadlock (an attempt ended in it, or a deadlock letter went). */
export function reachedDeadlock(c: Complaint): boolean {
  return (
    c.stage === 'deadlock' ||
    c.attempts.some((a) => a.outcome === 'deadlock') ||
    c.adrLetters.some((l) => l.trigger === 'deadlock')
  );
}

/** The furthest stage the complaint reached. */
export function stageReached(c: Complaint): StageReached {
  if (reachedDeadlock(c)) return 'deadlock';
  const last = c.attempts.reduce<AttemptNumber | null>(
    (max, a) => (max === null || a.number > max ? a.number : max),
    null,
  );
  return last === null ? 'initiation' : ATTEMPT_STAGE[last];
}

/** Where the complaint ended up, for the funnel. */
export function funnelOutcome(c: Complaint): FunnelOutcome {
  if (reachedDeadlock(c)) return 'deadlock';
  if (isOpen(c) || !c.closure) return 'open';
  switch (c.closure.reason) {
    case 'withdrawn':
      return 'withdrawn';
    case 'resolved':
    case 'resolved-no-response': {
      const last = c.attempts.at(-1)?.number ?? ATTEMPT_NUMBERS[0];
      return `resolved-attempt-${last}`;
    }
    case 'ombudsman-decision-implemented':
    case 'ombudsman-decision-not-accepted':
    case 'adr-window-expired':
      return 'decided-by-scheme';
    default: {
      const unreachable: never = c.closure.reason;
      return unreachable;
    }
  }
}

/** The regulator's bucket for a complaint closed as resolved; null for any other. `adrDueOn` from clocks.ts. */
export function resolvedIn(c: Complaint, adrDueOn: LocalDate): ResolvedIn | null {
  const reason = c.closure?.reason;
  if (!c.closure || (reason !== 'resolved' && reason !== 'resolved-no-response')) return null;
  const firstOn = londonDate(new Date(c.firstExpressedAt));
  const closedOn = londonDate(new Date(c.closure.closedAt));
  if (closedOn <= addDays(firstOn, 7)) return 'week';
  return closedOn <= adrDueOn ? 'adr-limit' : 'later';
}

const on = (instant: string) => londonDate(new Date(instant));

/**
 * The complaint's facts. `adrDueOn` is the domain's ADR limit for it (clocks.ts `adrDueOn`), which the
 * caller already has; taking it keeps this free of the procedure. `survey` is its satisfaction survey, if
 * one was put to the customer.
 *
 * A root cause counts on the day the complaint closed (the day it was found), an accepted remedy on the day
 * the customer accepted it, and a survey — sent and answered alike — on the day it was sent, so that the
 * response rate compares answers with the surveys they answer.
 */
export function insightFacts(
  c: Complaint,
  adrDueOn: LocalDate,
  survey?: SurveyFacts | null | undefined,
): InsightFacts {
  const receivedOn = on(c.receivedAt);
  const contributions: Contribution[] = [];
  const add = (day: LocalDate, measure: Measure, value = '', amount = 0) =>
    contributions.push({ on: day, measure, value, n: 1, amount });

  add(receivedOn, 'received');
  add(receivedOn, 'outcome', funnelOutcome(c));
  const bucket = resolvedIn(c, adrDueOn);
  if (bucket) add(receivedOn, 'resolved-in', bucket);
  for (const a of c.attempts) {
    if (a.endedAt) {
      const days = Math.min(ATTEMPT_DAYS_CAP, Math.max(0, daysBetween(on(a.openedAt), on(a.endedAt))));
      add(receivedOn, 'attempt-days', `${a.number}:${days}`);
    }
    if (a.response?.outcome === 'declined') add(on(a.response.recordedAt), 'declined', String(a.number));
  }
  for (const letter of c.adrLetters) add(letter.issuedOn, 'adr-letter', letter.trigger);
  const referral = c.referral;
  if (referral) {
    add(referral.referredOn, 'referral');
    // The scheme's fee has no date of its own; it is the referral's cost, so it counts on that day.
    if (referral.caseFeePence !== null) add(referral.referredOn, 'case-fee', '', referral.caseFeePence);
    const decision = referral.decision;
    if (decision) {
      add(decision.decidedOn, 'scheme-outcome', decision.outcome);
      if (decision.customerAccepted && decision.remedyDueOn && !decision.implementedOn && isOpen(c)) {
        add(decision.remedyDueOn, 'remedy-due');
      }
    }
  }
  if (c.closure?.rootCause) add(on(c.closure.closedAt), 'root-cause', c.closure.rootCause);
  for (const remedy of c.remedies) {
    if (remedy.acceptedAt) add(on(remedy.acceptedAt), 'remedy', remedy.type, remedy.amountPence ?? 0);
  }
  if (survey) {
    const sentOn = on(survey.sentAt);
    add(sentOn, 'survey', 'sent');
    if (survey.score !== null) add(sentOn, 'survey', 'answered', survey.score);
  }
  return {
    complaintId: c.id,
    customerId: c.customerId,
    ownerId: c.ownerId,
    receivedOn,
    rootCause: c.closure?.rootCause ?? null,
    dimensions: {
      category: c.category,
      channel: c.channel,
      customerType: c.customerType,
      stageReached: stageReached(c),
    },
    contributions: mergeContributions(contributions),
  };
}

/** Contributions with the same day, measure and value added together, in a stable order. */
export function mergeContributions(list: readonly Contribution[]): Contribution[] {
  const merged = new Map<string, Contribution>();
  for (const c of list) {
    const key = `${c.measure}|${c.on}|${c.value}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, n: seen.n + c.n, amount: seen.amount + c.amount } : { ...c });
  }
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
}

/**
 * A running total's key: a contribution's day, measure and value under a complaint's dimensions, for all
 * complaints (`ownerId` `ANY`) or for those one person owns now (0035). Each contribution counts twice: once
 * for all, once for its complaint's owner (when it has one). An owner's rows move with the complaint when it
 * changes hands, so one person's figures are read as the whole team's are, from their own totals and
 * rollups, and never from their complaints' facts.
 */
export interface TotalKey extends InsightDimensions {
  ownerId: string;
  on: LocalDate;
  measure: Measure;
  value: string;
}

export interface TotalChange extends TotalKey {
  n: number;
  amount: number;
}

/**
 * How the running totals change when a complaint's facts go from `before` (none for a new complaint) to
 * `after`: the difference, zero changes left out, sorted by key (so that concurrent writers on PostgreSQL
 * take the totals' row locks in the same order and cannot deadlock).
 */
export function totalChanges(
  before: Pick<InsightFacts, 'ownerId' | 'dimensions' | 'contributions'> | undefined,
  after: Pick<InsightFacts, 'ownerId' | 'dimensions' | 'contributions'> | undefined,
): TotalChange[] {
  const keysOf = (facts: Pick<InsightFacts, 'ownerId' | 'dimensions'>, c: Contribution): TotalKey[] => {
    const all: TotalKey = { ...facts.dimensions, ownerId: ANY, on: c.on, measure: c.measure, value: c.value };
    return facts.ownerId === null ? [all] : [all, { ...all, ownerId: facts.ownerId }];
  };
  return differences(before, after, keysOf, totalKeyId);
}

/** A total's key as one string, in the order of the totals table's primary key. */
export function totalKeyId(k: TotalKey): string {
  return [k.ownerId, k.measure, k.on, k.value, k.category, k.channel, k.customerType, k.stageReached].join(
    '|',
  );
}

/** The spans the daily totals are also summed over (insight_rollups, 0033): a week from its Monday, a month. */
export const ROLLUP_SPANS = ['week', 'month'] as const;
export type RollupSpan = (typeof ROLLUP_SPANS)[number];

/** A total's or rollup's owner, customer type or stage reached when it is summed over all of them. */
export const ANY = '*';

/**
 * A rollup's key (insight_rollups, 0033): the daily totals' key with the day's week (its Monday) or month
 * (`YYYY-MM`) for the day, and each of customer type and stage reached either kept or summed over (`ANY`).
 * A day's change goes into eight rollups: two spans, each with both kept, one kept, the other kept, and
 * neither. So a read filtered by neither dimension reads the rows with neither (a month of them is a few
 * thousand rows at a million complaints, where its daily totals are ~90,000), one filtered by customer type
 * only reads that type's rows summed over the stages, and so on: every read takes only the rows of what it
 * asks for, each already summed over what it does not.
 */
export interface RollupKey {
  /** All complaints (`ANY`) or one owner's, as the daily totals (`TotalKey`). */
  ownerId: string;
  measure: Measure;
  span: RollupSpan;
  customerType: CustomerType | typeof ANY;
  stageReached: StageReached | typeof ANY;
  /** The week's Monday (`YYYY-MM-DD`) or the month (`YYYY-MM`). */
  period: string;
  value: string;
  category: Category;
  channel: Channel;
}

export interface RollupChange extends RollupKey {
  n: number;
  amount: number;
}

/** A rollup's key as one string, in the order of the rollups table's primary key. */
export function rollupKeyId(k: RollupKey): string {
  return [
    k.ownerId,
    k.measure,
    k.span,
    k.customerType,
    k.stageReached,
    k.period,
    k.value,
    k.category,
    k.channel,
  ].join('|');
}

/** The period of `span` that a day is in. */
export const rollupPeriod = (day: LocalDate, span: RollupSpan): string =>
  span === 'week' ? mondayOf(day) : day.slice(0, 7);

/**
 * The one measure the rollups leave out: the remedies due, never summed over a range but counted up to today
 * from the daily totals (db/insight-totals.ts `countRemediesOverdue`), the team's or one owner's.
 */
export const NOT_ROLLED_UP: Measure = 'remedy-due';

/**
 * How the rollups change with the daily totals' `changes`: each change (but the remedies due,
 * `NOT_ROLLED_UP`) in its eight rollups, summed per key, zero changes left out, sorted by key. A writer
 * upserts its daily rows first, then these, each in key order, so that two writers on PostgreSQL take the
 * row locks of both tables in one order and cannot deadlock.
 */
export function rollupChanges(changes: readonly TotalChange[]): RollupChange[] {
  const each = changes
    .filter((c) => c.measure !== NOT_ROLLED_UP)
    .flatMap((c) =>
      ROLLUP_SPANS.flatMap((span) =>
        ([c.customerType, ANY] as const).flatMap((customerType) =>
          ([c.stageReached, ANY] as const).map(
            (stageReached): RollupChange => ({
              ownerId: c.ownerId,
              measure: c.measure,
              span,
              customerType,
              stageReached,
              period: rollupPeriod(c.on, span),
              value: c.value,
              category: c.category,
              channel: c.channel,
              n: c.n,
              amount: c.amount,
            }),
          ),
        ),
      ),
    );
  return sumChanges(each, rollupKeyId);
}

/** Changes summed per key (`idOf`), zero sums left out, sorted by key: the order their rows are written in. */
export function sumChanges<C extends { n: number; amount: number }>(
  changes: Iterable<C>,
  idOf: (c: C) => string,
): C[] {
  const sums = new Map<string, C>();
  for (const change of changes) {
    const id = idOf(change);
    const seen = sums.get(id);
    sums.set(id, seen ? { ...seen, n: seen.n + change.n, amount: seen.amount + change.amount } : change);
  }
  return [...sums.entries()]
    .filter(([, c]) => c.n !== 0 || c.amount !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, c]) => c);
}

/** A per-owner total's key (insight_owner_totals): `ownerId` is '' for complaints nobody owns. */
export interface OwnerTotalChange {
  on: LocalDate;
  measure: OwnerMeasure;
  ownerId: string;
  value: string;
  n: number;
  amount: number;
}

const isOwnerMeasure = (m: Measure): m is OwnerMeasure => (OWNER_MEASURES as readonly string[]).includes(m);

/**
 * How the per-owner totals change when a complaint's facts go from `before` to `after` (either may be
 * missing): its owner measures' contributions under the old owner come off, under the new one go on.
 * Sorted by key, like `totalChanges`.
 */
export function ownerTotalChanges(
  before: Pick<InsightFacts, 'ownerId' | 'contributions'> | undefined,
  after: Pick<InsightFacts, 'ownerId' | 'contributions'> | undefined,
): OwnerTotalChange[] {
  const keysOf = (facts: Pick<InsightFacts, 'ownerId'>, c: Contribution) =>
    isOwnerMeasure(c.measure)
      ? [{ on: c.on, measure: c.measure, ownerId: facts.ownerId ?? '', value: c.value }]
      : [];
  return differences(before, after, keysOf, ownerKeyId);
}

/** A per-owner total's key as one string, the order its rows are written in. */
export const ownerKeyId = (k: Omit<OwnerTotalChange, 'n' | 'amount'>): string =>
  [k.measure, k.on, k.ownerId, k.value].join('|');

/**
 * What the totals gain from complaints new to them (a rebuild's batch, an import): every complaint's
 * contributions summed by key, each list sorted by key as the writes must be.
 */
export function newFactsChanges(facts: readonly InsightFacts[]): {
  totals: TotalChange[];
  owners: OwnerTotalChange[];
} {
  return {
    totals: sumChanges(
      facts.flatMap((f) => totalChanges(undefined, f)),
      totalKeyId,
    ),
    owners: sumChanges(
      facts.flatMap((f) => ownerTotalChanges(undefined, f)),
      ownerKeyId,
    ),
  };
}

/**
 * The contributions of `after` less those of `before`, summed under each of the keys `keysOf` gives each
 * (none: not counted here); zero differences left out, sorted by `idOf`.
 */
function differences<F extends { contributions: readonly Contribution[] }, K>(
  before: F | undefined,
  after: F | undefined,
  keysOf: (facts: F, c: Contribution) => readonly K[],
  idOf: (key: K) => string,
): (K & { n: number; amount: number })[] {
  const changes = new Map<string, K & { n: number; amount: number }>();
  const apply = (facts: F | undefined, sign: number) => {
    if (!facts) return;
    for (const c of facts.contributions) {
      for (const key of keysOf(facts, c)) {
        const id = idOf(key);
        const seen = changes.get(id) ?? { ...key, n: 0, amount: 0 };
        changes.set(id, { ...seen, n: seen.n + sign * c.n, amount: seen.amount + sign * c.amount });
      }
    }
  };
  apply(before, -1);
  apply(after, 1);
  return [...changes.entries()]
    .filter(([, c]) => c.n !== 0 || c.amount !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c);
}
