/**
 * The improvement log as a list: filtered by status, owner, root cause or "overdue", newest first or by due
 * date, one page at a time with a keyset cursor (stays right while items are added), like the complaint list.
 */
import { type ImprovementSortColumn, listImprovementRows } from '../db/improvements.ts';
import { type ImprovementStatus, isOpenImprovement } from '../domain/improvement.ts';
import { londonDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { type ImprovementView, improvementView } from './improvement-checks.ts';

export const IMPROVEMENT_SORTS = ['created', 'due'] as const;
export type ImprovementSort = (typeof IMPROVEMENT_SORTS)[number];

export interface ImprovementFilter {
  status?: ImprovementStatus[] | undefined;
  /** A user id. */
  owner?: string | undefined;
  /** Only items still to be worked and past their due date. */
  overdue?: boolean | undefined;
  rootCause?: string | undefined;
  /** `created` (newest first by default) or `due` (soonest first by default). */
  sort?: ImprovementSort | undefined;
  order?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

const SORT_COLUMN: Record<ImprovementSort, ImprovementSortColumn> = { created: 'created_at', due: 'due_on' };

export interface ImprovementListItem extends ImprovementView {
  complaintCount: number;
}

/** One page of items matching the filter, and the cursor of the next page (null on the last). */
export async function listImprovements(
  ctx: AppContext,
  filter: ImprovementFilter,
): Promise<{ items: ImprovementListItem[]; nextCursor: string | null }> {
  const today = londonDate(ctx.now());
  // Overdue items are still to be worked: a status filter of only finished ones leaves nothing.
  const statuses = filter.overdue ? (filter.status ?? []).filter(isOpenImprovement) : filter.status;
  if (filter.overdue && filter.status?.length && statuses?.length === 0)
    return { items: [], nextCursor: null };
  const sort = filter.sort ?? 'created';
  const column = SORT_COLUMN[sort];
  const limit = filter.limit ?? 50;
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const rows = await listImprovementRows(ctx.db.kysely, {
    statuses,
    ownerId: filter.owner,
    rootCause: filter.rootCause,
    overdueOn: filter.overdue ? today : undefined,
    sort: column,
    order: filter.order ?? (sort === 'created' ? 'desc' : 'asc'),
    after: after && { value: after[0], id: after[1] },
    // One more than the page: its presence says there is a next page.
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...improvementView(row, row.ownerName, today),
      complaintCount: row.complaintCount,
    })),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor(sort === 'created' ? last.createdAt : last.dueOn, last.id)
        : null,
  };
}
