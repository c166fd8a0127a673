/** The query behind complaint lists and queues: filters, words, keyset pagination. */
import type { Category, Stage } from '../domain/procedure.ts';
import type { LocalDate } from '../domain/time.ts';
import type { Executor } from './database.ts';
import { containsText } from './text-search.ts';

export const LIST_SORT_COLUMNS = ['received_at', 'adr_due_on', 'reference'] as const;
export type ListSortColumn = (typeof LIST_SORT_COLUMNS)[number];

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
  /** Each word must appear in the reference, description, or the customer's name or email. */
  words?: readonly string[] | undefined;
  sort: ListSortColumn;
  order: 'asc' | 'desc';
  /** Keyset position: rows strictly after this sort value and id. */
  after?: { value: string; id: string } | undefined;
  limit: number;
}

type ComplaintFilter = Omit<ComplaintListQuery, 'sort' | 'order' | 'after' | 'limit'>;

function filtered(executor: Executor, q: ComplaintFilter) {
  let query = executor.selectFrom('complaints as c').innerJoin('customers as cu', 'cu.id', 'c.customer_id');
  if (q.stages?.length) query = query.where('c.stage', 'in', q.stages);
  if (q.categories?.length) query = query.where('c.category', 'in', q.categories);
  if (q.ownerId === null) query = query.where('c.owner_id', 'is', null);
  else if (q.ownerId !== undefined) query = query.where('c.owner_id', '=', q.ownerId);
  if (q.open !== undefined) query = query.where('c.stage', q.open ? '!=' : '=', 'closed');
  const overdueOn = q.stepOverdueOn;
  if (overdueOn) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('steps as s')
          .innerJoin('attempts as a', (join) =>
            join.onRef('a.complaint_id', '=', 's.complaint_id').onRef('a.number', '=', 's.attempt_number'),
          )
          .select('s.id')
          .whereRef('s.complaint_id', '=', 'c.id')
          .where('a.phase', '=', 'implementing')
          .where('s.completed_at', 'is', null)
          .where('s.due_on', '<', overdueOn),
      ),
    );
  }
  if (q.adrDueBy) {
    query = query
      .where('c.stage', '!=', 'closed')
      .where('cu.type', '!=', 'large-business')
      .where('c.adr_due_on', '<=', q.adrDueBy)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('adr_letters as l').select('l.id').whereRef('l.complaint_id', '=', 'c.id'))),
      );
  }
  if (q.awaitingReferral) {
    query = query.where('c.stage', '=', 'deadlock').where('c.scheme_case_reference', 'is', null);
  }
  const stuckSince = q.emailUndeliveredSince;
  if (stuckSince) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('emails as e')
          .select('e.id')
          .whereRef('e.complaint_id', '=', 'c.id')
          .where('e.direction', '=', 'out')
          .where((eb) =>
            eb.or([
              eb('e.status', '=', 'failed'),
              eb.and([eb('e.status', '=', 'queued'), eb('e.created_at', '<', stuckSince)]),
            ]),
          ),
      ),
    );
  }
  for (const word of q.words ?? []) {
    query = query.where((eb) =>
      eb.or([
        containsText(eb.ref('c.reference'), word),
        containsText(eb.ref('c.description'), word),
        containsText(eb.ref('cu.name'), word),
        containsText(eb.ref('cu.email'), word),
      ]),
    );
  }
  return query;
}

/** How many complaints match the filter. */
export async function countComplaintRows(executor: Executor, q: ComplaintFilter): Promise<number> {
  const row = await filtered(executor, q)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Up to `limit` matching complaints with their customer's name. */
export async function findComplaintRows(executor: Executor, q: ComplaintListQuery) {
  let query = filtered(executor, q);
  const column = `c.${q.sort}` as const;
  const after = q.after;
  if (after) {
    const op = q.order === 'asc' ? '>' : '<';
    query = query.where((eb) =>
      eb.or([eb(column, op, after.value), eb.and([eb(column, '=', after.value), eb('c.id', op, after.id)])]),
    );
  }
  return query
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
      (eb) =>
        eb
          .selectFrom('adr_letters as l')
          .select((l) => l.fn.min('l.issued_on').as('first'))
          .whereRef('l.complaint_id', '=', 'c.id')
          .as('adr_letter_issued_on'),
    ])
    .orderBy(column, q.order)
    .orderBy('c.id', q.order)
    .limit(q.limit)
    .execute();
}
