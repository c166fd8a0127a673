/** The query behind complaint lists and queues: filters, words, keyset pagination. */

import { sql } from 'kysely';
import type { Category, Stage } from '../domain/procedure.ts';
import type { LocalDate } from '../domain/time.ts';
import { dialectOf, type Executor } from './database.ts';
import { bestMatches, matchesSearchWord, postgresSearchRank } from './text-search.ts';

export const LIST_SORT_COLUMNS = ['received_at', 'adr_due_on', 'reference'] as const;
export type ListSortColumn = (typeof LIST_SORT_COLUMNS)[number];
/** Best match first (with `words`), newest first among equals; paged by position, not keyset. */
export const RELEVANCE = 'relevance';
/** Relevance pages through at most this many best matches (SQLite: the full-text index's top by bm25). */
const RELEVANCE_CANDIDATES = 1000;

export interface ComplaintListQuery {
  stages?: readonly Stage[] | undefined;
  categories?: readonly Category[] | undefined;
  /** A user id, or null for unassigned complaints. */
  ownerId?: string | null | undefined;
  open?: boolean | undefined;
  /** Only complaints with an agreed step not done and due before this date. */
  stepOverdueOn?: LocalDate | undefined;
  /** Only open, ADR-eligible complaints without an ADR letter, due on or before this date. */
  adrDueBy?: LocalDate | undefined;
  /** Only deadlocked complaints the customer has not (yet) taken to the ADR scheme. */
  awaitingReferral?: boolean | undefined;
  /**
   * Only complaints with an email to the customer that failed, or is still unsent when this instant has
   * passed since it was queued (whatever stopped it: a worker lost on its last try, a mail server down).
   */
  emailUndeliveredSince?: string | undefined;
  /**
   * Each word must match: a word of the description, the customer's own words, the customer's name or the
   * reference starting with it, or a fragment of the reference, email or phone number (full-text indexes).
   */
  words?: readonly string[] | undefined;
  sort: ListSortColumn | typeof RELEVANCE;
  order: 'asc' | 'desc';
  /** Keyset position: rows strictly after this sort value and id. */
  after?: { value: string; id: string } | undefined;
  /** For the relevance order: how many of the best matches to skip. */
  offset?: number | undefined;
  limit: number;
}

type ComplaintFilter = Omit<ComplaintListQuery, 'sort' | 'order' | 'after' | 'limit'>;

/*
 * Every queue is answered from a partial index over the rows it lists (migration 0014), so neither a page nor
 * a count reads the closed history or a child table. The conditions those indexes were created with appear
 * here as literals: SQLite uses a partial index only when the query repeats its condition, and cannot see
 * through a bound parameter. The query-plan snapshot test (complaint-list.plan.int.test.ts) keeps it so.
 */
const OPEN = sql<boolean>`c.stage <> 'closed'`;
const CLOSED = sql<boolean>`c.stage = 'closed'`;
const AWAITING_REFERRAL = sql<boolean>`c.stage = 'deadlock' and c.scheme_case_reference is null`;

function filtered(executor: Executor, q: ComplaintFilter) {
  let query = executor.selectFrom('complaints as c');
  const openStages = q.stages?.length && !q.stages.includes('closed');
  if (q.stages?.length) query = query.where('c.stage', 'in', q.stages);
  if (q.categories?.length) query = query.where('c.category', 'in', q.categories);
  if (q.ownerId === null) query = query.where('c.owner_id', 'is', null);
  else if (q.ownerId !== undefined) query = query.where('c.owner_id', '=', q.ownerId);
  if (q.open === true || openStages) query = query.where(OPEN);
  else if (q.open === false) query = query.where(CLOSED);
  if (q.stepOverdueOn) query = query.where('c.step_due_on', '<', q.stepOverdueOn);
  // Open, ADR-eligible and without an ADR letter: exactly the rows with a watch date.
  if (q.adrDueBy) query = query.where('c.adr_watch_on', '<=', q.adrDueBy);
  if (q.awaitingReferral) query = query.where(AWAITING_REFERRAL);
  const stuckSince = q.emailUndeliveredSince;
  if (stuckSince) {
    // Failed for good (a flag on the complaint, its own index), or still queued long after it was written
    // (the few rows still queued, indexed): a union of the two, so each side is read from its index.
    query = query.where('c.id', 'in', (eb) =>
      eb
        .selectFrom('complaints as f')
        .select('f.id')
        .where(sql<boolean>`f.email_failed = 1`)
        .union(
          eb
            .selectFrom('emails as e')
            .select('e.complaint_id as id')
            .where(sql<boolean>`e.status = 'queued' and e.direction = 'out'`)
            .where('e.created_at', '<', stuckSince)
            .where('e.complaint_id', 'is not', null)
            .$narrowType<{ id: string }>(),
        ),
    );
  }
  for (const word of q.words ?? []) query = query.where(matchesSearchWord(dialectOf(executor), word));
  return query;
}

