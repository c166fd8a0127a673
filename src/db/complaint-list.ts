/** The query behind complaint lists and queues: filters, words, keyset pagination. */

import { type AliasedSelectQueryBuilder, type ExpressionBuilder, sql } from 'kysely';
import type { Category, Stage } from '../domain/procedure.ts';
import type { LocalDate } from '../domain/time.ts';
import { dialectOf, type Executor } from './database.ts';
import { type Encoding, readEncoded } from './encoded-read.ts';
import type { ComplaintsTable, Schema } from './schema.ts';
import {
  bestMatches,
  matchesSearchWord,
  postgresSearchRank,
  referenceOrder,
  referencePrefix,
} from './text-search.ts';

export const LIST_SORT_COLUMNS = ['received_at', 'adr_due_on', 'reference'] as const;
export type ListSortColumn = (typeof LIST_SORT_COLUMNS)[number];
/** Best match first (with `words`), newest first among equals; paged by position, not keyset. */
export const RELEVANCE = 'relevance';
/**
 * Relevance pages through at most this many matches: SQLite's full-text index's newest, PostgreSQL's first
 * found (see `relevancePage` and text-search.ts `bestMatches`).
 */
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

type ComplaintConditions = ExpressionBuilder<Schema & { c: ComplaintsTable }, 'c'>;

/** The two ways an email to the customer is undelivered (`emailUndeliveredSince`). */
type EmailPart = 'failed' | 'queued';

function filtered(executor: Executor, q: ComplaintFilter, emailPart?: EmailPart) {
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
    // (the few rows still queued, indexed): a union of the two, so each side is read from its index. A page
    // asks for each part on its own (`keysetPage`).
    const queued = (eb: ComplaintConditions) =>
      eb
        .selectFrom('emails as e')
        .select('e.complaint_id as id')
        .where(sql<boolean>`e.status = 'queued' and e.direction = 'out'`)
        .where('e.created_at', '<', stuckSince)
        .where('e.complaint_id', 'is not', null)
        .$narrowType<{ id: string }>();
    if (emailPart === 'failed') query = query.where(sql<boolean>`c.email_failed = 1`);
    else if (emailPart === 'queued') query = query.where('c.id', 'in', queued);
    else {
      query = query.where('c.id', 'in', (eb) =>
        eb
          .selectFrom('complaints as f')
          .select('f.id')
          .where(sql<boolean>`f.email_failed = 1`)
          .union(queued(eb)),
      );
    }
  }
  for (const word of q.words ?? []) query = query.where(matchesSearchWord(dialectOf(executor), word));
  return query;
}

