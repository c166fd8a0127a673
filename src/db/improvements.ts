/**
 * The improvement log's rows to and from the domain's `Improvement`, and the lists and counts its screens ask
 * for, each read along one of migration 0022's indexes (the query-plan snapshot test keeps them so).
 */
import { type ExpressionBuilder, type Selectable, sql, type Transaction } from 'kysely';
import type { Improvement, ImprovementSource, ImprovementStatus } from '../domain/improvement.ts';
import type { LocalDate } from '../domain/time.ts';
import { dialectOf, type Executor } from './database.ts';
import type { ImprovementsTable, Schema } from './schema.ts';

// The partial indexes' condition, as a literal: SQLite uses a partial index only when the query repeats it.
const STILL_TO_WORK = sql<boolean>`i.status in ('open', 'in-progress')`;
const DONE = sql<boolean>`i.status = 'done'`;

type Row = Selectable<ImprovementsTable> & { source_complaint_reference: string | null };
type WithItem = ExpressionBuilder<Schema & { i: ImprovementsTable }, 'i'>;

function selectImprovements(executor: Executor) {
  return executor
    .selectFrom('improvements as i')
    .leftJoin('complaints as sc', 'sc.id', 'i.source_complaint_id')
    .selectAll('i')
    .select('sc.reference as source_complaint_reference');
}

function toImprovement(row: Row): Improvement {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    description: row.description,
    ownerId: row.owner_id,
    dueOn: row.due_on,
    status: row.status as ImprovementStatus,
    actionTaken: row.action_taken,
    rootCause: row.root_cause,
    source: row.source as ImprovementSource,
    sourceComplaint:
      row.source_complaint_id && row.source_complaint_reference
        ? { id: row.source_complaint_id, reference: row.source_complaint_reference }
        : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
  };
}

export async function insertImprovement(trx: Executor, item: Improvement): Promise<void> {
  await trx
    .insertInto('improvements')
    .values({
      id: item.id,
      reference: item.reference,
      title: item.title,
      description: item.description,
      owner_id: item.ownerId,
      due_on: item.dueOn,
      status: item.status,
      action_taken: item.actionTaken,
      root_cause: item.rootCause,
      source: item.source,
      source_complaint_id: item.sourceComplaint?.id ?? null,
      created_by: item.createdBy,
      created_at: item.createdAt,
      updated_at: item.updatedAt,
      closed_at: item.closedAt,
    })
    .execute();
}

/** Writes what a change can change; where an item came from and who raised it never change. */
export async function updateImprovementRow(trx: Executor, item: Improvement): Promise<void> {
  await trx
    .updateTable('improvements')
    .set({
      title: item.title,
      description: item.description,
      owner_id: item.ownerId,
      due_on: item.dueOn,
      status: item.status,
      action_taken: item.actionTaken,
      root_cause: item.rootCause,
      updated_at: item.updatedAt,
      closed_at: item.closedAt,
    })
    .where('id', '=', item.id)
    .execute();
}

/** The item with this canonical reference, or undefined. */
export async function findImprovement(
  executor: Executor,
  reference: string,
): Promise<Improvement | undefined> {
  const row = await selectImprovements(executor).where('i.reference', '=', reference).executeTakeFirst();
  return row && toImprovement(row);
}

/**
 * Reads the item to change it, holding it until the transaction ends: `SELECT … FOR UPDATE` of its row on
 * PostgreSQL (SQLite's write transaction already holds the database). Undefined when there is none.
 */
export async function lockImprovement(
  trx: Transaction<Schema>,
  reference: string,
): Promise<Improvement | undefined> {
  let query = selectImprovements(trx).where('i.reference', '=', reference);
  // FOR UPDATE OF: the outer join's nullable side cannot be locked on PostgreSQL, and need not be.
  if (dialectOf(trx) === 'postgres') query = query.forUpdate(['i']);
  const row = await query.executeTakeFirst();
  return row && toImprovement(row);
}

