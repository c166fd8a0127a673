/**
 * Years of complaint history in a few statements, for what must be measured or planned at a provider's size
 * (the query-plan snapshot test, `bench/screens.ts`): complaints `syn-<i>` of one customer over 2025–26, nine in
 * ten closed, the open ones spread over the stages and owners and first expressed in October 2026 (their ADR
 * dates as the procedure has them), a few with an overdue step or an undelivered email; one attempt each.
 * Rows go in through SQL, not the use cases — a million complaints in minutes — with the columns the use
 * cases would have written (0014's queue facts included); the full-text triggers index them as they go in.
 */
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../../src/db/schema.ts';
import { adrDueOn } from '../../src/domain/clocks.ts';
import type { Procedure } from '../../src/domain/procedure.ts';

export interface SyntheticHistory {
  /** Rows `syn-<from>` to `syn-<to>`, both included. */
  from: number;
  to: number;
  customerId: string;
  /** Staff ids the open complaints are spread over (some stay unassigned). */
  owners: readonly string[];
  procedure: Procedure;
}

/** A word in one description in 100,000 ("zeppelin"), and one in every description ("synthetic"). */
export const RARE_WORD = 'zeppelin';
export const COMMON_WORD = 'synthetic';

export async function seedSyntheticHistory(db: Kysely<Schema>, h: SyntheticHistory): Promise<void> {
  const openSince = '2026-10-20T09:00:00.000Z';
  const openDue = adrDueOn({ firstExpressedAt: openSince }, h.procedure);
  const month = sql`(case when i % 12 < 9 then '0' else '' end) || (i % 12 + 1)`;
  const day = sql`(case when i % 28 < 9 then '0' else '' end) || (i % 28 + 1)`;
  const year = sql`(case when i % 2 = 0 then '2025' else '2026' end)`;
  const date = sql`${year} || '-' || ${month} || '-' || ${day}`;
  const stage = sql`(case when i % 10 <> 0 then 'closed' when i % 40 = 0 then 'attempt-2' when i % 70 = 0 then 'attempt-3' when i % 110 = 0 then 'deadlock' else 'attempt-1' end)`;
  const owner = sql`(case when i % 10 <> 0 or i % 30 = 0 then null ${sql.join(
    h.owners.map((id, k) => sql`when i % ${sql.lit(h.owners.length)} = ${sql.lit(k)} then ${sql.lit(id)}`),
    sql` `,
  )} end)`;
  const numbers = sql`with recursive n(i) as (
    select ${sql.lit(h.from)} union all select i + 1 from n where i < ${sql.lit(h.to)})`;
  await sql`
    ${numbers}
    insert into complaints (id, reference, customer_id, channel, category, description, formal,
      first_expressed_at, received_at, acknowledge_by, stage, owner_id, version, adr_due_on, closure_reason,
      closed_at, created_at, updated_at, adr_watch_on, step_due_on, email_failed)
    select 'syn-' || i, 'SYN-' || i, ${h.customerId}, 'phone',
      (case when i % 3 = 0 then 'billing' when i % 3 = 1 then 'service-quality' else 'customer-service' end),
      (case when i % 100000 = 7 then 'Synthetic history: a ${sql.raw(RARE_WORD)} hit the mast'
        else 'Synthetic history of a dispute over a bill' end),
      1,
      (case when i % 10 <> 0 then ${date} || 'T09:00:00.000Z' else ${openSince} end),
      ${date} || 'T10:00:00.000Z',
      ${date},
      ${stage}, ${owner}, 1,
      -- Closed well before their ADR date, but one in a thousand closed past it without a letter.
      (case when i % 1000 = 1 then ${date} when i % 10 <> 0 then ${year} || '-12-31' else ${openDue} end),
      (case when i % 10 <> 0 then 'resolved' end),
      (case when i % 10 <> 0 then ${date} || 'T12:00:00.000Z' end),
      ${year} || '-01-01T00:00:00.000Z', ${year} || '-01-01T00:00:00.000Z',
      (case when i % 10 = 0 then ${openDue} end),
      (case when i % 50 = 0 then '2026-' || ${month} || '-' || ${day} end),
      (case when i % 500 = 0 then 1 else 0 end)
    from n
  `.execute(db);
  await sql`
    ${numbers}
    insert into attempts (complaint_id, number, phase, opened_at, outcome, ended_at)
    select 'syn-' || i, 1, 'ended', '2025-01-01T00:00:00.000Z',
      (case when i % 10 <> 0 then 'resolved' end),
      (case when i % 10 <> 0 then '2025-01-02T00:00:00.000Z' end)
    from n
  `.execute(db);
}

