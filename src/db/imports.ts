/** Where imported complaints came from (migration 0023): the keys that make `redress import` idempotent. */
import type { Executor } from './database.ts';

export interface ImportKey {
  source: string;
  externalId: string;
  complaintId: string;
  customerKey: string | null;
  customerId: string;
}

/** Which of these ids of the source were imported before. */
export async function findImportedIds(
  executor: Executor,
  source: string,
  externalIds: readonly string[],
): Promise<Set<string>> {
  if (externalIds.length === 0) return new Set();
  const rows = await executor
    .selectFrom('imported_complaints')
    .select('external_id')
    .where('source', '=', source)
    .where('external_id', 'in', externalIds)
    .execute();
  return new Set(rows.map((r) => r.external_id));
}

/** The customers earlier imports made for these customer ids of the source. */
export async function findImportedCustomers(
  executor: Executor,
  source: string,
  customerKeys: readonly string[],
): Promise<Map<string, string>> {
  if (customerKeys.length === 0) return new Map();
  const rows = await executor
    .selectFrom('imported_complaints')
    .select(['customer_key', 'customer_id'])
    .where('source', '=', source)
    .where('customer_key', 'in', customerKeys)
    .execute();
  return new Map(rows.flatMap((r) => (r.customer_key ? [[r.customer_key, r.customer_id] as const] : [])));
}

/** Records where these complaints came from, in the transaction that stores them. */
export async function insertImportKeys(
  executor: Executor,
  keys: readonly ImportKey[],
  at: string,
): Promise<void> {
  if (keys.length === 0) return;
  await executor
    .insertInto('imported_complaints')
    .values(
      keys.map((k) => ({
        source: k.source,
        external_id: k.externalId,
        complaint_id: k.complaintId,
        customer_key: k.customerKey,
        customer_id: k.customerId,
        imported_at: at,
      })),
    )
    .execute();
}
