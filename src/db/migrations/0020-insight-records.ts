/**
 * What the management information of issue 12 needs recorded (REGULATORY items 18–19):
 *
 * - **Root causes from the procedure's tree.** `complaints.root_cause` now holds a code of the tree. A cause
 *   written as free text before it keeps its words: a text that is a code or a label of the default tree
 *   becomes that code; any other moves to the front of `lessons` ("Root cause as first recorded: …") and
 *   the code becomes `other`, which every tree has (config/schema.ts). The audit trail keeps the original.
 * - **Remedies by type** (`remedies`), one row per remedy offered in a proposal or ordered by an ombudsman
 *   decision, with when the customer accepted it. Decisions recorded before are read into rows from their
 *   JSON (`referral_decision`); proposals made before recorded no remedies, and get none.
 * - **Satisfaction surveys** (`satisfaction_surveys`), one per complaint, offered at closure: the answer,
 *   and the hash of the emailed link's token (the token itself lives only in the email).
 * - **`customers.contact_opt_out`**: the customer asked not to be contacted beyond what their complaint
 *   needs, so no survey goes to them.
 */
import { sql } from 'kysely';
import type { Dialect } from '../database.ts';
import { newId } from '../ids.ts';
import { type AnyDb, isBool, isOneOf } from './sql-helpers.ts';

/** The default tree's top-level causes as shipped with this migration (codes and labels). */
const DEFAULT_CAUSES: Record<string, string> = {
  'billing-error': 'billing error',
  'fault-repair': 'fault or repair',
  'provisioning-delay': 'provisioning delay',
  'missed-appointment': 'missed appointment',
  'mis-selling': 'mis-selling',
  'contract-cancellation': 'contract or cancellation',
  'customer-service-conduct': 'customer-service conduct',
  equipment: 'equipment',
  other: 'other',
};

const REMEDY_TYPES = ['apology', 'explanation', 'practical-action', 'credit-refund', 'goodwill'];
const STAGES_REACHED = ['initiation', 'attempt-1', 'attempt-2', 'attempt-3', 'deadlock'];

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await keepFreeTextRootCauses(db);

  await db.schema
    .createTable('remedies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull().check(isOneOf('source', ['proposal', 'ombudsman'])))
    .addColumn('attempt_number', 'integer')
    .addColumn('type', 'text', (c) => c.notNull().check(isOneOf('type', REMEDY_TYPES)))
    .addColumn('amount_pence', 'integer')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    // Money has an amount, the rest none.
    .addCheckConstraint(
      'remedies_amount_check',
      sql`(amount_pence is not null) = (type in ('credit-refund', 'goodwill'))`,
    )
    .execute();
  await db.schema
    .createIndex('remedies_complaint_idx')
    .on('remedies')
    .columns(['complaint_id', 'recorded_at'])
    .execute();
  await backfillOmbudsmanRemedies(db);

  await db.schema
    .createTable('satisfaction_surveys')
    .addColumn('complaint_id', 'text', (c) => c.primaryKey().references('complaints.id').onDelete('cascade'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('score', 'integer', (c) => c.check(sql`score between 1 and 5`))
    .addColumn('comment', 'text')
    .addColumn('stage_reached', 'text', (c) => c.notNull().check(isOneOf('stage_reached', STAGES_REACHED)))
    .addColumn('token_hash', 'text')
    .addColumn('token_expires_at', 'text')
    .addCheckConstraint('satisfaction_surveys_answer_check', sql`(answered_at is null) = (score is null)`)
    .execute();
  await db.schema
    .createIndex('satisfaction_surveys_token_idx')
    .unique()
    .on('satisfaction_surveys')
    .column('token_hash')
    .execute();

  await db.schema
    .alterTable('customers')
    .addColumn('contact_opt_out', 'integer', (c) => c.notNull().defaultTo(0).check(isBool('contact_opt_out')))
    .execute();
}

async function keepFreeTextRootCauses(db: AnyDb) {
  // A code, or a label written as the tree writes it (any case), becomes the code.
  for (const [code, label] of Object.entries(DEFAULT_CAUSES)) {
    await db
      .updateTable('complaints')
      .set({ root_cause: code })
      .where('root_cause', 'is not', null)
      .where(sql`lower(trim(root_cause))`, 'in', [code, label])
      .execute();
  }
  // Any other text is kept in the lessons, word for word, and filed under `other`.
  await db
    .updateTable('complaints')
    .set({
      lessons: sql`'Root cause as first recorded: ' || root_cause || coalesce(${'\n\n'} || lessons, '')`,
      root_cause: 'other',
    })
    .where('root_cause', 'is not', null)
    .where('root_cause', 'not in', Object.keys(DEFAULT_CAUSES))
    .execute();
}

interface StoredDecision {
  decidedOn: string;
  remedy: { apology: boolean; explanation: boolean; action: string | null; awardPence: number };
  customerAccepted: boolean | null;
}

async function backfillOmbudsmanRemedies(db: AnyDb) {
  const rows: { id: string; referral_decision: string }[] = await db
    .selectFrom('complaints')
    .select(['id', 'referral_decision'])
    .where('referral_decision', 'is not', null)
    .execute();
  for (const row of rows) {
    const decision = JSON.parse(row.referral_decision) as StoredDecision;
    // The decision's date is all that was kept of when it was recorded.
    const at = `${decision.decidedOn}T12:00:00.000Z`;
    const types: [string, number | null][] = [];
    if (decision.remedy.apology) types.push(['apology', null]);
    if (decision.remedy.explanation) types.push(['explanation', null]);
    if (decision.remedy.action) types.push(['practical-action', null]);
    if (decision.remedy.awardPence > 0) types.push(['goodwill', decision.remedy.awardPence]);
    if (!types.length) continue;
    await db
      .insertInto('remedies')
      .values(
        types.map(([type, amount]) => ({
          id: newId(Date.parse(at)),
          complaint_id: row.id,
          source: 'ombudsman',
          attempt_number: null,
          type,
          amount_pence: amount,
          recorded_at: at,
          accepted_at: decision.customerAccepted ? at : null,
        })),
      )
      .execute();
  }
}