/** `count` done jobs, finished in October 2026: the queue's history. */
export async function seedDoneJobs(db: Kysely<Schema>, count: number): Promise<void> {
  await sql`
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${sql.lit(count)})
    insert into jobs (id, kind, payload, status, run_at, attempts, max_attempts, created_at, completed_at)
    select 'syn-job-' || i, 'send-email', '{}', 'done', '2026-01-01T00:00:00.000Z', 1, 10,
      '2026-01-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z'
    from n
  `.execute(db);
}

/**
 * For one synthetic complaint in `every` (of `from`..`to`): an email sent with an attachment, a letter and a
 * file sent to the customer, as rows only (no bytes are stored). So a complaint's lists are planned against
 * tables holding rows, as at a provider: on empty tables PostgreSQL picks any index, even one it reads whole.
 */
export async function seedSyntheticCorrespondence(
  db: Kysely<Schema>,
  h: { from: number; to: number; every: number },
): Promise<void> {
  const numbers = sql`with recursive n(i) as (
    select ${sql.lit(h.from)} union all select i + 1 from n where i < ${sql.lit(h.to)})`;
  const some = sql`from n join complaints c on c.id = 'syn-' || i where i % ${sql.lit(h.every)} = 0`;
  const none = Buffer.alloc(0);
  await sql`
    ${numbers}
    insert into emails (id, complaint_id, customer_id, direction, kind, status, message_id, from_address,
      to_address, subject, text_body, attempts, created_at, sent_at)
    select 'syn-email-' || i, c.id, c.customer_id, 'out', 'acknowledgement', 'sent', '<syn-' || i || '@redress>',
      'complaints@redress.example', 'customer@example.org', 'Your complaint', 'We received it.', 1,
      c.received_at, c.received_at
    ${some}
  `.execute(db);
  await sql`
    ${numbers}
    insert into email_attachments (id, email_id, filename, content_type, size_bytes, sha256, content, created_at)
    select 'syn-attachment-' || i, 'syn-email-' || i, 'bill.pdf', 'application/pdf', 1000, 'syn', ${none},
      c.received_at
    ${some}
  `.execute(db);
  await sql`
    ${numbers}
    insert into documents (id, complaint_id, source_key, kind, title, filename, content_type, size_bytes, sha256,
      content, text_content, large_print, pages, issued_on, delivery, created_at)
    select 'syn-letter-' || i, c.id, 'syn-letter-' || i, 'acknowledgement', 'Acknowledgement', 'letter.pdf',
      'application/pdf', 1000, 'syn', ${none}, 'We received your complaint.', 0, 1, c.acknowledge_by, 'email',
      c.received_at
    ${some}
  `.execute(db);
  await sql`
    ${numbers}
    insert into uploads (id, complaint_id, customer_id, filename, content_type, size_bytes, sha256, content,
      created_at)
    select 'syn-upload-' || i, c.id, c.customer_id, 'photo.png', 'image/png', 1000, 'syn', ${none}, c.received_at
    ${some}
  `.execute(db);
  // Issue 12's records: a remedy offered, and a survey put and answered.
  await sql`
    ${numbers}
    insert into remedies (id, complaint_id, source, attempt_number, type, amount_pence, recorded_at, accepted_at)
    select 'syn-remedy-' || i, c.id, 'proposal', 1, 'goodwill', 1000, c.received_at, c.received_at
    ${some}
  `.execute(db);
  await sql`
    ${numbers}
    insert into satisfaction_surveys (complaint_id, sent_at, answered_at, score, stage_reached)
    select c.id, c.received_at, c.received_at, 1 + i % 5, 'attempt-1'
    ${some}
  `.execute(db);
}
