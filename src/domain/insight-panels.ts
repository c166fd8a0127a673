/**
 * The dashboard's panels on what the procedure teaches (issue 12): root causes against the period before,
 * customer satisfaction with the handling, and remedies given. Pure, like insight-figures.ts: the totals
 * come from the database already narrowed to the range and the filters.
 */
import { CHANNELS, type Channel, REMEDY_TYPES, type RemedyType } from './complaint.ts';
import { STAGES_REACHED, type StageReached } from './insight.ts';
import type { InsightTotal } from './insight-figures.ts';
import { CATEGORIES, type Category, type RootCause } from './procedure.ts';

export interface RootCauseCount {
  code: string;
  label: string;
  count: number;
  /** In the period of the same length just before. */
  previous: number;
}

/** A top-level cause of the tree, with the detailed causes recorded beneath it. */
export interface RootCauseGroup extends RootCauseCount {
  byCategory: Record<Category, number>;
  byChannel: Record<Channel, number>;
  /** The codes recorded under it, the top-level code itself included when recorded as it is. */
  detail: RootCauseCount[];
}

export interface RootCauseFigures {
  recorded: number;
  previousRecorded: number;
  /** Most recorded first; a cause recorded in either period is listed. */
  causes: RootCauseGroup[];
}

/** The satisfaction survey's counts for one group of complaints. */
export interface SatisfactionCount {
  sent: number;
  answered: number;
  /** Answered ÷ sent, to four places; null when none was sent. */
  responseRate: number | null;
  /** Mean score (1–5) of the answers, to two places; null when none came. */
  averageScore: number | null;
}

export interface SatisfactionFigures extends SatisfactionCount {
  byStageReached: (SatisfactionCount & { stageReached: StageReached })[];
  byCategory: (SatisfactionCount & { category: Category })[];
  /** By the complaint's owner (its handler when it closed); null: nobody owned it. */
  byHandler: (SatisfactionCount & { person: { id: string; name: string } | null })[];
}

