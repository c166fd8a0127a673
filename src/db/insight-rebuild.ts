/**
 * Computes every complaint's insight facts and the totals from scratch: the backfill of migration 0025, and
 * the proof that the totals kept change by change equal a recomputation (test/api/insight.test.ts). Reads the
 * complaints in batches along their primary key, so memory stays flat at a million.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  insightFacts,
  type OwnerTotalChange,
  ownerTotalChanges,
  type TotalChange,
  totalChanges,
  totalKeyId,
} from '../domain/insight.ts';
import {
  ADR_LETTER_COLUMNS,
  ATTEMPT_COLUMNS,
  COMPLAINT_COLUMNS,
  REMEDY_COLUMNS,
  toComplaint,
} from './complaints.ts';
import { transaction } from './database.ts';
import { addToOwnerTotals, addToTotals, factsRow } from './insight.ts';
import type { Schema } from './schema.ts';

const BATCH = 1000;

/** Empties both tables and fills them again from the complaints. Returns how many complaints were read. */
export async function rebuildInsight(db: Kysely<Schema> | Transaction<Schema>): Promise<number> {
  await db.deleteFrom('insight_totals').execute();
  await db.deleteFrom('insight_owner_totals').execute();
  await db.deleteFrom('insight_facts').execute();
  let after = '';
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('complaints')
      .innerJoin('customers', 'customers.id', 'complaints.customer_id')
      .select(COMPLAINT_COLUMNS.map((c) => `complaints.${c}` as const))
      .select(['customers.type as customer_type', 'complaints.adr_due_on'])
      .where('complaints.id', '>', after)
      .orderBy('complaints.id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return count;
    const ids = rows.map((r) => r.id);
    const [attempts, letters, remedies, surveys] = await Promise.all([
      db
        .selectFrom('attempts')
        .select(['complaint_id', ...ATTEMPT_COLUMNS])
        .where('complaint_id', 'in', ids)
        .orderBy('complaint_id')
        .orderBy('number')
        .execute(),
      db
        .selectFrom('adr_letters')
        .select(['complaint_id', ...ADR_LETTER_COLUMNS])
        .where('complaint_id', 'in', ids)
        .orderBy('complaint_id')
        .orderBy('issued_at')
        .execute(),
      db
        .selectFrom('remedies')
        .select(['complaint_id', ...REMEDY_COLUMNS])
        .where('complaint_id', 'in', ids)
        .orderBy('complaint_id')
        .orderBy('recorded_at')
        .orderBy('type')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('satisfaction_surveys')
        .select(['complaint_id', 'sent_at', 'score'])
        .where('complaint_id', 'in', ids)
        .execute(),
    ]);
    const surveyOf = new Map(surveys.map((s) => [s.complaint_id, { sentAt: s.sent_at, score: s.score }]));
    const ownerSums = new Map<string, OwnerTotalChange>();
    const attemptsOf = groupBy(attempts);
    const lettersOf = groupBy(letters);
    const remediesOf = groupBy(remedies);
    const sums = new Map<string, TotalChange>();
    const facts = rows.map((row) => {
      // Steps decide no figure, so they are not read.
      const complaint = toComplaint(
        row,
        attemptsOf.get(row.id) ?? [],
        [],
        lettersOf.get(row.id) ?? [],
        remediesOf.get(row.id) ?? [],
      );
      const f = insightFacts(complaint, row.adr_due_on, surveyOf.get(row.id));
      for (const change of totalChanges(undefined, f)) {
        const id = totalKeyId(change);
        const seen = sums.get(id);
        sums.set(id, seen ? { ...seen, n: seen.n + change.n, amount: seen.amount + change.amount } : change);
      }
      for (const change of ownerTotalChanges(undefined, f)) {
        const id = ownerKeyId(change);
        const seen = ownerSums.get(id);
        ownerSums.set(
          id,
          seen ? { ...seen, n: seen.n + change.n, amount: seen.amount + change.amount } : change,
        );
      }
      return f;
    });
    // One transaction a batch: one commit (and fsync) for a thousand complaints, not one per statement.
    await transaction(db, async (trx) => {
      for (let i = 0; i < facts.length; i += 500) {
        await trx
          .insertInto('insight_facts')
          .values(facts.slice(i, i + 500).map(factsRow))
          .execute();
      }
      const sorted = [...sums.values()].sort((a, b) => (totalKeyId(a) < totalKeyId(b) ? -1 : 1));
      await addToTotals(trx, sorted);
      const byOwner = [...ownerSums.values()].sort((a, b) => (ownerKeyId(a) < ownerKeyId(b) ? -1 : 1));
      await addToOwnerTotals(trx, byOwner);
    });
    count += rows.length;
    after = rows.at(-1)?.id ?? after;
  }
}

const ownerKeyId = (c: OwnerTotalChange) => [c.measure, c.on, c.ownerId, c.value].join('|');

function groupBy<T extends { complaint_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.complaint_id);
    if (group) group.push(row);
    else groups.set(row.complaint_id, [row]);
  }
  return groups;
}
