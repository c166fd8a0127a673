/**
 * `npm run bench -- --screens-http DIR`: the screens over HTTP under load, on a big SQLite database that
 * `npm run bench -- --screens N --out DIR` seeded. A real `redress serve --role web` on DIR (reader threads as
 * configured, SQLITE_READERS), `BENCH_CONNECTIONS` connections (32) for `BENCH_SECONDS` (10) per screen: the
 * menu's counts, every queue's first page, search for a rare and a common word, and GET of a complaint
 * cycling over the ones made through the use cases. Beside them, in the same run, the bare-driver baseline of `npm run bench`
 * (bench/server.ts: Fastify and one SELECT by key through better-sqlite3) under the same load. Every response
 * must be 200, or the run fails; requests that time out (10 s) are counted.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { QUEUE_IDS } from '../src/app/queues.ts';
import { phoneComplaint } from '../test/support/api.ts';
import { redressEnv, staffToken, startServe, stopAllProcesses } from '../test/support/processes.ts';
import { COMMON_WORD, RARE_WORD } from '../test/support/synthetic-history.ts';
import { startChild, textTable } from './children.ts';
import { failures, type Measured, runLoad } from './load.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const log = (message: string) => console.error(`[screens-http] ${message}`);

export async function screensHttpCommand(argv: readonly string[]): Promise<number> {
  const dir = argv[argv.indexOf('--screens-http') + 1];
  if (!dir || !existsSync(join(dir, 'redress.sqlite'))) {
    console.error('--screens-http DIR: DIR must hold a redress.sqlite seeded by `--screens N --out DIR`');
    return 2;
  }
  const file = new BetterSqlite3(join(dir, 'redress.sqlite'), { readonly: true });
  const total = (file.prepare('select count(*) as n from complaints').get() as { n: number }).n;
  const references =
    // The synthetic history's references are not CRNs the API accepts: the complaints made by the use cases.
    (
      file.prepare("select reference from complaints where id not like 'syn-%' limit 200").all() as {
        reference: string;
      }[]
    ).map((r) => r.reference);
  file.close();

  const baselineDir = mkdtempSync(join(tmpdir(), 'redress-screens-http-'));
  try {
    const env = redressEnv({ dataDir: dir }, { LOG_LEVEL: 'warn' });
    // Its own member of staff each run: the database outlives the run.
    const { token } = await staffToken(env, { email: `bench-${Date.now()}@test.redress` });
    const server = await startServe(env, { role: 'web' });
    const baseline = await startChild('baseline', baselineDir);
    const auth = { authorization: `Bearer ${token}` };
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const response = await fetch(`${baseline.origin}/insert`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(phoneComplaint()),
      });
      ids.push(((await response.json()) as { id: string }).id);
    }
    const screens: [string, string[]][] = [
      ['menu: GET /queues', ['/api/v1/queues']],
      ...QUEUE_IDS.map((q): [string, string[]] => [`queue ${q}`, [`/api/v1/complaints?queue=${q}`]]),
      [`search, a rare word (${RARE_WORD})`, [`/api/v1/complaints?q=${RARE_WORD}`]],
      [`search, a word in every complaint (${COMMON_WORD})`, [`/api/v1/complaints?q=${COMMON_WORD}`]],
      ['GET a complaint (the real ones in turn)', references.map((r) => `/api/v1/complaints/${r}`)],
    ];
    const measure = async (
      label: string,
      origin: string,
      paths: string[],
      headers: Record<string, string>,
    ) => {
      log(`${label} …`);
      await runLoad({
        origin,
        method: 'GET',
        paths,
        headers,
        expectStatus: 200,
        seconds: 2,
        connections: CONNECTIONS,
      });
      const m = await runLoad({
        origin,
        method: 'GET',
        paths,
        headers,
        expectStatus: 200,
        seconds: SECONDS,
        connections: CONNECTIONS,
      });
      // A wrong status fails the run; timeouts (autocannon gives up after 10 s) are what a screen too slow
      // for this load looks like, so they are counted and shown instead.
      if (Object.keys(m.unexpected).length > 0) throw new Error(`${label}: ${JSON.stringify(m.unexpected)}`);
      return m;
    };
    const base = await measure(
      'baseline: one SELECT by key',
      baseline.origin,
      ids.map((id) => `/select/${id}`),
      {},
    );
    const lines: string[][] = [];
    const line = (label: string, m: Measured) => [
      label,
      m.requestsPerSecond.toFixed(0),
      m.p50.toFixed(1),
      m.p99.toFixed(1),
      (m.requestsPerSecond / base.requestsPerSecond).toFixed(3),
      String(failures(m)),
    ];
    lines.push(line('baseline: one SELECT by key', base));
    for (const [label, paths] of screens)
      lines.push(line(label, await measure(label, server.url, paths, auth)));
    await baseline.stop();
    console.log(
      `\nScreens over HTTP, SQLite, ${total.toLocaleString('en-GB')} complaints, ${CONNECTIONS} connections, ` +
        `${SECONDS} s each, one \`redress serve --role web\``,
    );
    console.log(textTable(['screen', 'req/s', 'p50 ms', 'p99 ms', '× baseline', 'timed out'], lines));
    return 0;
  } finally {
    await stopAllProcesses();
    rmSync(baselineDir, { recursive: true, force: true });
  }
}
