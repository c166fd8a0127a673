import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { Dialect } from '../src/db/database.ts';
import { phoneComplaint } from '../test/support/api.ts';
import {
  type Env,
  redressEnv,
  type ServeProcess,
  staffToken,
  startServe,
  stopAllProcesses,
} from '../test/support/processes.ts';
import { percentile } from './latency.ts';
import { postgresAdminUrl, rssMb, throwawayDatabase } from './throwaway.ts';

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${raw}`);
  return value;
}

const RATE = envNumber('BENCH_ACK_RATE', 100);
const SECONDS = envNumber('BENCH_ACK_SECONDS', 60);
const DRAIN_SECONDS = envNumber('BENCH_ACK_DRAIN_SECONDS', 600);
const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is Dialect => d === 'sqlite' || d === 'postgres');
const PASSED_THROUGH = [
  'WORKER_CONCURRENCY',
  'RENDER_THREADS',
  'SMTP_MAX_CONNECTIONS',
  'WORKER_INTERVAL_MS',
  'SQLITE_READERS',
];
/** Requests in flight at most; beyond it the intake counts as fallen behind (the API cannot keep the rate). */
const MAX_IN_FLIGHT = 512;
const OUTPUT =
  process.env.BENCH_OUTPUT ??
  join(tmpdir(), `redress-ack-lag-${new Date().toISOString().replaceAll(':', '-').slice(0, 19)}.json`);

const log = (message: string) => console.error(`[ack-lag] ${message}`);
const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp() {
  await stopAllProcesses();
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()?.();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
}

/** An SMTP server on loopback that notes when each customer's email was accepted. */
async function startSink(onMessage: (recipient: string, at: number) => void) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        const at = Date.now();
        for (const rcpt of session.envelope.rcptTo) onMessage(rcpt.address, at);
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `smtp://127.0.0.1:${port}`;
}

async function database(dialect: Dialect): Promise<{ dataDir: string; databaseUrl?: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-ack-lag-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  if (dialect === 'sqlite') return { dataDir };
  const databaseUrl = await throwawayDatabase(await postgresAdminUrl(cleanups), 'ack_lag_bench', cleanups);
  return { dataDir, databaseUrl };
}

/** Acknowledgement jobs not yet done (pending or running), from the server's /metrics. */
async function ackBacklog(server: ServeProcess): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  let total = 0;
  for (const match of text.matchAll(/^redress_jobs\{([^}]*)\} (\d+)/gm)) {
    const labels = match[1] ?? '';
    if (labels.includes('kind="acknowledgement"') && !labels.includes('status="failed"'))
      total += Number(match[2]);
  }
  return total;
}

interface Result {
  dialect: Dialect;
  rate: number;
  seconds: number;
  settings: Env;
  created: number;
  createErrors: number;
  createP50: number;
  createP99: number;
  intakeBehind: number;
  acknowledged: number;
  lagP50: number;
  lagP99: number;
  lagMax: number;
  /** Per 10 s of intake: the worst lag of the complaints made in it (growing: the worker falls behind). */
  lagMaxBy10s: number[];
  acksPerSecondDuringIntake: number;
  drainSeconds: number;
  backlogMax: number;
  backlogAtEndOfIntake: number;
  rssIdleMb: number;
  rssMaxMb: number;
}