/** How many complaints match the filter: counted from the filter's index, without reading a row. */
export async function countComplaintRows(executor: Executor, q: ComplaintFilter): Promise<number> {
  const row = await filtered(executor, q)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Up to `limit` matching complaints with their customer's name. The page's ids come first, from the filter's
 * index in sort order (the sort column and id are in every such index); only those rows are then read.
 * With `sort: 'relevance'` the page is the best matches of the words, skipping `offset`.
 */
export async function findComplaintRows(executor: Executor, q: ComplaintListQuery) {
  const page = q.sort === RELEVANCE ? relevancePage(executor, q) : keysetPage(executor, q, q.sort);
  // Words with nothing to match (no letters or digits) match no complaint.
  if (!page) return [];
  const ids = (await page.execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await executor
    .selectFrom('complaints as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .where('c.id', 'in', ids)
    .select([
      'c.id',
      'c.reference',
      'c.stage',
      'c.category',
      'c.channel',
      'c.owner_id',
      'c.customer_id',
      'cu.name as customer_name',
      'c.description',
      'c.received_at',
      'c.adr_due_on',
      'c.first_expressed_at',
      'c.closure_reason',
      'c.adr_letter_on as adr_letter_issued_on',
    ])
    .execute();
  // In the page's order (an IN list has none of its own).
  const position = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
}

function keysetPage(executor: Executor, q: ComplaintListQuery, sort: ListSortColumn) {
  // Within the ADR watch list the watch date is the ADR date, and its index is sorted by it.
  const column = `c.${sort === 'adr_due_on' && q.adrDueBy ? 'adr_watch_on' : sort}` as const;
  let page = filtered(executor, q).select('c.id');
  const after = q.after;
  if (after) {
    const op = q.order === 'asc' ? '>' : '<';
    page = page.where((eb) => eb(eb.refTuple(column, 'c.id'), op, eb.tuple(after.value, after.id)));
  }
  return page.orderBy(column, q.order).orderBy('c.id', q.order).limit(q.limit);
}

function relevancePage(executor: Executor, q: ComplaintListQuery) {
  const words = q.words ?? [];
  if (dialectOf(executor) === 'sqlite') {
    // Driven from the full-text index's best matches, joined to the complaints they name: ranking every
    // match against the whole index once per complaint was quadratic.
    const best = bestMatches(words, RELEVANCE_CANDIDATES);
    if (!best) return null;
    return filtered(executor, { ...q, words: undefined })
      .innerJoin(best.as('m'), (join) => join.on(sql<boolean>`m.k = c.search_key`))
      .select('c.id')
      .groupBy('c.id')
      .orderBy(sql`min(m.r)`)
      .orderBy(sql`max(c.received_at)`, 'desc')
      .orderBy('c.id', 'desc')
      .limit(q.limit)
      .offset(q.offset ?? 0);
  }
  const rank = postgresSearchRank(words);
  return filtered(executor, q)
    .select('c.id')
    .$if(rank !== null, (query) => query.orderBy(rank ?? sql`0`))
    .orderBy('c.received_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(q.limit)
    .offset(q.offset ?? 0);
}