export interface RemedyFigures {
  /** Remedies the customer accepted in the range (proposals agreed, ombudsman decisions accepted). */
  count: number;
  pence: number;
  byType: { type: RemedyType; count: number; pence: number }[];
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Root causes counted on the day each complaint closed, grouped by the tree's top level. A code the tree no
 * longer has is a group of its own, named by its code.
 */
export function rootCauseFigures(
  totals: readonly InsightTotal[],
  previousTotals: readonly InsightTotal[],
  tree: readonly RootCause[],
): RootCauseFigures {
  const place = (code: string) => {
    for (const cause of tree) {
      if (cause.code === code) return { top: cause, label: cause.label };
      const child = cause.children?.find((c) => c.code === code);
      if (child) return { top: cause, label: child.label };
    }
    return { top: { code, label: code }, label: code };
  };
  const groups = new Map<string, RootCauseGroup>();
  const count = (t: InsightTotal, current: boolean) => {
    if (t.measure !== 'root-cause') return;
    const { top, label } = place(t.value);
    let group = groups.get(top.code);
    if (!group) {
      group = {
        code: top.code,
        label: top.label,
        count: 0,
        previous: 0,
        byCategory: zeros(CATEGORIES),
        byChannel: zeros(CHANNELS),
        detail: [],
      };
      groups.set(top.code, group);
    }
    let detail = group.detail.find((d) => d.code === t.value);
    if (!detail) {
      detail = { code: t.value, label, count: 0, previous: 0 };
      group.detail.push(detail);
    }
    if (current) {
      group.count += t.n;
      detail.count += t.n;
      group.byCategory[t.category] += t.n;
      group.byChannel[t.channel] += t.n;
    } else {
      group.previous += t.n;
      detail.previous += t.n;
    }
  };
  for (const t of totals) count(t, true);
  for (const t of previousTotals) count(t, false);
  const order = (a: RootCauseCount, b: RootCauseCount) =>
    b.count - a.count || b.previous - a.previous || a.label.localeCompare(b.label);
  const causes = [...groups.values()]
    .filter((g) => g.count !== 0 || g.previous !== 0)
    .map((g) => ({ ...g, detail: g.detail.filter((d) => d.count !== 0 || d.previous !== 0).sort(order) }))
    .sort(order);
  return {
    recorded: causes.reduce((sum, c) => sum + c.count, 0),
    previousRecorded: causes.reduce((sum, c) => sum + c.previous, 0),
    causes,
  };
}

interface SurveySums {
  sent: number;
  answered: number;
  scores: number;
}

const none = (): SurveySums => ({ sent: 0, answered: 0, scores: 0 });

function addSurvey(sums: SurveySums, value: string, n: number, amount: number) {
  if (value === 'sent') sums.sent += n;
  if (value === 'answered') {
    sums.answered += n;
    sums.scores += amount;
  }
}

function satisfactionCount({ sent, answered, scores }: SurveySums): SatisfactionCount {
  return {
    sent,
    answered,
    responseRate: sent > 0 ? Math.round((answered / sent) * 10_000) / 10_000 : null,
    averageScore: answered > 0 ? Math.round((scores / answered) * 100) / 100 : null,
  };
}

/**
 * Response rate and mean score, in all and by stage reached and category (from the totals, with their stage
 * reached) and by handler (from the per-owner totals, `owners`, named by `names`; a former member of staff
 * keeps a row). Surveys count on the day they were sent; an answer on its survey's day.
 */
export function satisfactionFigures(
  totals: readonly InsightTotal[],
  owners: readonly { ownerId: string; value: string; n: number; amount: number }[],
  names: ReadonlyMap<string, string>,
): SatisfactionFigures {
  const all = none();
  const byStage = new Map(STAGES_REACHED.map((s) => [s, none()]));
  const byCategory = new Map(CATEGORIES.map((c) => [c, none()]));
  for (const t of totals) {
    if (t.measure !== 'survey') continue;
    for (const sums of [all, byCategory.get(t.category), t.stageReached && byStage.get(t.stageReached)]) {
      if (sums) addSurvey(sums, t.value, t.n, t.amount);
    }
  }
  const byOwner = new Map<string, SurveySums>();
  for (const o of owners) {
    const sums = byOwner.get(o.ownerId) ?? none();
    addSurvey(sums, o.value, o.n, o.amount);
    byOwner.set(o.ownerId, sums);
  }
  return {
    ...satisfactionCount(all),
    byStageReached: [...byStage].map(([stageReached, s]) => ({ stageReached, ...satisfactionCount(s) })),
    byCategory: [...byCategory].map(([category, s]) => ({ category, ...satisfactionCount(s) })),
    byHandler: [...byOwner]
      .filter(([, s]) => s.sent !== 0)
      .map(([id, s]) => ({
        person: id === '' ? null : { id, name: names.get(id) ?? 'former member of staff' },
        ...satisfactionCount(s),
      }))
      .sort((a, b) => b.sent - a.sent || (a.person?.name ?? '').localeCompare(b.person?.name ?? '')),
  };
}

/** Accepted remedies by type: how many, and the money (credits, refunds, goodwill) in pence. */
export function remedyFigures(totals: readonly InsightTotal[]): RemedyFigures {
  const count = zeros(REMEDY_TYPES);
  const pence = zeros(REMEDY_TYPES);
  for (const t of totals) {
    if (t.measure !== 'remedy' || !(t.value in count)) continue;
    count[t.value as RemedyType] += t.n;
    pence[t.value as RemedyType] += t.amount;
  }
  return {
    count: REMEDY_TYPES.reduce((sum, type) => sum + count[type], 0),
    pence: REMEDY_TYPES.reduce((sum, type) => sum + pence[type], 0),
    byType: REMEDY_TYPES.map((type) => ({ type, count: count[type], pence: pence[type] })),
  };
}
