/**
 * A reviewer or director raises an improvement item: from a complaint, from a root cause that keeps coming
 * back, from an ombudsman's decision, or from anything else they noticed. The item, its first complaints and
 * the audit events (the item's on the system chain, each link on its complaint's) are written together.
 */
import { appendAuditEvents, type NewAuditEvent } from '../db/audit.ts';
import { findComplaintById } from '../db/complaints.ts';
import { transaction } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { findClosedWithRootCause, insertImprovement, insertLink } from '../db/improvements.ts';
import { nextSequence } from '../db/sequences.ts';
import {
  COMPLAINT_SOURCES,
  formatImprovementReference,
  type Improvement,
  type ImprovementSource,
} from '../domain/improvement.ts';
import { addDays, daysBetween, londonDate, startOfLondonDay } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { invalidField } from './errors.ts';
import {
  type ImprovementView,
  improvementView,
  ownerNames,
  requireComplaint,
  requireDueDate,
  requireImprovementManager,
  requireOwner,
  requireRootCause,
  type StaffActor,
} from './improvement-checks.ts';
import { MAX_RANGE_DAYS } from './read-insight.ts';

export interface NewImprovement {
  title: string;
  description: string;
  ownerId: string;
  dueOn: string;
  rootCause?: string | null | undefined;
  source: ImprovementSource;
  /** The complaint it came from: required for a complaint or an ombudsman decision, else not given. */
  sourceComplaint?: string | undefined;
  /** Further complaints that showed the problem (the source complaint is linked without being listed). */
  complaints?: string[] | undefined;
  /**
   * For a root-cause trend: the dashboard's period (London dates, both included). The complaints closed in it
   * with the root cause, or a cause under it, are linked too — the newest `TREND_COMPLAINTS`.
   */
  rootCausePeriod?: { from: string; to: string } | undefined;
}

/** How many of a trend's complaints an item raised from it links at most: the newest. */
export const TREND_COMPLAINTS = 200;

/** The sequence that numbers items: IMP-0001, IMP-0002… */
const SEQUENCE = 'improvements';

/** Raises an item; refused (nothing written) for an agent, a bad reference, owner, date or root cause. */
export async function createImprovement(
  ctx: AppContext,
  actor: StaffActor,
  input: NewImprovement,
): Promise<ImprovementView> {
  requireImprovementManager(actor, 'raise an improvement item');
  const now = ctx.now();
  const today = londonDate(now);
  requireDueDate(input.dueOn, today);
  requireRootCause(ctx.procedure, input.rootCause);
  const fromComplaint = COMPLAINT_SOURCES.has(input.source);
  if (fromComplaint && input.sourceComplaint === undefined) {
    throw invalidField('sourceComplaint', `is required for an item raised from ${words(input.source)}`);
  }
  if (!fromComplaint && input.sourceComplaint !== undefined) {
    throw invalidField(
      'sourceComplaint',
      `is only for an item raised from a complaint or an ombudsman decision`,
    );
  }
  if (input.source === 'root-cause-trend' && !input.rootCause) {
    throw invalidField('rootCause', 'is required for an item raised from a root-cause trend');
  }
  const period = input.rootCausePeriod;
  if (period) {
    if (input.source !== 'root-cause-trend' || !input.rootCause)
      throw invalidField('rootCausePeriod', 'is only for an item raised from a root-cause trend');
    if (period.from > period.to) throw invalidField('rootCausePeriod.from', 'must not be after to');
    if (daysBetween(period.from, period.to) >= MAX_RANGE_DAYS)
      throw invalidField('rootCausePeriod.from', `the period is at most ${MAX_RANGE_DAYS} days`);
  }
  const at = now.toISOString();
  return transaction(ctx.db, async (trx) => {
    await requireOwner(trx, input.ownerId);
    const source = input.sourceComplaint
      ? await requireComplaint(trx, ctx.procedure, input.sourceComplaint, 'sourceComplaint')
      : null;
    if (source && input.source === 'ombudsman-decision') {
      const complaint = await findComplaintById(trx, source.id);
      if (!complaint?.referral?.decision) {
        throw invalidField('sourceComplaint', `${source.reference} has no ombudsman decision recorded`);
      }
    }
    const linked = new Map(source ? [[source.id, source]] : []);
    for (const [i, given] of (input.complaints ?? []).entries()) {
      const complaint = await requireComplaint(trx, ctx.procedure, given, `complaints.${i}`);
      linked.set(complaint.id, complaint);
    }
    if (period && input.rootCause) {
      const cause = ctx.procedure.rootCauses.find((c) => c.code === input.rootCause);
      const codes = [input.rootCause, ...(cause?.children ?? []).map((c) => c.code)];
      const trend = await findClosedWithRootCause(
        trx,
        codes,
        {
          fromAt: startOfLondonDay(period.from).toISOString(),
          toAt: startOfLondonDay(addDays(period.to, 1)).toISOString(),
        },
        TREND_COMPLAINTS,
      );
      for (const complaint of trend) linked.set(complaint.id, complaint);
    }
    const item: Improvement = {
      id: newId(now.getTime()),
      reference: formatImprovementReference(await nextSequence(trx, SEQUENCE)),
      title: input.title,
      description: input.description,
      ownerId: input.ownerId,
      dueOn: input.dueOn,
      status: 'open',
      actionTaken: null,
      rootCause: input.rootCause ?? null,
      source: input.source,
      sourceComplaint: source,
      createdBy: actor.id,
      createdAt: at,
      updatedAt: at,
      closedAt: null,
    };
    await insertImprovement(trx, item);
    const events: NewAuditEvent[] = [
      {
        complaintId: null,
        type: 'improvement-created',
        actor: actor.id,
        at,
        payload: {
          improvement: { ...item, sourceComplaint: source?.reference ?? null },
          complaints: [...linked.values()].map((c) => c.reference),
        },
      },
    ];
    for (const complaint of linked.values()) {
      await insertLink(trx, { improvementId: item.id, complaintId: complaint.id, at, by: actor.id });
      events.push(linkedEvent(complaint.id, item, actor.id, at));
    }
    await appendAuditEvents(trx, events);
    const name = await ownerNames(trx, [item]);
    return improvementView(item, name(item.ownerId), today);
  });
}

/** The event on a complaint's own trail that it was listed on an item. */
export function linkedEvent(
  complaintId: string,
  item: Improvement,
  actor: string,
  at: string,
): NewAuditEvent {
  return {
    complaintId,
    type: 'improvement-linked',
    actor,
    at,
    payload: { improvement: item.reference, title: item.title },
  };
}

function words(source: ImprovementSource): string {
  return source === 'ombudsman-decision' ? 'an ombudsman decision' : 'a complaint';
}
