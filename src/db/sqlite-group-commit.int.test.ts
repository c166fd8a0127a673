/**
 * Group commit on SQLite (sqlite-group-commit.ts): every write is answered after an fdatasync of the WAL, and
 * commits that arrive together share one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteFile } from './database.ts';
import type { Schema } from './schema.ts';
import { ImmediateSqliteDialect } from './sqlite-dialect.ts';
import { WalSync } from './sqlite-group-commit.ts';

describe('SQLite group commit', () => {
  let dir: string;
  let walSync: WalSync;
  let kysely: Kysely<Schema>;
  let raw: ReturnType<typeof openSqliteFile>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redress-group-commit-'));
    const file = join(dir, 'test.sqlite');
    raw = openSqliteFile(file);
    raw.pragma('synchronous = NORMAL');
    walSync = new WalSync(`${file}-wal`);
    kysely = new Kysely<Schema>({ dialect: new ImmediateSqliteDialect(raw, { walSync }) });
    await sql`create table t (id integer primary key, label text not null)`.execute(kysely);
  });

  afterEach(async () => {
    await kysely.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers each write after an fdatasync, and lets commits that arrive together share one', async () => {
    const before = walSync.syncs;
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        kysely.transaction().execute(async (trx) => {
          await sql`insert into t (label) values (${`row ${i}`})`.execute(trx);
        }),
      ),
    );
    const syncs = walSync.syncs - before;
    expect(syncs).toBeGreaterThanOrEqual(1);
    // One transaction commits while the previous commit's fdatasync runs: at most one each, usually far fewer.
    expect(syncs).toBeLessThan(200);
    const count = await sql<{ n: number }>`select count(*) as n from t`.execute(kysely);
    expect(count.rows[0]?.n).toBe(200);
  });

  it('flushes a write made outside a transaction too, but not a read', async () => {
    let before = walSync.syncs;
    await sql`insert into t (label) values ('alone')`.execute(kysely);
    expect(walSync.syncs).toBe(before + 1);
    before = walSync.syncs;
    await sql`select * from t`.execute(kysely);
    expect(walSync.syncs).toBe(before);
  });

  it('rolls back a transaction that throws, and flushes nothing for it', async () => {
    const before = walSync.syncs;
    await expect(
      kysely.transaction().execute(async (trx) => {
        await sql`insert into t (label) values ('never')`.execute(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(walSync.syncs).toBe(before);
    const count = await sql<{ n: number }>`select count(*) as n from t`.execute(kysely);
    expect(count.rows[0]?.n).toBe(0);
  });
});