/** How many complaints match the filter: counted from the filter's index, without reading a row. */
export async function countComplaintRows(executor: Executor, q: ComplaintFilter): Promise<number> {
  if (q.emailUndeliveredSince) {
    // Each part from its own index; a complaint in both counts once. (Checking every failed complaint's id
    // against the table, as one `in` over both parts does, took 100 ms with 2,000 of them on PostgreSQL.)
    const ids = filtered(executor, q, 'failed')
      .select('c.id')
      .union(filtered(executor, q, 'queued').select('c.id'));
    const row = await executor
      .selectFrom(ids.as('u'))
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
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
  const ids = await pageIds(executor, q);
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

/** The columns of a page of the export, in the order `findComplaintExportPage` selects them. */
export const EXPORT_ROW_COLUMNS = [
  'customer_type',
  'owner_name',
  'id',
  'reference',
  'received_at',
  'first_expressed_at',
  'channel',
  'category',
  'stage',
  'adr_due_on',
  'closed_at',
  'closure_reason',
  'root_cause',
] as const;

/** A page of the export, encoded, and the keyset position after it (none when it was the last page). */
export interface ExportPage {
  text: string;
  count: number;
  after: { value: string; id: string } | undefined;
}

/**
 * A page of the export (CSV) of a complaint list: the same page as `findComplaintRows`, read with the columns
 * a spreadsheet of complaints needs — the owner's name and the customer's type, but not the customer's name,
 * contact details or words — and turned into text by `encoder`, which is given each row as an array of
 * EXPORT_ROW_COLUMNS, in the page's order. On SQLite's reader threads the rows are encoded there
 * (encoded-read.ts), and the page is one statement: its ids as a subquery, then each complaint by key.
 */
export async function findComplaintExportPage(
  executor: Executor,
  q: ComplaintListQuery & { sort: ListSortColumn },
  encoder: Encoding,
): Promise<ExportPage> {
  let ids = keysetPage(executor, q, q.sort).as('p') as AliasedSelectQueryBuilder<{ id: string }, 'p'>;
  if (q.words?.length && dialectOf(executor) === 'postgres') {
    const found = await fewMatchesPage(executor, q, q.sort);
    if (found?.length === 0) return { text: '', count: 0, after: undefined };
    if (found) ids = executor.selectFrom('complaints as m').where('m.id', 'in', found).select('m.id').as('p');
  }
  const query = executor
    .selectFrom(ids)
    // The page's ids first, then each complaint by key: as an inner join, SQLite chose to walk every
    // complaint in the sort order and look each one up in the page.
    .crossJoin('complaints as c')
    .whereRef('c.id', '=', 'p.id')
    // Looked up per row (subqueries, not joins): PostgreSQL planned the joins as a walk of every customer.
    .select((eb) => [
      eb
        .selectFrom('customers as cu')
        .select('cu.type')
        .whereRef('cu.id', '=', 'c.customer_id')
        .as('customer_type'),
      eb.selectFrom('users as u').select('u.name').whereRef('u.id', '=', 'c.owner_id').as('owner_name'),
    ])
    .select([
      'c.id',
      'c.reference',
      'c.received_at',
      'c.first_expressed_at',
      'c.channel',
      'c.category',
      'c.stage',
      'c.adr_due_on',
      'c.closed_at',
      'c.closure_reason',
      'c.root_cause',
    ])
    .orderBy(sortColumn(q, q.sort), q.order)
    .orderBy('c.id', q.order)
    .compile();
  const page = await readEncoded(executor, query, EXPORT_ROW_COLUMNS, encoder);
  const last = page.last;
  const after =
    last && page.count === q.limit
      ? {
          value: last[EXPORT_ROW_COLUMNS.indexOf(q.sort)] as string,
          id: last[EXPORT_ROW_COLUMNS.indexOf('id')] as string,
        }
      : undefined;
  return { text: page.text, count: page.count, after };
}

async function pageIds(executor: Executor, q: ComplaintListQuery): Promise<string[]> {
  if (q.sort === RELEVANCE) {
    const page = relevancePage(executor, q);
    // Words with nothing to match (no letters or digits) match no complaint.
    return page ? (await page.execute()).map((r) => r.id) : [];
  }
  if (q.words?.length && dialectOf(executor) === 'postgres') {
    const found = await fewMatchesPage(executor, q, q.sort);
    if (found) return found;
  }
  return (await keysetPage(executor, q, q.sort).execute()).map((r) => r.id);
}

/**
 * Within the ADR watch list the watch date is the ADR date, and its index is sorted by it. The list's cursor
 * carries the row's ADR date (list-complaints.ts): the same value, as every write of the watch date writes the
 * ADR date beside it (insert, save, `updateAdrDueOn`, `refreshAdrWatch`).
 */
const sortColumn = (q: ComplaintListQuery, sort: ListSortColumn) =>
  `c.${sort === 'adr_due_on' && q.adrDueBy ? 'adr_watch_on' : sort}` as const;

/** Rows strictly after the cursor's sort value and id, in the page's order (the keyset). */
const pastCursor =
  (after: { value: string; id: string }, order: 'asc' | 'desc', column: ReturnType<typeof sortColumn>) =>
  (eb: ComplaintConditions) =>
    eb(eb.refTuple(column, 'c.id'), order === 'asc' ? '>' : '<', eb.tuple(after.value, after.id));

/** How many matches of words `fewMatchesPage` sorts itself. */
const FEW_MATCHES = 5000;

/**
 * PostgreSQL, words and a sort column: the page from at most FEW_MATCHES matches (after the cursor), taken
 * from the full-text indexes without an order and sorted; null when there are more, for `keysetPage`.
 *
 * Left to itself the planner reads such a page by walking the sort column's index and testing each row,
 * which finds a common word's page at once but walks every complaint for a rare one (8 s at a million): it
 * cannot tell them apart, as its selectivity for a prefix query is a fixed guess. Asking first for a bounded
 * set of matches in no order leaves it only the index's bitmap, whose cost is bounded by the matches. When
 * there are more, they are at least one complaint in FEW_MATCHES / N, so the walk finds a page within
 * 51 * N / FEW_MATCHES rows (10,000 at a million).
 */
async function fewMatchesPage(executor: Executor, q: ComplaintListQuery, sort: ListSortColumn) {
  const column = sortColumn(q, sort);
  let matches = filtered(executor, q).select(['c.id', `${column} as v`]);
  if (q.after) matches = matches.where(pastCursor(q.after, q.order, column));
  const rows = await executor
    .selectFrom(matches.limit(FEW_MATCHES + 1).as('m'))
    .select(['m.id', sql<string | number>`count(*) over ()`.as('n')])
    .orderBy('m.v', q.order)
    .orderBy('m.id', q.order)
    .limit(q.limit)
    .execute();
  return Number(rows[0]?.n ?? 0) <= FEW_MATCHES ? rows.map((r) => r.id) : null;
}

function keysetPage(executor: Executor, q: ComplaintListQuery, sort: ListSortColumn) {
  const column = sortColumn(q, sort);
  const page = (filter: ComplaintListQuery, emailPart?: EmailPart) => {
    let query = filtered(executor, filter, emailPart).select(['c.id', `${column} as v`]);
    if (filter.after) query = query.where(pastCursor(filter.after, filter.order, column));
    return query.orderBy(column, filter.order).orderBy('c.id', filter.order).limit(filter.limit);
  };
  // Filters that no one index gives in the page's order are split into parts that each have one, and a page
  // of each part is merged. Several stages (attempt 1's queue is `initiation` and `attempt-1`): an index
  // sorted by stage, then the sort column, gives one stage's rows in order but not a list's (PostgreSQL walked
  // the whole sort-column index and filtered, SQLite sorted every row of the stages). Undelivered email: the
  // failed flag's index is in date order, the stuck queued emails are few; their union read every failed
  // complaint to sort them. A complaint can be in both email parts: `union` keeps it once.
  const stages = q.stages && q.stages.length > 1 ? q.stages.map((stage) => [stage]) : [q.stages];
  const emailParts = q.emailUndeliveredSince ? (['failed', 'queued'] as const) : [undefined];
  const [first, ...rest] = stages.flatMap((some) =>
    emailParts.map((part) => executor.selectFrom(page({ ...q, stages: some }, part).as('s')).selectAll('s')),
  );
  if (!first || rest.length === 0) return page(q);
  return executor
    .selectFrom(rest.reduce((all, one) => all.union(one), first).as('p'))
    .select('p.id')
    .orderBy('p.v', q.order)
    .orderBy('p.id', q.order)
    .limit(q.limit);
}

function relevancePage(executor: Executor, q: ComplaintListQuery) {
  const words = q.words ?? [];
  const dialect = dialectOf(executor);
  if (words.some((word) => referencePrefix(word) !== null)) {
    // A reference typed in full or in part: the closest references first (the exact one, then longer ones),
    // read in order from the reference's index; any other words narrow it.
    return filtered(executor, q)
      .select('c.id')
      .orderBy(referenceOrder(dialect))
      .limit(q.limit)
      .offset(q.offset ?? 0);
  }
  if (dialect === 'sqlite') {
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
  /*
   * PostgreSQL ranks the first RELEVANCE_CANDIDATES matches the GIN indexes yield (no order: the bitmap of
   * every match, then rows in table order until there are enough), never every match: ts_rank reads each
   * vector it ranks and no index answers it, so a word in every complaint meant a million rows read and ranked
   * (seconds). A word with fewer matches has them all ranked. The trade-off, as for SQLite's newest 1,000
   * matches: a word with more matches ranks those found first — in table order, so mostly the oldest — and a
   * better match beyond them is not shown; more words or a filter bring it in.
   *
   * "The first matches", not "the newest": with an ORDER BY the planner may walk the received-date index and
   * test each row, and it cannot tell a rare word from a common one (a prefix query's selectivity is a fixed
   * guess), so a rare word walked every complaint (14 s at a million). Without one, only the bitmap plan is
   * cheap, and its cost is bounded by the index, not the table.
   */
  const candidates = filtered(executor, q)
    .select(['c.id', 'c.received_at', sql<unknown>`c.search`.as('search')])
    .limit(RELEVANCE_CANDIDATES);
  const rank = postgresSearchRank(words, sql`m.search`);
  return executor
    .selectFrom(candidates.as('m'))
    .select('m.id')
    .$if(rank !== null, (query) => query.orderBy(rank ?? sql`0`))
    .orderBy('m.received_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(q.limit)
    .offset(q.offset ?? 0);
}
