/**
 * `npm run bench -- --scaling`: does adding `redress serve` processes on one PostgreSQL add creates per
 * second? For each count of processes (1, 2 and 4 by default), a fresh database, that many real
 * `redress serve --role web` processes (the command line, as production runs it), and the same total of HTTP
 * connections spread evenly over them, each connection posting new complaints — each from a customer of its
 * own, so no two creates wait on one customer's row — for the same time. No worker runs: the jobs the
 * creates leave wait, as they would for a worker elsewhere.
 *
 * Measured per count: creates/s (every response must be 201, or the run fails), that as a ratio to one
 * process in the same run, p50/p99 latency, and the processes' RSS at the end.
 *
 * Environment: BENCH_SCALING_PROCESSES (1,2,4), BENCH_SECONDS (10), BENCH_CONNECTIONS (32),
 * BENCH_DATABASE_URL (a PostgreSQL admin URL allowed to CREATE DATABASE; default: an embedded server),
 * BENCH_OUTPUT (JSON results).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { phoneComplaint } from '../test/support/api.ts';
import {
  redressEnv,
  type ServeProcess,
  staffToken,
  startServe,
  stopAllProcesses,
} from '../test/support/processes.ts';
import { textTable } from './children.ts';
import { type Latency, latency } from './latency.ts';
import { postgresAdminUrl, rssMb, throwawayDatabase } from './throwaway.ts';

function envList(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  const values = raw.split(',').map((v) => Number(v.trim()));
  if (values.some((v) => !Number.isInteger(v) || v < 1))
    throw new Error(`${name} must list whole numbers ≥ 1`);
  return values;
}

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${raw}`);
  return value;
}

const PROCESSES = envList('BENCH_SCALING_PROCESSES', [1, 2, 4]);
const SECONDS = envNumber('BENCH_SECONDS', 10);
const CONNECTIONS = envNumber('BENCH_CONNECTIONS', 32);
const WARMUP_SECONDS = 2;
const OUTPUT =
  process.env.BENCH_OUTPUT ??
  join(tmpdir(), `redress-scaling-${new Date().toISOString().replaceAll(':', '-').slice(0, 19)}.json`);

const log = (message: string) => console.error(`[scaling] ${message}`);
const cleanups: (() => Promise<void> | void)[] = [];

async function freshDatabase(admin: string): Promise<{ dataDir: string; databaseUrl: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-scaling-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  return { dataDir, databaseUrl: await throwawayDatabase(admin, 'scaling_bench', cleanups) };
}

/** Posts new complaints, each from a new customer, on `connections` connections for `seconds`. */
function createLoad(server: ServeProcess, token: string, connections: number, seconds: number) {
  const latencies: number[] = [];
  const unexpected: Record<string, number> = {};
  let errors = 0;
  let n = 0;
  const tag = randomBytes(3).toString('hex');
  return new Promise<{ latencies: number[]; unexpected: Record<string, number>; errors: number }>(
    (resolve, reject) => {
      const instance = autocannon(
        {
          url: `${server.api}/complaints`,
          method: 'POST',
          connections,
          duration: seconds,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          requests: [
            {
              setupRequest: (request) => {
                const i = n++;
                request.body = JSON.stringify(
                  phoneComplaint({
                    customer: {
                      name: `Customer ${tag} ${i}`,
                      email: `c-${tag}-${i}@example.org`,
                      phone: `07700 9${String(i % 100_000).padStart(5, '0')}`,
                    },
                  }),
                );
                return request;
              },
            },
          ],
        },
        (error) => {
          if (error) reject(error);
          else resolve({ latencies, unexpected, errors });
        },
      );
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode !== 201) unexpected[statusCode] = (unexpected[statusCode] ?? 0) + 1;
        latencies.push(responseTime);
      });
      instance.on('reqError', () => {
        errors++;
      });
    },
  );
}

interface Result extends Latency {
  processes: number;
  createsPerSecond: number;
  ratioToOne: number;
  rssMb: number[];
}

async function measure(admin: string, processes: number): Promise<Omit<Result, 'ratioToOne'>> {
  const db = await freshDatabase(admin);
  const env = redressEnv(db, { LOG_LEVEL: 'warn' });
  const { token } = await staffToken(env);
  const servers = await Promise.all(
    Array.from({ length: processes }, () => startServe(env, { role: 'web' })),
  );
  const share = (i: number) => Math.floor(CONNECTIONS / processes) + (i < CONNECTIONS % processes ? 1 : 0);
  await Promise.all(servers.map((s, i) => createLoad(s, token, share(i), WARMUP_SECONDS)));
  const runs = await Promise.all(servers.map((s, i) => createLoad(s, token, share(i), SECONDS)));
  const rss = servers.map((s) => Math.round(rssMb(s.pid)));
  await stopAllProcesses();
  const failed = runs.reduce(
    (sum, r) => sum + r.errors + Object.values(r.unexpected).reduce((a, b) => a + b, 0),
    0,
  );
  if (failed > 0) {
    throw new Error(
      `${processes} processes: ${failed} creates failed: ${JSON.stringify(runs.map((r) => [r.unexpected, r.errors]))}`,
    );
  }
  const all = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return { processes, createsPerSecond: all.length / SECONDS, rssMb: rss, ...latency(all) };
}

async function main(): Promise<number> {
  const admin = await postgresAdminUrl(cleanups);
  const results: Result[] = [];
  for (const processes of PROCESSES) {
    log(`${processes} process(es), ${CONNECTIONS} connections, ${SECONDS} s …`);
    const measured = await measure(admin, processes);
    const one = results[0]?.createsPerSecond ?? measured.createsPerSecond;
    results.push({ ...measured, ratioToOne: measured.createsPerSecond / one });
  }
  console.log(
    `\nCreates on PostgreSQL by number of \`redress serve --role web\` processes: ${CONNECTIONS} connections, ` +
      `${SECONDS} s each; ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  console.log(
    textTable(
      ['processes', 'creates/s', '× one process', 'p50 ms', 'p99 ms', 'RSS MB'],
      results.map((r) => [
        String(r.processes),
        r.createsPerSecond.toFixed(0),
        r.ratioToOne.toFixed(2),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        r.rssMb.join(' / '),
      ]),
    ),
  );
  writeFileSync(
    OUTPUT,
    JSON.stringify({ at: new Date().toISOString(), cores: cpus().length, results }, null, 2),
  );
  console.log(`\nresults: ${OUTPUT}`);
  return 0;
}

export async function scalingCommand(): Promise<number> {
  try {
    return await main();
  } finally {
    await stopAllProcesses();
    while (cleanups.length > 0) {
      try {
        await cleanups.pop()?.();
      } catch (error) {
        console.error('cleanup failed:', error);
      }
    }
  }
}
