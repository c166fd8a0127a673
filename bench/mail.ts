/**
 * The mail workloads of `npm run bench` (BENCH_WORKLOADS `mail-in`, `mail-out`), each beside a bare
 * smtp-server that only accepts, measured in the same run. See bench/README.md.
 *
 * - mail-in: N distinct new-complaint emails (unique Message-IDs, one new sender each) sent by nodemailer
 *   over a pool of a few SMTP connections, each connection sending its next message once the last one was
 *   answered; first to the bare server (baseline), then to Redress's SMTP listener on a fresh, migrated
 *   database, each in its own child process (bench/mail-server.ts). Every answer must be 250 (for Redress:
 *   `new-complaint`), and at the end the bare server must have counted, and the database must hold, exactly
 *   the messages sent.
 * - mail-out: N complaints recorded through the use case (untimed) leave N acknowledgement jobs; the timed
 *   part is `runDueJobs` delivering them over SMTP to a bare server in a child process, the way `redress
 *   serve`'s worker does (one job after another, a new SMTP connection each). The baseline is plain
 *   nodemailer sending as many messages of the same content to the same server, one after another, a new
 *   connection each. The sink must have counted exactly N each time. The jobs run in this process.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { ACKNOWLEDGEMENT_KIND } from '../src/app/acknowledge-complaint.ts';
import type { AppContext } from '../src/app/context.ts';
import { jobHandlers } from '../src/app/job-handlers.ts';
import { recordComplaint } from '../src/app/record-complaint.ts';
import { MISO_PROCEDURE } from '../src/config/miso.ts';
import { type Db, type Dialect, isPostgresUrl, openDatabase } from '../src/db/database.ts';
import { type ChildScript, startScript, textTable } from './children.ts';
import { countRows, openBenchContext, runAllDueJobs } from './context.ts';
import {
  compare,
  type Rate,
  type Ratio,
  rate,
  rateCells,
  rateColumns,
  ratioCells,
  ratioColumns,
} from './latency.ts';

const MAIL_SERVER = fileURLToPath(new URL('./mail-server.ts', import.meta.url));
const COMPLAINTS_ADDRESS = MISO_PROCEDURE.company.email;

export type MailWorkload = 'mail-inbound' | 'mail-outbound';

/** How many messages a workload sends: `messages` measured, after `warmup` not measured. */
export interface MailCounts {
  messages: number;
  warmup: number;
}

export interface MailSettings {
  inbound: MailCounts;
  outbound: MailCounts;
  /** Concurrent SMTP connections of the inbound sender. */
  connections: number;
  /** node arguments for the Redress listener's process (`--cpu-prof`). */
  redressNodeArgs: readonly string[];
  /** Registers something to run at the end, even after an error. */
  onCleanup(cleanup: () => Promise<void> | void): void;
  log(message: string): void;
}

export interface MailMeasured extends Rate {
  messages: number;
}

export interface MailRow {
  dialect: Dialect;
  workload: MailWorkload;
  redress: MailMeasured;
  baseline: MailMeasured;
  ratio: Ratio;
  /** Redress's mean per-message latency minus the baseline's, in ms: what Redress itself adds. */
  overheadMs: number;
}

function measured(latencies: number[], seconds: number): MailMeasured {
  return { messages: latencies.length, ...rate(latencies, seconds) };
}

function row(
  dialect: Dialect,
  workload: MailWorkload,
  redress: MailMeasured,
  baseline: MailMeasured,
): MailRow {
  return { dialect, workload, redress, baseline, ...compare(redress, baseline) };
}

async function startMailServer(
  settings: MailSettings,
  args: string[],
  nodeArgs: readonly string[] = [],
): Promise<{ script: ChildScript; port: number }> {
  const script = await startScript(`mail ${args[0]} server`, MAIL_SERVER, args, nodeArgs);
  settings.onCleanup(() => script.stop());
  const port = script.ready.port;
  if (typeof port !== 'number')
    throw new Error(`mail ${args[0]} server sent no port: ${JSON.stringify(script.ready)}`);
  return { script, port };
}

async function bareCount(sink: ChildScript): Promise<number> {
  const { count } = await sink.request('count');
  if (typeof count !== 'number') throw new Error(`the bare SMTP server answered no count: ${String(count)}`);
  return count;
}

