/**
 * The management figures for a date range and filters (issue 12's dashboard; the monthly report calls this
 * too): volumes, the funnel, days at each attempt, time to resolve, ADR letters by trigger, referrals and the
 * scheme's outcomes, root causes against the period before, satisfaction and remedies, read from the running
 * totals (db/insight.ts) — or, for one owner, from that owner's complaints' facts — and the team as it
 * stands today.
 *
 * The range is of London dates, both ends included: a complaint counts on the day it was received, a letter,
 * referral, decision or declined proposal on its own day (domain/insight.ts says why). The team figures and
 * remedies overdue are today's, whatever the range; the team is narrowed only by `ownerId`.
 */

import { countFollowUpsWaitingByOwner } from '../db/insight-team.ts';
import {
  countRemediesOverdue,
  type InsightFilter,
  SURVEY_READ,
  sumInsightTotals,
  sumOwnerSurveys,
  type TotalsRead,
} from '../db/insight-totals.ts';
import { listUsers } from '../db/users.ts';
import { countOpenByOwnerAndStage, countOverdueStepsByOwner } from '../db/workload.ts';
import { granularityFor, type InsightFigures, insightFigures } from '../domain/insight-figures.ts';
import {
  type RemedyFigures,
  type RootCauseFigures,
  remedyFigures,
  rootCauseFigures,
  type SatisfactionFigures,
  satisfactionFigures,
} from '../domain/insight-panels.ts';
import { addDays, addMonths, daysBetween, londonDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { invalidField } from './errors.ts';

export interface InsightQuery
  extends Partial<Pick<InsightFilter, 'from' | 'to'>>,
    Omit<InsightFilter, 'from' | 'to'> {
  /** Only the complaints this member of staff owns now. */
  ownerId?: string | undefined;
}

export interface TeamMember {
  /** Null for the complaints nobody owns. */
  person: { id: string; name: string } | null;
  open: number;
  overdueSteps: number;
  followUpsWaiting: number;
}

export interface Insight extends InsightFigures {
  rootCauses: RootCauseFigures & {
    /** The period of the same length just before the range, which the causes are compared with. */
    previousFrom: string;
    previousTo: string;
  };
  satisfaction: SatisfactionFigures;
  remedies: RemedyFigures;
  team: TeamMember[];
}

const ROOT_CAUSE_READ: TotalsRead = { measures: ['root-cause'], byStageReached: false };

/** The longest range asked for at once: two years, for a year against the one before. */
export const MAX_RANGE_DAYS = 731;

/** The figures for `query`; without dates, the twelve months to today. */
export async function readInsight(ctx: AppContext, query: InsightQuery): Promise<Insight> {
  const today = londonDate(ctx.now());
  const to = query.to ?? today;
  const from = query.from ?? addDays(addMonths(to, -12), 1);
  if (from > to) throw invalidField('from', 'must not be after to');
  if (daysBetween(from, to) >= MAX_RANGE_DAYS)
    throw invalidField('from', `the range is at most ${MAX_RANGE_DAYS} days`);
  const filter: InsightFilter = { ...query, from, to };
  const previous: InsightFilter = {
    ...filter,
    from: addDays(from, -daysBetween(from, to) - 1),
    to: addDays(from, -1),
  };
  const granularity = granularityFor(filter);
  const db = ctx.db.kysely;
  const ownerId = query.ownerId;
  const users = listUsers(db);
  const reads = [
    { range: filter },
    { range: filter, read: SURVEY_READ },
    { range: previous, read: ROOT_CAUSE_READ },
  ];
  const [sets, remediesOverdue, owners, team, staff] = await Promise.all([
    Promise.all(reads.map(({ range, read }) => sumInsightTotals(db, range, granularity, read))),
    countRemediesOverdue(db, filter, today),
    sumOwnerSurveys(db, filter, ownerId),
    users.then((list) => readTeam(ctx, today, ownerId, list)),
    users,
  ]);
  const [totals = [], surveys = [], causesBefore = []] = sets;
  const figures = insightFigures(filter, totals, {
    customerCount: ctx.procedure.customerCount ?? null,
    remediesOverdue,
  });
  const names = new Map(staff.map((u) => [u.id, u.name]));
  return {
    ...figures,
    rootCauses: {
      ...rootCauseFigures(totals, causesBefore, ctx.procedure.rootCauses),
      previousFrom: previous.from,
      previousTo: previous.to,
    },
    satisfaction: satisfactionFigures(surveys, owners, names),
    remedies: remedyFigures(totals),
    team,
  };
}

/** Open complaints, overdue steps and follow-ups waiting per person today, most open first. */
async function readTeam(
  ctx: AppContext,
  today: string,
  ownerId: string | undefined,
  users: readonly { id: string; name: string }[],
): Promise<TeamMember[]> {
  const db = ctx.db.kysely;
  const [open, overdue, followUps] = await Promise.all([
    countOpenByOwnerAndStage(db),
    countOverdueStepsByOwner(db, today),
    countFollowUpsWaitingByOwner(db),
  ]);
  const members = new Map<string | null, TeamMember>();
  const member = (id: string | null): TeamMember => {
    let row = members.get(id);
    if (!row) {
      const name = id === null ? null : (users.find((u) => u.id === id)?.name ?? 'former member of staff');
      row = {
        person: id === null ? null : { id, name: name ?? '' },
        open: 0,
        overdueSteps: 0,
        followUpsWaiting: 0,
      };
      members.set(id, row);
    }
    return row;
  };
  for (const c of open) member(c.ownerId).open += c.open;
  for (const [id, n] of overdue) member(id).overdueSteps += n;
  for (const [id, n] of followUps) member(id).followUpsWaiting += n;
  return [...members.values()]
    .filter((m) => ownerId === undefined || m.person?.id === ownerId)
    .sort((a, b) => b.open - a.open || (a.person?.name ?? '').localeCompare(b.person?.name ?? ''));
}
