/** The mail log staff read: every message both ways, newest first, with its complaint's reference. */
import type { Executor } from './database.ts';
import type { EmailsTable } from './schema.ts';

export interface EmailLogQuery {
  direction?: EmailsTable['direction'] | undefined;
  status?: EmailsTable['status'] | undefined;
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
  const attachments = await executor
    .selectFrom('email_attachments')
    .select(['id', 'filename', 'content_type', 'size_bytes'])
    .where('email_id', '=', id)
    .orderBy('filename')
    .execute();
  return { email, attachments };
}
