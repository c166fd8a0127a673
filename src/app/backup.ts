/**
 * A consistent copy of the database. SQLite: `VACUUM INTO` a new file (a transactionally consistent
 * snapshot, safe while Redress runs). PostgreSQL: every table as JSON lines from one REPEATABLE READ
 * snapshot — for a full physical backup use pg_dump or the cluster's own tools.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';

// Every table, parents before children; a Record so that a new table fails to compile until it is listed.
const TABLE_ORDER: Record<keyof Schema, number> = {
  users: 1,
  customers: 2,
  complaints: 3,
  attempts: 4,
  steps: 5,
  adr_letters: 6,
  contacts: 7,
  notes: 8,
  audit_events: 9,
  jobs: 10,
  sequences: 11,
  api_tokens: 12,
  sessions: 13,
  idempotency_keys: 14,
  portal_links: 15,
  portal_sessions: 16,
  documents: 17,
  emails: 18,
  email_attachments: 19,
  uploads: 20,
  templates: 21,
};
const TABLES = (Object.keys(TABLE_ORDER) as (keyof Schema)[]).sort((a, b) => TABLE_ORDER[a] - TABLE_ORDER[b]);

export async function backup(
  ctx: AppContext,
  file: string,
): Promise<{ file: string; format: 'sqlite' | 'jsonl' }> {
  if (existsSync(file))
    throw new AppError('validation', `${file} already exists; choose a new file`, { field: 'file' });
  if (ctx.db.dialect === 'sqlite') {
    await sql`vacuum into ${file}`.execute(ctx.db.kysely);
    return { file, format: 'sqlite' };
  }
  const lines: string[] = [];
  await ctx.db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      for (const table of TABLES) {
        const rows = await trx.selectFrom(table).selectAll().execute();
        for (const row of rows) lines.push(JSON.stringify({ table, row }));
      }
    });
  await writeFile(file, `${lines.join('\n')}\n`, { flag: 'wx' });
  return { file, format: 'jsonl' };
}
