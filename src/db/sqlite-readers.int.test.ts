/**
 * SQLite reads on reader threads (sqlite-readers.ts): a slow read leaves the event loop free, every read sees
 * what was committed before it and nothing uncommitted, rows and errors come back as better-sqlite3 gives them.
 */
import { join } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDialect, type TestDb } from '../../test/support/databases.ts';
import { type Db, openDatabase, transaction } from './database.ts';
import { readEncoded } from './encoded-read.ts';
import { databaseFailure } from './errors.ts';
import { startSqliteReaders } from './sqlite-readers.ts';

/** A read that keeps SQLite busy for a second or more and reads no table: counting to five million. */
const slowCount = (db: Db) =>
  sql<{ n: number }>`with recursive c(i) as (select 1 union all select i + 1 from c where i < 5000000)
    select count(*) as n from c`.execute(db.kysely);

/** How many times a 1 ms timer fired while `work` ran: 0 means the event loop was blocked throughout. */
async function timerTicksDuring(work: Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  try {
    await work;
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

describeDialect(
  'sqlite',
  'SQLite reader threads',
  (harness) => {
    let db: TestDb;
    beforeAll(async () => {
      db = await harness.freshDb();
      await sql`create table readers_test (id integer primary key, label text not null, body blob)`.execute(
        db.kysely,
      );
    });

    describe('a slow read', () => {
      it('leaves the event loop free on a reader thread', async () => {
        const ticks = await timerTicksDuring(slowCount(db));
        expect(ticks).toBeGreaterThan(0);
      });

      it('blocks it when read on the main thread (readers off), which is why they exist', async () => {
        const inThread = await openDatabase({ ...db.options, sqliteReaders: 0 });
        try {
          expect(await timerTicksDuring(slowCount(inThread))).toBe(0);
        } finally {
          await inThread.close();
        }
      });
    });

    it('abandons a read past its time limit with SQLITE_INTERRUPT, and the next read gets a fresh thread', async () => {
      const readers = startSqliteReaders(join(db.options.dataDir, 'redress.sqlite'), 1, 1000, 1000);
      try {
        const runaway = readers.read(
          'with recursive c(i) as (select 1 union all select i + 1 from c where i < 30000000) select count(*) as n from c',
          [],
        );
        const error = await runaway.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toMatchObject({ code: 'SQLITE_INTERRUPT' });
        expect(databaseFailure(error)).toBe('timed-out');
        // The one thread was replaced: a quick read behind the runaway is answered, not abandoned too.
        expect(await readers.read('select count(*) as n from readers_test', [])).toHaveLength(1);
      } finally {
        await readers.close();
      }
    });

    it('sees every write committed before it, at once', async () => {
      for (let i = 0; i < 50; i++) {
        await transaction(db, (trx) =>
          sql`insert into readers_test (label) values (${`row ${i}`})`.execute(trx),
        );
        // A scan, so it runs on a reader thread, not the main thread's point-read connection.
        const { rows } = await sql<{ n: number }>`select count(*) as n from readers_test`.execute(db.kysely);
        expect(rows[0]?.n).toBe(i + 1);
      }
    });

    it('never sees a write before its transaction commits, while the transaction sees its own', async () => {
      const count = (executor: Db['kysely']) =>
        sql<{ n: number }>`select count(*) as n from readers_test where label = 'pending'`
          .execute(executor)
          .then(({ rows }) => rows[0]?.n);
      let releaseTransaction = () => {};
      const held = new Promise<void>((resolve) => {
        releaseTransaction = resolve;
      });
      let inserted = () => {};
      const insertedNow = new Promise<void>((resolve) => {
        inserted = resolve;
      });
      const writing = transaction(db, async (trx) => {
        await sql`insert into readers_test (label) values ('pending')`.execute(trx);
        expect(await count(trx)).toBe(1);
        inserted();
        await held;
      });
      await insertedNow;
      expect(await count(db.kysely)).toBe(0);
      releaseTransaction();
      await writing;
      expect(await count(db.kysely)).toBe(1);
    });

    it('returns blobs as Buffers and binds Buffers, from a reader thread', async () => {
      const body = Buffer.from([0, 1, 2, 250, 255]);
      await sql`insert into readers_test (label, body) values ('blob', ${body})`.execute(db.kysely);
      const { rows } = await sql<{
        body: Buffer;
      }>`select body from readers_test where body = ${body}`.execute(db.kysely);
      expect(rows).toHaveLength(1);
      expect(Buffer.isBuffer(rows[0]?.body)).toBe(true);
      expect(rows[0]?.body.equals(body)).toBe(true);
    });

    it('encodes rows where it reads them: on a reader thread as arrays, in a transaction here; the same text', async () => {
      await sql`insert into readers_test (id, label) values (1020, 'twenty'), (1021, 'twenty-one')`.execute(
        db.kysely,
      );
      const encoding = {
        encoder: new URL('../../test/support/rows-as-json.mjs', import.meta.url).href,
        options: { page: 1 },
      };
      const read = () =>
        CompiledQuery.raw('select label, id from readers_test where id >= ? order by id', [1020]);
      const columns = ['label', 'id'];
      const offThread = await readEncoded(db.kysely, read(), columns, encoding);
      const inTransaction = await transaction(db, (trx) => readEncoded(trx, read(), columns, encoding));
      const rows = [
        ['twenty', 1020],
        ['twenty-one', 1021],
      ];
      expect(JSON.parse(offThread.text)).toEqual({ rows, options: { page: 1 }, onReaderThread: true });
      expect(JSON.parse(inTransaction.text)).toEqual({ rows, options: { page: 1 }, onReaderThread: false });
      expect(offThread).toMatchObject({ count: 2, last: ['twenty-one', 1021] });
      expect(inTransaction).toMatchObject({ count: 2, last: ['twenty-one', 1021] });
    });

    it("lets a read's rows die young: 200 answers of 75 kB leave the old generation almost as it was", async () => {
      // Piscina's finished tasks, in the old generation, keep the objects their promises were resolved with
      // until a full collection; rows left in them were promoted by each young one (threads/answer.ts).
      v8.setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
      const readers = startSqliteReaders(join(db.options.dataDir, 'redress.sqlite'), 1, 1000);
      // A few milliseconds on the thread, as a page of the export takes: the main thread idles meanwhile, and
      // V8 runs its young collections then. (Answered at once, as a bare select is, the fault did not show.)
      const pageOfText = `with recursive c(i) as (select 1 union all select i + 1 from c where i < 20000)
        select printf('%.*c', 75000, 'x') || ? || count(*) as text from c`;
      const oldGeneration = () =>
        v8.getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')?.space_used_size ?? 0;
      try {
        await readers.read(pageOfText, [0]);
        gc();
        const before = oldGeneration();
        let length = 0;
        for (let i = 0; i < 200; i++) {
          const rows = (await readers.read(pageOfText, [i])) as { text: string }[];
          length += rows[0]?.text.length ?? 0;
        }
        gc({ type: 'minor' });
        gc({ type: 'minor' });
        expect(length).toBeGreaterThan(200 * 75_000);
        expect(oldGeneration() - before).toBeLessThan(5_000_000);
      } finally {
        await readers.close();
      }
    });

    it("keeps SQLite's error code on an error from a reader thread", async () => {
      const failing = sql`select json(${'not json'}) from readers_test`.execute(db.kysely);
      await expect(failing).rejects.toMatchObject({ code: 'SQLITE_ERROR', message: /malformed JSON/ });
      await expect(failing).rejects.toBeInstanceOf(Error);
    });

    it("runs PRAGMAs on the writer's own connection", async () => {
      const pages = async () =>
        (await sql<{ max_page_count: number }>`pragma max_page_count`.execute(db.kysely)).rows[0]
          ?.max_page_count;
      const before = await pages();
      await sql`pragma max_page_count = 123456`.execute(db.kysely);
      expect(await pages()).toBe(123456);
      await sql.raw(`pragma max_page_count = ${before}`).execute(db.kysely);
    });

    afterAll(async () => {
      await db.close();
    });
  },
  { sqliteReaders: 2 },
);