async function openTarget(target: string): Promise<Db> {
  return openDatabase({ databaseUrl: isPostgresUrl(target) ? target : undefined, dataDir: target });
}

// ── inbound ────────────────────────────────────────────────────────────────────────────────────────────

const COMPLAINT_TEXT = [
  'Hello,',
  '',
  'I have been charged twice for my broadband this month: once on the 1st and again on the 3rd, both',
  'for the full monthly amount. I rang your helpline last week and was told it would be sorted out, but',
  'nothing has happened and the second payment is still on my bank statement.',
  '',
  'I would like the second charge refunded, and an explanation of why it happened so that it does not',
  'happen again next month.',
  '',
  'Thank you,',
].join('\n');

/** One customer's first email about a new problem: its own sender and Message-ID. */
function complaintEmail(runId: string, phase: string, i: number): Mail.Options {
  const name = `Customer ${phase} ${i}`;
  const text = `${COMPLAINT_TEXT}\n${name}\n`;
  const html = `<html><body>${text
    .split('\n\n')
    .map((p) => `<p>${p.replaceAll('\n', '<br>')}</p>`)
    .join('\n')}</body></html>`;
  return {
    from: `${name} <customer-${phase}-${i}.${runId}@example.org>`,
    to: COMPLAINTS_ADDRESS,
    subject: `Charged twice for broadband (account ${100000 + i})`,
    messageId: `<bench-${phase}-${i}.${runId}@example.org>`,
    text,
    html,
  };
}

/**
 * Sends the messages over a pool of `connections` SMTP connections, each sending its next message once the
 * last was answered; `accepted` checks every answer. Throws (fails the bench) on any refusal or error.
 */