export const IMPROVEMENT_SORT_COLUMNS = ['created_at', 'due_on'] as const;
export type ImprovementSortColumn = (typeof IMPROVEMENT_SORT_COLUMNS)[number];

export interface ImprovementListQuery {
  statuses?: readonly ImprovementStatus[] | undefined;
  ownerId?: string | undefined;
  /** Only items still to be worked whose due date is before this date. */
  overdueOn?: LocalDate | undefined;
  rootCause?: string | undefined;
  sort: ImprovementSortColumn;
  order: 'asc' | 'desc';
  /** Keyset position: rows strictly after this sort value and id. */
  after?: { value: string; id: string } | undefined;
  limit: number;
}

/** One row of the list: the item, its owner's name and how many complaints it lists. */
export interface ImprovementListRow extends Improvement {
  ownerName: string;
  complaintCount: number;
}

function filtered(executor: Executor, q: Omit<ImprovementListQuery, 'sort' | 'order' | 'after' | 'limit'>) {
  let query = executor.selectFrom('improvements as i');
  if (q.statuses?.length) query = query.where('i.status', 'in', q.statuses);
  if (q.ownerId !== undefined) query = query.where('i.owner_id', '=', q.ownerId);
  if (q.rootCause !== undefined) query = query.where('i.root_cause', '=', q.rootCause);
  if (q.overdueOn !== undefined) query = query.where(STILL_TO_WORK).where('i.due_on', '<', q.overdueOn);
  return query;
}

/** A page of the list, in the sort column's order then by id, with one more row than `limit` if there is one. */
export async function listImprovementRows(
  executor: Executor,
  q: ImprovementListQuery,
): Promise<ImprovementListRow[]> {
  const column = `i.${q.sort}` as const;
  const ids = await filtered(executor, q)
    .select('i.id')
    .$if(q.after !== undefined, (query) =>
      query.where((eb: WithItem) =>
        eb(
          eb.refTuple(column, 'i.id'),
          q.order === 'asc' ? '>' : '<',
          eb.tuple(q.after?.value ?? '', q.after?.id ?? ''),
        ),
      ),
    )
    .orderBy(column, q.order)
    .orderBy('i.id', q.order)
    .limit(q.limit)
    .execute();
  if (ids.length === 0) return [];
  const rows = await selectImprovements(executor)
    .innerJoin('users as u', 'u.id', 'i.owner_id')
    .select('u.name as owner_name')
    .select((eb) =>
      eb
        .selectFrom('improvement_complaints as ic')
        .whereRef('ic.improvement_id', '=', 'i.id')
        .select((count) => count.fn.countAll<string | number>().as('n'))
        .as('complaint_count'),
    )
    .where(
      'i.id',
      'in',
      ids.map((r) => r.id),
    )
    .execute();
  const position = new Map(ids.map((r, n) => [r.id, n]));
  return rows
    .map((row) => ({
      ...toImprovement(row),
      ownerName: row.owner_name,
      complaintCount: Number(row.complaint_count ?? 0),
    }))
    .sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
}

/** The items still to be worked, and how many of those are overdue on `today`: each counted from an index. */
export async function countOpenImprovements(
  executor: Executor,
  today: LocalDate,
): Promise<{ open: number; overdue: number }> {
  const count = (overdue: boolean) =>
    executor
      .selectFrom('improvements as i')
      .where(STILL_TO_WORK)
      .$if(overdue, (q) => q.where('i.due_on', '<', today))
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
  const [open, overdue] = [await count(false), await count(true)];
  return { open: Number(open.n), overdue: Number(overdue.n) };
}

/** Items marked done in [from, to) (instants), in the order they were done. */
export async function listDoneBetween(executor: Executor, from: string, to: string): Promise<Improvement[]> {
  const rows = await selectImprovements(executor)
    .where(DONE)
    .where('i.closed_at', '>=', from)
    .where('i.closed_at', '<', to)
    .orderBy('i.closed_at')
    .orderBy('i.id')
    .execute();
  return rows.map(toImprovement);
}

