/**
 * What a SQLite read costs on the reader threads against the main thread, and what a slow read does to the
 * event loop: `npx tsx bench/sqlite-reads.ts` (BENCH_READERS, default 2; BENCH_ROWS, default 20 000).
 *
 * For each way of reading (SQLITE_READERS=0: every statement on the main thread; N: reader threads), on a
 * table of BENCH_ROWS rows: a point read by primary key (kept on the main thread either way), a small read
 * by a non-unique index (one row, but not provably so: a reader thread), each one at a time and ten in
 * flight, with the main thread's busy time per query (event-loop utilisation); and the longest the event
 * loop went without running a 1 ms timer while a read counting to two million ran.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type Db, openDatabase, transaction } from '../src/db/database.ts';

const READERS = Number(process.env.BENCH_READERS ?? 2);
const ROWS = Number(process.env.BENCH_ROWS ?? 20_000);
const QUERIES = 4000;

type Read = (db: Db, i: number) => Promise<unknown>;
const pointRead: Read = (db, i) => sql`select * from t where id = ${`id${i % ROWS}`}`.execute(db.kysely);
const indexRead: Read = (db, i) => sql`select * from t where k = ${i % ROWS}`.execute(db.kysely);

async function timed(db: Db, read: Read, inFlight: number) {
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async (_, lane) => {
      for (let i = lane; i < QUERIES; i += inFlight) await read(db, i);
    }),
  );
  const wall = ((performance.now() - started) * 1000) / QUERIES;
  const busy = (performance.eventLoopUtilization(elu).active * 1000) / QUERIES;
  return `${wall.toFixed(0).padStart(5)} µs/query, main thread ${busy.toFixed(0).padStart(4)} µs`;
}

async function longestStall(db: Db): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await sql`with recursive c(i) as (select 1 union all select i + 1 from c where i < 2000000)
    select count(*) from c`.execute(db.kysely);
  clearInterval(timer);
  return Math.max(longest, performance.now() - last);
}

const dir = mkdtempSync(join(tmpdir(), 'redress-bench-reads-'));
try {
  const setup = await openDatabase({ dataDir: dir });
  await sql`create table t (id text primary key, k integer not null, a text, b text)`.execute(setup.kysely);
  await sql`create index t_k on t (k)`.execute(setup.kysely);
  await transaction(setup, async (trx) => {
    for (let i = 0; i < ROWS; i++) {
      await sql`insert into t values (${`id${i}`}, ${i}, ${'a'.repeat(40)}, ${'b'.repeat(200)})`.execute(trx);
    }
  });
  await setup.close();
  console.log(
    `${ROWS} rows, ${QUERIES} queries per line; load average ${(await import('node:os')).loadavg()[0]}`,
  );
  for (const readers of [0, READERS]) {
    const db = await openDatabase({ dataDir: dir, sqliteReaders: readers });
    await indexRead(db, 0); // the threads started and warm
    const label = `SQLITE_READERS=${readers}`;
    console.log(`${label} point read (pk),  1 at a time: ${await timed(db, pointRead, 1)}`);
    console.log(`${label} point read (pk), 10 in flight: ${await timed(db, pointRead, 10)}`);
    console.log(`${label} index read,       1 at a time: ${await timed(db, indexRead, 1)}`);
    console.log(`${label} index read,      10 in flight: ${await timed(db, indexRead, 10)}`);
    console.log(
      `${label} longest event-loop stall during a slow read: ${(await longestStall(db)).toFixed(0)} ms`,
    );
    await db.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