async function sendPooled(
  port: number,
  messages: readonly Mail.Options[],
  connections: number,
  accepted: (response: string) => boolean,
): Promise<MailMeasured> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: connections,
    maxMessages: Number.POSITIVE_INFINITY,
    connectionTimeout: 30_000,
    socketTimeout: 60_000,
  });
  const latencies: number[] = [];
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < messages.length; i = next++) {
      const message = messages[i]!;
      const sentAt = performance.now();
      try {
        const info = await transport.sendMail(message);
        latencies.push(performance.now() - sentAt);
        const response = String(info.response ?? '');
        if (!accepted(response)) problems.push(`${String(message.messageId)}: answered ${response}`);
      } catch (error) {
        problems.push(
          `${String(message.messageId)}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    transport.close();
  }
  const seconds = (performance.now() - started) / 1000;
  if (problems.length > 0) {
    throw new Error(
      `${problems.length} of ${messages.length} messages were not accepted, e.g.:\n  ${problems.slice(0, 5).join('\n  ')}`,
    );
  }
  return measured(latencies, seconds);
}

/** mail-in: new-complaint emails per second through the listener, beside a bare smtp-server. */
export async function benchMailInbound(
  dialect: Dialect,
  target: string,
  settings: MailSettings,
): Promise<MailRow> {
  const { connections, log } = settings;
  const { messages: n, warmup } = settings.inbound;
  const runId = randomBytes(4).toString('hex');
  const batch = (phase: string, count: number) =>
    Array.from({ length: count }, (_, i) => complaintEmail(runId, phase, i));
  const warmupMessages = batch('warm', warmup);
  const runMessages = batch('run', n);
  const label = `${dialect} mail-in`;

  // (a) baseline: a bare smtp-server that only accepts.
  const bare = await startMailServer(settings, ['bare']);
  log(`${label}: bare SMTP server on port ${bare.port} (pid ${bare.script.pid})`);
  const isOk = (response: string) => response.startsWith('250');
  if (warmup > 0) await sendPooled(bare.port, warmupMessages, connections, isOk);
  log(`${label} baseline: ${n} messages, ${connections} connections …`);
  const baseline = await sendPooled(bare.port, runMessages, connections, isOk);
  const bareAccepted = await bareCount(bare.script);
  if (bareAccepted !== warmup + n) {
    throw new Error(
      `${label} baseline: sent ${warmup + n} messages, the bare server accepted ${bareAccepted}`,
    );
  }
  log(`${label} baseline: ${baseline.perSecond.toFixed(0)} msg/s, p50 ${baseline.p50.toFixed(2)} ms`);
  await bare.script.stop();

  // (b) Redress: the SMTP listener on a fresh, migrated database.
  const listener = await startMailServer(settings, ['listener', target], settings.redressNodeArgs);
  log(`${label}: Redress SMTP listener on port ${listener.port} (pid ${listener.script.pid})`);
  const isNewComplaint = (response: string) => /^250 OK: new-complaint \S+/.test(response);
  if (warmup > 0) await sendPooled(listener.port, warmupMessages, connections, isNewComplaint);
  log(`${label} Redress: ${n} messages, ${connections} connections …`);
  const redress = await sendPooled(listener.port, runMessages, connections, isNewComplaint);
  log(`${label} Redress: ${redress.perSecond.toFixed(0)} msg/s, p50 ${redress.p50.toFixed(2)} ms`);
  await listener.script.stop();

  // What was stored, read back after the listener has stopped.
  const db = await openTarget(target);
  try {
    const complaints = await countRows(db, 'complaints');
    const inbound = await countRows(db, 'emails', { column: 'direction', value: 'in' });
    const measuredIds = runMessages.map((m) => String(m.messageId));
    let stored = 0;
    for (let i = 0; i < measuredIds.length; i += 500) {
      const chunk = measuredIds.slice(i, i + 500);
      const found = await db.kysely
        .selectFrom('emails')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('message_id', 'in', chunk)
        .where('direction', '=', 'in')
        .where('complaint_id', 'is not', null)
        .executeTakeFirstOrThrow();
      stored += Number(found.n);
    }
    if (complaints !== warmup + n || inbound !== warmup + n || stored !== n) {
      throw new Error(
        `${label}: sent ${warmup} + ${n} new-complaint emails, but the database holds ${complaints} complaints ` +
          `and ${inbound} inbound emails, ${stored} of the ${n} measured ones with their complaint`,
      );
    }
    log(`${label}: verified ${complaints} complaints stored (${warmup} warm-up + ${n} measured)`);
  } finally {
    await db.close();
  }
  return row(dialect, 'mail-inbound', redress, baseline);
}

// ── outbound ───────────────────────────────────────────────────────────────────────────────────────────

/** Delivers every due job once; fails the bench unless exactly `expected` acknowledgements were done. */
async function runJobs(
  db: Db,
  ctx: AppContext,
  now: Date,
  expected: number,
  latencies: number[],
  label: string,
): Promise<void> {
  const handlers = jobHandlers(ctx);
  const acknowledge = handlers[ACKNOWLEDGEMENT_KIND];
  if (!acknowledge) throw new Error(`no ${ACKNOWLEDGEMENT_KIND} job handler`);
  const timed = {
    ...handlers,
    [ACKNOWLEDGEMENT_KIND]: async (...args: Parameters<typeof acknowledge>) => {
      const started = performance.now();
      await acknowledge(...args);
      latencies.push(performance.now() - started);
    },
  };
  const total = await runAllDueJobs(db, timed, { now: () => now, maxBatches: 1000 });
  if (total.claimed !== expected || total.done !== expected) {
    throw new Error(`${label}: expected ${expected} acknowledgements done, got ${JSON.stringify(total)}`);
  }
}

/** mail-out: acknowledgements per second from the outbox to an SMTP sink, beside plain nodemailer. */
export async function benchMailOutbound(
  dialect: Dialect,
  target: string,
  settings: MailSettings,
): Promise<MailRow> {
  const { log } = settings;
  const { messages: n, warmup } = settings.outbound;
  const label = `${dialect} mail-out`;
  const sink = await startMailServer(settings, ['bare']);
  const sinkUrl = `smtp://127.0.0.1:${sink.port}`;
  log(`${label}: bare SMTP sink on port ${sink.port} (pid ${sink.script.pid})`);

  const opened = await openBenchContext(target, settings.onCleanup);
  const { db } = opened;
  // A clock the bench moves: warm-up complaints are due first, the measured ones a minute later.
  const t0 = Date.now();
  let clock = new Date(t0);
  const ctx: AppContext = { ...opened, now: () => clock, mail: { smtpUrl: sinkUrl } };
  const record = async (phase: string, count: number) => {
    for (let i = 0; i < count; i++) {
      await recordComplaint(
        ctx,
        {
          customer: {
            name: `Customer ${phase} ${i}`,
            email: `customer-${phase}-${i}@example.org`,
            phone: '01632 960 123',
          },
          channel: 'phone',
          description: 'I was charged twice for October.',
          category: 'billing',
          formal: true,
          desiredOutcome: 'A refund of the second charge',
        },
        { kind: 'system' },
      );
    }
  };
  log(`${label}: recording ${warmup} + ${n} complaints (untimed) …`);
  await record('warm', warmup);
  clock = new Date(t0 + 60_000);
  await record('run', n);

  // Redress warm-up: the warm-up complaints' acknowledgements only.
  if (warmup > 0) await runJobs(db, ctx, new Date(t0 + 30_000), warmup, [], `${label} warm-up`);

  // Baseline: plain nodemailer sending an acknowledgement's content, one message after another.
  const sample = await db.kysely
    .selectFrom('emails')
    .select(['from_address', 'to_address', 'subject', 'text_body', 'html_body'])
    .where('direction', '=', 'out')
    .where('kind', '=', ACKNOWLEDGEMENT_KIND)
    .executeTakeFirst();
  const content = sample
    ? {
        from: sample.from_address,
        to: sample.to_address,
        subject: sample.subject,
        text: sample.text_body,
        html: sample.html_body,
      }
    : {
        from: `${MISO_PROCEDURE.company.tradingName} <${COMPLAINTS_ADDRESS}>`,
        to: 'customer@example.org',
        subject: '[MISO-26-000001-K] We have received your complaint',
        text: COMPLAINT_TEXT.repeat(3),
        html: null,
      };
  const transport = nodemailer.createTransport({
    url: sinkUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  const runId = randomBytes(4).toString('hex');
  const plain = async (phase: string, count: number, latencies: number[]) => {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await transport.sendMail({
        messageId: `<bench-${phase}-${i}.${runId}@miso-comms.net>`,
        from: content.from,
        to: content.to,
        replyTo: content.from,
        subject: content.subject,
        text: content.text,
        ...(content.html ? { html: content.html } : {}),
        date: new Date(),
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      latencies.push(performance.now() - started);
    }
  };
  let baseline: MailMeasured;
  try {
    await plain('warm', warmup, []);
    log(`${label} baseline: ${n} messages, one after another …`);
    const before = await bareCount(sink.script);
    const latencies: number[] = [];
    const started = performance.now();
    await plain('run', n, latencies);
    baseline = measured(latencies, (performance.now() - started) / 1000);
    const received = (await bareCount(sink.script)) - before;
    if (received !== n)
      throw new Error(`${label} baseline: sent ${n} messages, the sink received ${received}`);
  } finally {
    transport.close();
  }
  log(`${label} baseline: ${baseline.perSecond.toFixed(0)} msg/s, p50 ${baseline.p50.toFixed(2)} ms`);

  // Redress: runDueJobs delivering the measured complaints' acknowledgements.
  log(`${label} Redress: ${n} acknowledgement jobs …`);
  const before = await bareCount(sink.script);
  const latencies: number[] = [];
  const started = performance.now();
  await runJobs(db, ctx, new Date(t0 + 120_000), n, latencies, label);
  const redress = measured(latencies, (performance.now() - started) / 1000);
  const received = (await bareCount(sink.script)) - before;
  const sent = await countRows(db, 'emails', { column: 'status', value: 'sent' });
  if (received !== n || sent !== warmup + n) {
    throw new Error(
      `${label}: ${n} acknowledgements delivered, but the sink received ${received} and the database has ` +
        `${sent} sent emails (expected ${warmup + n})`,
    );
  }
  log(`${label} Redress: ${redress.perSecond.toFixed(0)} msg/s, p50 ${redress.p50.toFixed(2)} ms`);
  log(`${label}: verified the sink received exactly ${n}`);
  return row(dialect, 'mail-outbound', redress, baseline);
}

export function mailTable(rows: readonly MailRow[]): string {
  const header = [
    'dialect',
    'workload',
    ...rateColumns('Redress', 'msg'),
    ...rateColumns('baseline', 'msg'),
    ...ratioColumns('msg'),
    '+ms/msg',
  ];
  const lines = rows.map((r) => [
    r.dialect,
    r.workload,
    ...rateCells(r.redress.perSecond, r.redress, 0),
    ...rateCells(r.baseline.perSecond, r.baseline, 0),
    ...ratioCells(r.ratio),
    r.overheadMs.toFixed(2),
  ]);
  return textTable(header, lines);
}