/** A complaint an item lists, as the item's page shows it. */
export interface LinkedComplaint {
  reference: string;
  stage: string;
  category: string;
  receivedAt: string;
  rootCause: string | null;
  linkedAt: string;
  linkedBy: string;
}

/** The complaints an item lists, in the order they were linked (along the join table's primary key). */
export async function listLinkedComplaints(
  executor: Executor,
  improvementId: string,
): Promise<LinkedComplaint[]> {
  const rows = await executor
    .selectFrom('improvement_complaints as ic')
    .innerJoin('complaints as c', 'c.id', 'ic.complaint_id')
    .where('ic.improvement_id', '=', improvementId)
    .select([
      'c.reference',
      'c.stage',
      'c.category',
      'c.received_at',
      'c.root_cause',
      'ic.linked_at',
      'ic.linked_by',
    ])
    .orderBy('ic.linked_at')
    .orderBy('c.reference')
    .execute();
  return rows.map((r) => ({
    reference: r.reference,
    stage: r.stage,
    category: r.category,
    receivedAt: r.received_at,
    rootCause: r.root_cause,
    linkedAt: r.linked_at,
    linkedBy: r.linked_by,
  }));
}

/** The items that list a complaint, newest first (along `improvement_complaints_complaint_idx`). */
export async function listImprovementsOfComplaint(
  executor: Executor,
  complaintId: string,
): Promise<Improvement[]> {
  const rows = await selectImprovements(executor)
    .innerJoin('improvement_complaints as ic', 'ic.improvement_id', 'i.id')
    .where('ic.complaint_id', '=', complaintId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .execute();
  return rows.map(toImprovement);
}

/** Links a complaint to an item; false when it was linked already. */
export async function insertLink(
  trx: Executor,
  link: { improvementId: string; complaintId: string; at: string; by: string },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('improvement_complaints')
    .values({
      improvement_id: link.improvementId,
      complaint_id: link.complaintId,
      linked_at: link.at,
      linked_by: link.by,
    })
    .onConflict((oc) => oc.columns(['improvement_id', 'complaint_id']).doNothing())
    .returning('complaint_id')
    .execute();
  return inserted.length > 0;
}

/** Removes a complaint from an item; false when it was not linked. */
export async function deleteLink(
  trx: Executor,
  improvementId: string,
  complaintId: string,
): Promise<boolean> {
  const result = await trx
    .deleteFrom('improvement_complaints')
    .where('improvement_id', '=', improvementId)
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A complaint's id for its canonical reference (the unique index), or undefined. */
export async function findComplaintIdentity(
  executor: Executor,
  reference: string,
): Promise<{ id: string; reference: string } | undefined> {
  return executor
    .selectFrom('complaints')
    .select(['id', 'reference'])
    .where('reference', '=', reference)
    .executeTakeFirst();
}

/**
 * The newest `limit` complaints closed from `fromAt` (included) to `toAt` (excluded) with one of the root
 * `codes`, newest first: for each code the newest `limit` along complaints_root_cause_idx (0026), then the
 * newest of them all — never every complaint of a common cause in a year.
 */
export async function findClosedWithRootCause(
  executor: Executor,
  codes: readonly string[],
  range: { fromAt: string; toAt: string },
  limit: number,
): Promise<{ id: string; reference: string; closedAt: string }[]> {
  // One after another: this runs in the caller's transaction, on one connection.
  const found: { id: string; reference: string; closed_at: string | null }[] = [];
  for (const code of codes) {
    found.push(
      ...(await executor
        .selectFrom('complaints')
        .select(['id', 'reference', 'closed_at'])
        .where('root_cause', '=', code)
        .where('closed_at', '>=', range.fromAt)
        .where('closed_at', '<', range.toAt)
        .orderBy('closed_at', 'desc')
        .limit(limit)
        .execute()),
    );
  }
  return found
    .map((r) => ({ id: r.id, reference: r.reference, closedAt: r.closed_at ?? '' }))
    .sort((a, b) => (a.closedAt < b.closedAt ? 1 : a.closedAt > b.closedAt ? -1 : a.id < b.id ? 1 : -1))
    .slice(0, limit);
}
