/**
 * `npm run bench -- --csv-export DIR`: the CSV export of every complaint (`GET /api/v1/complaints/export.csv`,
 * no filter: all of them, newest first) from a real `redress serve --role web` on the SQLite database that
 * `npm run bench -- --screens N --out DIR` seeded; rows a second, and the server's peak resident memory
 * (sampled every 50 ms from /proc) against its memory before the request. Beside it, in the same run, the
 * baseline: the bare driver reading the same columns in the same order (better-sqlite3's `iterate` over the
 * received-date index, the customer's type and the owner's name by key) through csv-stringify into nothing,
 * in this process — what the disk, SQLite and the CSV writer give with no paging, no HTTP and no thread hop.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import BetterSqlite3 from 'better-sqlite3';
import { stringify } from 'csv-stringify';
import { redressEnv, staffToken, startServe, stopAllProcesses } from '../test/support/processes.ts';
import { textTable } from './children.ts';
import { rssMb } from './throwaway.ts';

const log = (message: string) => console.error(`[csv-export] ${message}`);

export async function csvExportCommand(argv: readonly string[]): Promise<number> {
  const dir = argv[argv.indexOf('--csv-export') + 1];
  if (!dir || !existsSync(join(dir, 'redress.sqlite'))) {
    console.error('--csv-export DIR: DIR must hold a redress.sqlite seeded by `--screens N --out DIR`');
    return 2;
  }
  try {
    const base = await baseline(join(dir, 'redress.sqlite'));
    log(`baseline: ${base.rows} rows in ${base.seconds.toFixed(1)} s`);
    const env = redressEnv({ dataDir: dir }, { LOG_LEVEL: 'warn' });
    const { token } = await staffToken(env, { email: `bench-csv-${Date.now()}@test.redress` });
    const server = await startServe(env, { role: 'web' });
    const before = rssMb(server.pid);
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(server.pid));
    }, 50);
    const started = performance.now();
    const response = await fetch(`${server.api}/complaints/export.csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status !== 200 || !response.body) throw new Error(`export answered ${response.status}`);
    let bytes = 0;
    let lines = 0;
    // The server's memory at each tenth of the rows: flat if nothing grows with the row count.
    const atTenths: string[] = [];
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) lines++;
      if (lines >= ((atTenths.length + 1) * base.rows) / 10) atTenths.push(rssMb(server.pid).toFixed(0));
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const rows = lines - 1;
    if (rows !== base.rows) throw new Error(`the export has ${rows} rows; the database ${base.rows}`);
    const table = [
      [
        'baseline: better-sqlite3 iterate → csv-stringify',
        String(base.rows),
        (base.rows / base.seconds).toFixed(0),
        '1.000',
        '',
        '',
      ],
      [
        'GET /api/v1/complaints/export.csv (redress serve --role web)',
        String(rows),
        (rows / seconds).toFixed(0),
        (rows / seconds / (base.rows / base.seconds)).toFixed(3),
        before.toFixed(0),
        peak.toFixed(0),
      ],
    ];
    console.log(
      `\nCSV export of every complaint, SQLite, ${(bytes / 1e6).toFixed(0)} MB of CSV in ${seconds.toFixed(1)} s`,
    );
    console.log(textTable(['export', 'rows', 'rows/s', '× baseline', 'RSS before MB', 'peak RSS MB'], table));
    console.log(`server RSS (MB) at each tenth of the rows: ${atTenths.join(', ')}`);
    return 0;
  } finally {
    await stopAllProcesses();
  }
}

async function baseline(file: string): Promise<{ rows: number; seconds: number }> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const statement = db.prepare(
      `select c.reference, c.received_at, c.first_expressed_at, c.channel, c.category,
         (select type from customers where id = c.customer_id) as customer_type, c.stage,
         (select name from users where id = c.owner_id) as owner_name, c.adr_due_on, c.closed_at,
         c.closure_reason, c.root_cause
       from complaints c order by c.received_at desc, c.id desc`,
    );
    statement.raw(true);
    const started = performance.now();
    let rows = 0;
    const csv = stringify({ bom: true });
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    const done = pipeline(csv, sink);
    for (const row of statement.iterate() as Iterable<unknown[]>) {
      rows++;
      if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
    }
    csv.end();
    await done;
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    db.close();
  }
}
