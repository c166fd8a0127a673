/**
 * The complaint list behind every queue: filters, text search, sorting and keyset pagination (a cursor that
 * stays right while complaints are added).
 */
import { type ComplaintListQuery, findComplaintRows, type ListSortColumn } from '../db/complaint-list.ts';
import type { Category, Stage } from '../domain/procedure.ts';
import { neededRole } from '../domain/routing.ts';
import { addDays, daysBetween, type LocalDate, londonDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { QUEUES, type QueueId } from './queues.ts';

export const SORTS = ['received', 'adr-due', 'reference', 'relevance'] as const;
export type Sort = (typeof SORTS)[number];

export interface ComplaintFilter {
  stage?: Stage[] | undefined;
  /** A user id, or `none` for unassigned complaints. */
  owner?: string | undefined;
  category?: Category[] | undefined;
  open?: boolean | undefined;
  /** Only complaints with a step past its agreed date. */
  overdue?: boolean | undefined;
  /** Only open complaints without an ADR letter whose ADR date is within this many days (or past). */
  adrDueWithinDays?: number | undefined;
  /** Only deadlocked complaints not yet referred to the ADR scheme. */
  awaitingReferral?: boolean | undefined;
  /** Only complaints with an email that failed, or is still unsent a day after it was queued. */
  emailFailed?: boolean | undefined;
  /**
   * Words, each matching the start of a word of the description, the customer's words or name, or a fragment
   * of the reference, email or phone number. Sorted by relevance unless another sort is asked for.
   */
  text?: string | undefined;
  sort?: Sort | undefined;
  order?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

export const SORT_COLUMN: Record<Exclude<Sort, 'relevance'>, ListSortColumn> = {
  received: 'received_at',
  'adr-due': 'adr_due_on',
  reference: 'reference',
};

/** The database query's filter part for a list filter, on a given London day. */
/** An email still unsent this long after it was queued counts as undelivered. */
/** A relevance cursor's marker, in place of a sort value. */
const RELEVANCE_CURSOR = '#position';

export const UNDELIVERED_AFTER_MS = 24 * 60 * 60 * 1000;

export function toListQuery(filter: ComplaintFilter, now: Date) {
  const today: LocalDate = londonDate(now);
  return {
    stages: filter.stage,
    categories: filter.category,
    ownerId: filter.owner === 'none' ? null : filter.owner,
    open: filter.open,
    stepOverdueOn: filter.overdue ? today : undefined,
    adrDueBy: filter.adrDueWithinDays === undefined ? undefined : addDays(today, filter.adrDueWithinDays),
    awaitingReferral: filter.awaitingReferral,
    emailUndeliveredSince: filter.emailFailed
      ? new Date(now.getTime() - UNDELIVERED_AFTER_MS).toISOString()
      : undefined,
    words: filter.text?.trim().split(/\s+/).filter(Boolean).slice(0, 8),
  } satisfies Partial<ComplaintListQuery>;
}

function intersect<T>(a: T[] | undefined, b: T[] | undefined): T[] | undefined {
  return a && b ? a.filter((x) => b.includes(x)) : (a ?? b);
}

/**
 * A queue's filter narrowed by the filters given with it: both must hold. Null when they contradict each
 * other (another owner than the queue's, say), so nothing can match.
 */
export function narrow(base: ComplaintFilter, extra: ComplaintFilter): ComplaintFilter | null {
  const differ = <T>(a: T | undefined, b: T | undefined) => a !== undefined && b !== undefined && a !== b;
  if (differ(base.owner, extra.owner) || differ(base.open, extra.open)) return null;
  const stage = intersect(base.stage, extra.stage);
  const category = intersect(base.category, extra.category);
  if (stage?.length === 0 || category?.length === 0) return null;
  const within = [base.adrDueWithinDays, extra.adrDueWithinDays].filter((d) => d !== undefined);
  return {
    ...base,
    ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
    stage,
    category,
    owner: base.owner ?? extra.owner,
    open: base.open ?? extra.open,
    overdue: base.overdue || extra.overdue || undefined,
    awaitingReferral: base.awaitingReferral || extra.awaitingReferral || undefined,
    emailFailed: base.emailFailed || extra.emailFailed || undefined,
    adrDueWithinDays: within.length ? Math.min(...within) : undefined,
  };
}

/** The filter a list asks for: its queue's, narrowed by the filters given with it; null when nothing can match. */
export function resolveFilter(
  given: ComplaintFilter & { queue?: QueueId | undefined },
  userId: string,
): ComplaintFilter | null {
  const { queue, ...explicit } = given;
  return queue ? narrow(QUEUES[queue].filter(userId), explicit) : explicit;
}

/**
 * One page of complaints matching the filter, and the cursor of the next page. A queue's filter applies
 * first; filters given with it narrow it further.
 */
export async function listComplaints(
  ctx: AppContext,
  given: ComplaintFilter & { queue?: QueueId | undefined },
  userId: string,
) {
  const filter = resolveFilter(given, userId);
  if (!filter) return { items: [], nextCursor: null };
  const db = ctx.db.kysely;
  const query = toListQuery(filter, ctx.now());
  const words = query.words ?? [];
  const sort = filter.sort ?? (words.length ? 'relevance' : 'received');
  const limit = filter.limit ?? 50;
  const today = londonDate(ctx.now());
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  let rows: Awaited<ReturnType<typeof findComplaintRows>>;
  let next: (last: (typeof rows)[number]) => string;
  if (sort === 'relevance') {
    // Ranks change as complaints are added, so relevance pages by position: the cursor holds how many were shown.
    const offset = after?.[0] === RELEVANCE_CURSOR ? Number(after[1]) || 0 : 0;
    rows = await findComplaintRows(db, {
      ...query,
      sort: 'relevance',
      order: 'asc',
      offset,
      limit: limit + 1,
    });
    next = () => encodeCursor(RELEVANCE_CURSOR, String(offset + limit));
  } else {
    const order = filter.order ?? (sort === 'received' ? 'desc' : 'asc');
    const column = SORT_COLUMN[sort];
    rows = await findComplaintRows(db, {
      ...query,
      sort: column,
      order,
      after: after && after[0] !== RELEVANCE_CURSOR ? { value: after[0], id: after[1] } : undefined,
      // One more than the page: its presence says there is a next page.
      limit: limit + 1,
    });
    next = (last) => encodeCursor(last[column], last.id);
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      reference: r.reference,
      stage: r.stage as Stage,
      stageName: ctx.procedure.stages[r.stage as Stage].name,
      category: r.category as Category,
      channel: r.channel,
      ownerId: r.owner_id,
      needs: neededRole(ctx.procedure, { ownerId: r.owner_id, stage: r.stage as Stage }),
      customer: { id: r.customer_id, name: r.customer_name },
      summary: r.description.slice(0, 200),
      receivedAt: r.received_at,
      firstExpressedAt: r.first_expressed_at,
      adrDueOn: r.adr_due_on,
      adrDaysLeft: daysBetween(today, r.adr_due_on),
      adrLetterIssuedOn: r.adr_letter_issued_on ?? null,
      closureReason: r.closure_reason,
    })),
    nextCursor: rows.length > limit && last ? next(last) : null,
  };
}
