/** The mail log staff read: every message both ways, newest first, with its complaint's reference. */

import { listEmailAttachments } from './attachments.ts';
import type { Executor } from './database.ts';
import type { EmailsTable } from './schema.ts';

export interface EmailLogQuery {
  direction?: EmailsTable['direction'] | undefined;
  status?: EmailsTable['status'] | undefined;
  /** Outbound: the template; inbound: how it was handled (`triage` for messages awaiting triage). */
  kind?: string | undefined;
  /** Kinds to leave out (the portal's sign-in links, which outnumber everything else). */
  excludeKinds?: readonly string[] | undefined;
  /** Only messages created before this instant and id (keyset paging, newest first). */
  before?: { createdAt: string; id: string } | undefined;
  limit: number;
}

export async function findEmailLogRows(executor: Executor, q: EmailLogQuery) {
  let query = executor
    .selectFrom('emails as e')
    .leftJoin('complaints as c', 'c.id', 'e.complaint_id')
    .select([
      'e.id',
      'e.direction',
      'e.kind',
      'e.status',
      'e.from_address',
      'e.to_address',
      'e.subject',
      'e.attempts',
      'e.last_error',
      'e.note',
      'e.created_at',
      'e.sent_at',
      'c.reference',
    ]);
  if (q.direction) query = query.where('e.direction', '=', q.direction);
  if (q.status) query = query.where('e.status', '=', q.status);
  if (q.kind) query = query.where('e.kind', '=', q.kind);
  if (q.excludeKinds?.length) query = query.where('e.kind', 'not in', q.excludeKinds);
  const before = q.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('e.created_at', '<', before.createdAt),
        eb.and([eb('e.created_at', '=', before.createdAt), eb('e.id', '<', before.id)]),
      ]),
    );
  }
  return query.orderBy('e.created_at', 'desc').orderBy('e.id', 'desc').limit(q.limit).execute();
}

/** One message with its body and the list of its attachments (not their content). */
export async function findEmailWithAttachments(executor: Executor, id: string) {
  const email = await executor
    .selectFrom('emails as e')
    .leftJoin('complaints as c', 'c.id', 'e.complaint_id')
    .selectAll('e')
    .select('c.reference')
    .where('e.id', '=', id)
    .executeTakeFirst();
  if (!email) return undefined;
  const attachments = await listEmailAttachments(executor, id);
  return { email, attachments };
}

/**
 * Settles a message awaiting triage: it becomes the first message of a complaint, or is dismissed. Only
 * one member of staff can settle it: false when someone already has (nothing is written).
 */
export async function settleTriagedEmail(
  executor: Executor,
  id: string,
  outcome:
    | { kind: 'new-complaint'; complaintId: string; customerId: string; note: string }
    | { kind: 'dismissed'; note: string },
): Promise<boolean> {
  const result = await executor
    .updateTable('emails')
    .set(
      outcome.kind === 'new-complaint'
        ? {
            kind: 'new-complaint',
            complaint_id: outcome.complaintId,
            customer_id: outcome.customerId,
            note: outcome.note,
          }
        : { kind: 'dismissed', status: 'ignored', note: outcome.note },
    )
    .where('id', '=', id)
    .where('kind', '=', 'triage')
    .where('complaint_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
