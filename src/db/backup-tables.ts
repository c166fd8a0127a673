/**
 * What a logical (JSON lines) backup needs to know about the tables: the order to write and restore them in,
 * each table's key for keyset-ordered batches, and how a stored value travels as JSON.
 *
 * The file is one JSON object a line: a header `{"redress":"backup","format":1,"schema":"<last migration>"}`,
 * then `{"table":…,"row":{…}}` lines grouped by table in TABLE_ORDER, then a trailer `{"end":true,"rows":N}`
 * so a restore can tell a complete file from one cut short. Backups written before the header existed are
 * rows only; restore still reads them.
 */
import { OWNER_TOTALS_KEY, ROLLUPS_KEY, TOTALS_KEY } from './insight.ts';
import type { Schema } from './schema.ts';

export type TableName = keyof Schema;

// Parents before children, so rows restore without breaking foreign keys; a Record so that a new table
// fails to compile until it is listed here, with its primary key (the keyset for batches).
const TABLES: Record<TableName, { order: number; key: readonly string[] }> = {
  users: { order: 1, key: ['id'] },
  customers: { order: 2, key: ['id'] },
  complaints: { order: 3, key: ['id'] },
  attempts: { order: 4, key: ['complaint_id', 'number'] },
  steps: { order: 5, key: ['id'] },
  adr_letters: { order: 6, key: ['id'] },
  contacts: { order: 7, key: ['id'] },
  notes: { order: 8, key: ['id'] },
  audit_events: { order: 9, key: ['seq'] },
  jobs: { order: 10, key: ['id'] },
  sequences: { order: 11, key: ['name'] },
  api_tokens: { order: 12, key: ['id'] },
  sessions: { order: 13, key: ['id'] },
  idempotency_keys: { order: 14, key: ['scope', 'key'] },
  portal_links: { order: 15, key: ['id'] },
  portal_sessions: { order: 16, key: ['id'] },
  documents: { order: 17, key: ['id'] },
  emails: { order: 18, key: ['id'] },
  email_attachments: { order: 19, key: ['id'] },
  uploads: { order: 20, key: ['id'] },
  templates: { order: 21, key: ['id'] },
  audit_chains: { order: 22, key: ['chain_id'] },
  audit_anchors: { order: 23, key: ['seq'] },
  audit_anchor_heads: { order: 24, key: ['anchor_seq', 'chain_id'] },
  process_heartbeats: { order: 25, key: ['id'] },
  remedies: { order: 26, key: ['id'] },
  satisfaction_surveys: { order: 27, key: ['complaint_id'] },
  improvements: { order: 28, key: ['id'] },
  improvement_complaints: { order: 29, key: ['improvement_id', 'complaint_id'] },
  imported_complaints: { order: 30, key: ['source', 'external_id'] },
  // Derived from the complaints (0024), but kept: a restore then needs no rebuild.
  insight_facts: { order: 31, key: ['complaint_id'] },
  insight_totals: { order: 32, key: TOTALS_KEY },
  insight_owner_totals: { order: 33, key: OWNER_TOTALS_KEY },
  insight_rollups: { order: 34, key: ROLLUPS_KEY },
  audit_checkpoints: { order: 35, key: ['seq'] },
  // A minute's counts at most: kept so that every table travels, though a restore could do without it.
  rate_limit_hits: { order: 36, key: ['window_start', 'key'] },
  sign_in_failures: { order: 37, key: ['email_hash'] },
  // The secrets stay sealed: a restore needs the same audit keys to open them (docs/DEPLOYMENT.md).
  staff_second_factors: { order: 38, key: ['user_id'] },
  staff_recovery_codes: { order: 39, key: ['user_id', 'code_hash'] },
  pending_sign_ins: { order: 40, key: ['id'] },
  insight_owner_daily: { order: 41, key: ['owner_id', ...TOTALS_KEY] },
  insight_owner_rollups: { order: 42, key: ['owner_id', ...ROLLUPS_KEY] },
  audit_customer_events: { order: 43, key: ['customer_id', 'seq'] },
};

/** Every table, parents before children. */
export const BACKUP_TABLES: readonly TableName[] = (Object.keys(TABLES) as TableName[]).sort(
  (a, b) => TABLES[a].order - TABLES[b].order,
);

/** The primary key's columns of a table: backup pages through it in this order. */
export const tableKey = (table: TableName): readonly string[] => TABLES[table].key;

export const isTableName = (name: string): name is TableName => Object.hasOwn(TABLES, name);

/** The first line of a backup file. */
export interface BackupHeader {
  redress: 'backup';
  format: 1;
  /** The last migration applied to the database the backup came from. */
  schema: string;
}

// JSON.stringify turns a Buffer into {"type":"Buffer","data":[37,80,68,…]}: four to five bytes per byte, and
// nothing that says it was bytes rather than an object. Bytes travel as base64 under a key no column holds.
const BYTES_MARKER = '$base64';

/** A stored value as it is written to the file (bytea/BLOB columns as base64 with a marker). */
export function encodeValue(value: unknown): unknown {
  return Buffer.isBuffer(value) || value instanceof Uint8Array
    ? { [BYTES_MARKER]: Buffer.from(value).toString('base64') }
    : value;
}

/** A value read from the file as the database takes it; also reads the Buffer JSON of older backups. */
export function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const object = value as Record<string, unknown>;
  const base64 = object[BYTES_MARKER];
  if (typeof base64 === 'string') return Buffer.from(base64, 'base64');
  if (object.type === 'Buffer' && Array.isArray(object.data)) return Buffer.from(object.data as number[]);
  return value;
}
