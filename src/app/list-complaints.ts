/**
 * The complaint list behind every queue: filters, text search, sorting and keyset pagination (a cursor that
 * stays right while complaints are added).
 */
import { findCustomersByIds } from '../db/customers.ts';
import type { Category, Stage } from '../domain/procedure.ts';
import { addDays, londonDate } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import { invalidField } from './errors.ts';

export const SORTS = ['received', 'adr-due', 'reference'] as const;
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
  /** Words in the reference, description or customer's name or email. */
  text?: string | undefined;
  sort?: Sort | undefined;
  order?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

const SORT_COLUMN = { received: 'received_at', 'adr-due': 'adr_due_on', reference: 'reference' } as const;

function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((v) => typeof v === 'string')) {
      return parsed as [string, string];
    }
  } catch {
    // fall through to the error below
  }
  throw invalidField('cursor', 'is not a cursor this list gave out');
}

/** One page of complaints matching the filter, and the cursor of the next page. */
export async function listComplaints(ctx: AppContext, filter: ComplaintFilter) {
  const db = ctx.db.kysely;
  const sort = filter.sort ?? 'received';
  const order = filter.order ?? (sort === 'received' ? 'desc' : 'asc');
  const column = SORT_COLUMN[sort];
  const limit = filter.limit ?? 50;
  const today = londonDate(ctx.now());

  let query = db.selectFrom('complaints as c').innerJoin('customers as cu', 'cu.id', 'c.customer_id');
  if (filter.stage?.length) query = query.where('c.stage', 'in', filter.stage);
  if (filter.category?.length) query = query.where('c.category', 'in', filter.category);
  if (filter.owner === 'none') query = query.where('c.owner_id', 'is', null);
  else if (filter.owner) query = query.where('c.owner_id', '=', filter.owner);
  if (filter.open !== undefined) query = query.where('c.stage', filter.open ? '!=' : '=', 'closed');
  if (filter.overdue) {
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
          .where('s.due_on', '<', today),
      ),
    );
  }
  if (filter.adrDueWithinDays !== undefined) {
    query = query
      .where('c.stage', '!=', 'closed')
      .where('c.customer_type', '!=', 'large-business')
      .where('c.adr_due_on', '<=', addDays(today, filter.adrDueWithinDays))
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('adr_letters as l').select('l.id').whereRef('l.complaint_id', '=', 'c.id'))),
      );
  }
  if (filter.text?.trim()) {
    for (const word of filter.text.trim().toLowerCase().split(/\s+/).slice(0, 8)) {
      const pattern = `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      query = query.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['c.reference']), 'like', pattern),
          eb(eb.fn('lower', ['c.description']), 'like', pattern),
          eb(eb.fn('lower', ['cu.name']), 'like', pattern),
          eb(eb.fn('lower', ['cu.email']), 'like', pattern),
        ]),
      );
    }
  }
  if (filter.cursor) {
    const [value, id] = decodeCursor(filter.cursor);
    const op = order === 'asc' ? '>' : '<';
    query = query.where((eb) =>
      eb.or([eb(`c.${column}`, op, value), eb.and([eb(`c.${column}`, '=', value), eb('c.id', op, id)])]),
    );
  }
  const rows = await query
    .select([
      'c.id',
      'c.reference',
      'c.stage',
      'c.category',
      'c.channel',
      'c.owner_id',
      'c.customer_id',
      'c.description',
      'c.received_at',
      'c.adr_due_on',
      'c.first_expressed_at',
      'c.closure_reason',
    ])
    .orderBy(`c.${column}`, order)
    .orderBy('c.id', order)
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const customers = await findCustomersByIds(
    db,
    page.map((r) => r.customer_id),
  );
  const last = page.at(-1);
  const lastValue = last
    ? { received_at: last.received_at, adr_due_on: last.adr_due_on, reference: last.reference }[column]
    : '';
  return {
    items: page.map((r) => ({
      reference: r.reference,
      stage: r.stage as Stage,
      stageName: ctx.procedure.stages[r.stage as Stage].name,
      category: r.category as Category,
      channel: r.channel,
      ownerId: r.owner_id,
      customer: { id: r.customer_id, name: customers.get(r.customer_id)?.name ?? '' },
      summary: r.description.slice(0, 200),
      receivedAt: r.received_at,
      firstExpressedAt: r.first_expressed_at,
      adrDueOn: r.adr_due_on,
      closureReason: r.closure_reason,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(lastValue, last.id) : null,
  };
}