async function run(dialect: Dialect): Promise<Result> {
  const created = new Map<string, number>();
  const acked = new Map<string, number>();
  const smtpUrl = await startSink((recipient, at) => {
    if (!acked.has(recipient)) acked.set(recipient, at);
  });
  const settings: Env = {};
  for (const name of PASSED_THROUGH) {
    const value = process.env[name];
    if (value) settings[name] = value;
  }
  const env = redressEnv(await database(dialect), { ...settings, SMTP_URL: smtpUrl, LOG_LEVEL: 'warn' });
  const { token } = await staffToken(env);
  const server = await startServe(env, { timeoutMs: 60_000 });
  const api = `${server.api}/complaints`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  // Warm up: a few complaints acknowledged end to end (render threads loaded, connections open), not counted.
  for (let i = 0; i < 5; i++) {
    const response = await fetch(api, {
      method: 'POST',
      headers,
      body: JSON.stringify(phoneComplaint({ customer: { name: 'Warm Up', email: `warm-${i}@bench.test` } })),
    });
    if (response.status !== 201) throw new Error(`warm-up create answered ${response.status}`);
  }
  const warmDeadline = Date.now() + 120_000;
  while ([...acked.keys()].filter((k) => k.startsWith('warm-')).length < 5) {
    if (Date.now() > warmDeadline) throw new Error('warm-up acknowledgements did not arrive in 120 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const rssIdleMb = rssMb(server.pid);
  log(`${dialect}: idle RSS ${rssIdleMb.toFixed(0)} MB; ${RATE} creates/s for ${SECONDS} s …`);

  const createMs: number[] = [];
  let createErrors = 0;
  let inFlight = 0;
  let behind = 0;
  let sent = 0;
  let backlogMax = 0;
  let rssMaxMb = rssIdleMb;
  const requests: Promise<void>[] = [];
  const start = Date.now();
  const total = Math.round(RATE * SECONDS);
  const sampler = setInterval(() => {
    rssMaxMb = Math.max(rssMaxMb, rssMb(server.pid));
    void ackBacklog(server)
      .then((n) => {
        backlogMax = Math.max(backlogMax, n);
      })
      .catch(() => undefined);
  }, 1000);
  while (sent < total) {
    const due = Math.min(total, Math.floor(((Date.now() - start) / 1000) * RATE));
    for (; sent < due; sent++) {
      if (inFlight >= MAX_IN_FLIGHT) {
        behind++;
        continue;
      }
      const email = `c${sent}@bench.test`;
      const body = JSON.stringify(
        phoneComplaint({ customer: { name: `Customer ${sent}`, email }, description: `Complaint ${sent}` }),
      );
      inFlight++;
      const t0 = performance.now();
      requests.push(
        fetch(api, { method: 'POST', headers, body })
          .then(async (response) => {
            await response.arrayBuffer();
            if (response.status === 201) {
              created.set(email, Date.now());
              createMs.push(performance.now() - t0);
            } else createErrors++;
          })
          .catch(() => {
            createErrors++;
          })
          .finally(() => {
            inFlight--;
          }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all(requests);
  const intakeEnd = Date.now();
  const backlogAtEndOfIntake = await ackBacklog(server);
  const ackedDuringIntake = [...created.keys()].filter((e) => (acked.get(e) ?? Infinity) <= intakeEnd).length;
  log(
    `${dialect}: intake done: ${created.size} created, ${createErrors} failed, ${behind} not sent; ` +
      `${ackedDuringIntake} acknowledged so far, backlog ${backlogAtEndOfIntake}`,
  );

  const drainDeadline = Date.now() + DRAIN_SECONDS * 1000;
  while ([...created.keys()].some((e) => !acked.has(e)) && Date.now() < drainDeadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  clearInterval(sampler);
  const drainSeconds = (Date.now() - intakeEnd) / 1000;
  await server.stop(30_000);

  const lags: number[] = [];
  const buckets: number[] = [];
  for (const [email, at] of created) {
    const ackAt = acked.get(email);
    if (ackAt === undefined) continue;
    const lag = ackAt - at;
    lags.push(lag);
    const bucket = Math.floor((at - start) / 10_000);
    buckets[bucket] = Math.max(buckets[bucket] ?? 0, lag);
  }
  lags.sort((a, b) => a - b);
  createMs.sort((a, b) => a - b);
  return {
    dialect,
    rate: RATE,
    seconds: SECONDS,
    settings,
    created: created.size,
    createErrors,
    createP50: percentile(createMs, 0.5),
    createP99: percentile(createMs, 0.99),
    intakeBehind: behind,
    acknowledged: lags.length,
    lagP50: percentile(lags, 0.5) / 1000,
    lagP99: percentile(lags, 0.99) / 1000,
    lagMax: (lags.at(-1) ?? 0) / 1000,
    lagMaxBy10s: Array.from(buckets, (v) => Math.round((v ?? 0) / 100) / 10),
    acksPerSecondDuringIntake: ackedDuringIntake / ((intakeEnd - start) / 1000),
    drainSeconds,
    backlogMax,
    backlogAtEndOfIntake,
    rssIdleMb,
    rssMaxMb,
  };
}

async function main() {
  const results: Result[] = [];
  for (const dialect of DIALECTS) results.push(await run(dialect));
  const fixed = (n: number, digits = 1) => n.toFixed(digits);
  console.log(
    `\nAcknowledgement lag: ${RATE} creates/s for ${SECONDS} s, one \`redress serve\` (every role); ` +
      `${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  console.log(
    '| dialect | created (failed) | create p50 / p99 ms | acks/s during intake | lag p50 / p99 / max s | backlog max (end of intake) | drained after s | RSS idle / max MB |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.dialect} | ${r.created} (${r.createErrors + r.intakeBehind}) | ${fixed(r.createP50)} / ${fixed(r.createP99)} | ` +
        `${fixed(r.acksPerSecondDuringIntake)} | ${fixed(r.lagP50)} / ${fixed(r.lagP99)} / ${fixed(r.lagMax)} | ` +
        `${r.backlogMax} (${r.backlogAtEndOfIntake}) | ${fixed(r.drainSeconds)} | ${fixed(r.rssIdleMb, 0)} / ${fixed(r.rssMaxMb, 0)} |`,
    );
    console.log(
      `  worst lag per 10 s of intake (s): ${r.lagMaxBy10s.join(', ')}; settings ${JSON.stringify(r.settings)}`,
    );
  }
  writeFileSync(OUTPUT, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nresults: ${OUTPUT}`);
  const missing = results.filter((r) => r.acknowledged < r.created || r.createErrors > 0);
  if (missing.length > 0) {
    for (const r of missing)
      console.error(
        `${r.dialect}: ${r.created - r.acknowledged} complaints not acknowledged, ${r.createErrors} creates failed`,
      );
    process.exitCode = 1;
  }
}

const watchdog = setTimeout(
  () => {
    console.error('ack-lag: watchdog: the run took too long');
    void cleanUp().then(() => process.exit(1));
  },
  (SECONDS + DRAIN_SECONDS + 300) * 1000 * DIALECTS.length,
);
watchdog.unref();
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
