/**
 * What `redress serve` runs (registered in serve.ts, and loaded only when serve runs, so that other commands
 * start without the HTTP server, the mail listener and the PDF renderer): the API, the job worker and the inbound SMTP listener (with the IMAP poller when IMAP_URL is
 * set) in one process, or any one of them (`--role web|worker|mail`) when they run as separate processes
 * against a shared database. Letters render in a pool of worker threads and mail leaves over pooled SMTP
 * connections. SIGTERM (or SIGINT) stops it gracefully: nothing new is taken, what is in hand finishes
 * within SHUTDOWN_TIMEOUT_MS, the pools close; a second signal, or the time running out, exits at once
 * (nothing acknowledged is lost either way: the jobs it held run again once their leases lapse).
 */
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { scheduleAuditCheckpoint } from '../app/checkpoint-audit-trail.ts';
import { ensureFirstAdmin } from '../app/ensure-first-admin.ts';
import { jobHandlers } from '../app/job-handlers.ts';
import { keepHouse } from '../app/keep-house.ts';
import { keepStatistics } from '../app/keep-statistics.ts';
import { schedulePrivacyPurge } from '../app/purge-personal-data.ts';
import { ownAddresses } from '../app/send-customer-email.ts';
import { scheduleMonthlyReport } from '../app/send-monthly-report.ts';
import { startHeartbeat } from '../app/serve-heartbeat.ts';
import { scheduleAdrSweep } from '../app/sweep-adr-clock.ts';
import { type RenderPool, startRenderPool } from '../documents/pdf/render-pool.ts';
import { buildApp } from '../http/app.ts';
import { buildOperationsApp } from '../http/server.ts';
import { type AuditAnchoring, startAuditAnchoring } from '../jobs/audit-anchoring.ts';
import { startWorker, type Worker } from '../jobs/worker.ts';
import { type ImapPoller, startImapPoller } from '../mail/inbound/imap-poller.ts';
import { type SmtpListener, startSmtpListener } from '../mail/inbound/smtp-listener.ts';
import { openSmtpPool, type SmtpPool } from '../mail/outbound/transport.ts';
import { createMetrics } from '../metrics/metrics.ts';
import { withQueryTiming } from '../metrics/query-timing.ts';
import { WEB_DIST } from '../web/build.ts';
import { CliError, EXIT } from './output.ts';
import { openRuntime } from './runtime.ts';

export type ServeRole = 'all' | 'web' | 'worker' | 'mail';

/** Runs the parts of Redress `role` names until SIGINT or SIGTERM. */
export async function runServe(role: ServeRole): Promise<void> {
  const runtime = await openRuntime({ readers: true });
  const { settings } = runtime;
  // One set of metrics per process: every query timed, jobs and mail counted, served at /metrics.
  const metrics = createMetrics();
  const runsJobs = role === 'all' || role === 'worker';
  // Letters render in threads wherever they are made: by jobs, and in the web role's previews.
  const renderPool: RenderPool | undefined =
    role !== 'mail' && settings.renderThreads !== 0
      ? startRenderPool({ threads: settings.renderThreads })
      : undefined;
  // Only jobs send mail; the pool's connections open at the first message.
  const smtpPool: SmtpPool | undefined =
    runsJobs && settings.mail.smtpUrl
      ? openSmtpPool(settings.mail.smtpUrl, settings.mail.smtpMaxConnections)
      : undefined;
  const ctx = {
    ...runtime.ctx,
    db: withQueryTiming(runtime.ctx.db, metrics),
    metrics,
    letters: renderPool,
    mail: { ...runtime.ctx.mail, smtpPool },
  };
  // Statistics for the query planner where they are missing (a database never analyzed, or restored) or
  // stale, before the port opens: seconds once at a million complaints, milliseconds after; none on PostgreSQL.
  await keepStatistics(ctx);
  // So that a clock drill (`jobs run --until`) can tell this database is live and refuse it.
  const heartbeat = await startHeartbeat(ctx, role);
  const admin = await ensureFirstAdmin(ctx);
  if (admin) {
    process.stdout.write(
      `\nFirst start: created the admin account ${admin.email}\n` +
        `One-time password: ${admin.password}\n` +
        `Sign in at ${settings.publicUrl}/staff: you will be asked to choose your own password at once. ` +
        'This one is not shown again.\n\n',
    );
  }
  // Bound before anything starts or is announced, so a port in use stops the start with a clear error.
  const httpOptions = {
    trustProxy: settings.trustProxy,
    metrics,
    metricsToken: settings.metricsToken,
  };
  const app =
    role === 'worker' || role === 'mail'
      ? await buildOperationsApp(ctx, httpOptions)
      : await buildApp(ctx, { ...httpOptions, publicUrl: settings.publicUrl });
  const address = await app.listen({ port: settings.port, host: settings.host });
  let smtp: SmtpListener | undefined;
  if (role === 'all' || role === 'mail') {
    try {
      smtp = await startSmtpListener(ctx, {
        port: settings.mail.smtpPort,
        host: settings.host,
        maxBytes: settings.mail.maxBytes,
        ownAddresses: ownAddresses(ctx),
        newMessages: settings.mail.newMessages,
        tls: listenerTls(settings.mail.listenerTls),
        auth: settings.mail.listenerAuth,
      });
    } catch (error) {
      // The HTTP server would keep the process alive, failed, after the error is reported.
      await app.close();
      throw error;
    }
  }
  let imap: ImapPoller | undefined;
  const imapSettings = settings.mail.imap;
  if ((role === 'all' || role === 'mail') && imapSettings) {
    imap = startImapPoller(ctx, {
      url: imapSettings.url,
      folder: imapSettings.folder,
      processedFolder: imapSettings.processedFolder,
      intervalMs: imapSettings.pollMs,
      maxBytes: settings.mail.maxBytes,
      ownAddresses: ownAddresses(ctx),
      tlsRejectUnauthorized: imapSettings.tlsRejectUnauthorized,
      newMessages: settings.mail.newMessages,
    });
  }
  let worker: Worker | undefined;
  let anchoring: AuditAnchoring | undefined;
  if (runsJobs) {
    // Every minute, the heads of the audit chains changed since the last anchor (db/audit-anchors.ts).
    anchoring = startAuditAnchoring(ctx, { everyMs: 60_000 });
    await scheduleAdrSweep(ctx);
    await scheduleMonthlyReport(ctx);
    // The retention purge, daily at 02:00 UTC (docs/PRIVACY.md).
    await schedulePrivacyPurge(ctx);
    // Daily at 02:00 UK time, a signed checkpoint of the audit trail (app/checkpoint-audit-trail.ts).
    await scheduleAuditCheckpoint(ctx);
    worker = startWorker(ctx.db, jobHandlers(ctx), {
      now: ctx.now,
      owner: `${hostname()}:${process.pid}`,
      intervalMs: settings.workerIntervalMs,
      concurrency: settings.workerConcurrency,
      logger: ctx.logger,
      wakeUps: (onWake) => ctx.db.listen('redress_jobs', onWake),
      onFinished: (job, outcome, seconds) =>
        metrics.jobDuration.observe({ kind: job.kind, outcome }, seconds),
      // Hourly: pruning deletes a bounded number of rows a run, so a backlog clears over a few hours; the
      // planner's statistics are refreshed where a table has grown or shrunk tenfold.
      housekeeping: {
        everyMs: 3_600_000,
        run: () => keepHouse(ctx, { retentionDays: settings.jobRetentionDays }),
      },
    });
    if (role === 'worker') {
      process.stdout.write(
        `Redress worker running on ${ctx.db.dialect}, polling every ${settings.workerIntervalMs} ms, ` +
          `${settings.workerConcurrency} jobs at once\n`,
      );
    }
  }
  ctx.logger.info({ address, database: ctx.db.dialect }, 'Redress is listening');
  if (role === 'all' || role === 'web') {
    process.stdout.write(
      `Redress is running at ${address}\n` +
        `  staff workspace  ${address}/staff\n` +
        `  customer portal  ${address}/ (make or track a complaint)\n` +
        `  API docs         ${address}/api/docs\n`,
    );
    if (!existsSync(join(WEB_DIST, 'index.html'))) {
      process.stdout.write('  (the web app is not built: npm start builds it, or npm run build:web)\n');
    }
  }
  if (smtp) {
    ctx.logger.info({ address: smtp.address }, 'receiving email');
    process.stdout.write(
      `${role === 'mail' ? 'Redress is receiving email at' : '  receiving email '} ${smtp.address}` +
        ` (messages up to ${settings.mail.maxBytes} bytes)\n`,
    );
  }
  if (imap && imapSettings) {
    ctx.logger.info({ address: imap.address, everyMs: imapSettings.pollMs }, 'polling IMAP');
    process.stdout.write(
      `  polling IMAP     ${imap.address} every ${imapSettings.pollMs} ms` +
        `${imapSettings.processedFolder ? ` (processed mail to ${imapSettings.processedFolder})` : ''}\n`,
    );
  }
  if (role === 'worker' || role === 'mail') {
    process.stdout.write(`  health, metrics  ${address} (/healthz, /readyz, /metrics)\n`);
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      ctx.logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    ctx.logger.info({ signal, timeoutMs: settings.shutdownTimeoutMs }, 'shutting down');
    // What is still being waited for, named in the log if time runs out.
    const pending = new Set<string>();
    const deadline = setTimeout(() => {
      ctx.logger.error(
        { timeoutMs: settings.shutdownTimeoutMs, waitingFor: [...pending] },
        'shutdown timed out: exiting anyway',
      );
      process.exit(1);
    }, settings.shutdownTimeoutMs);
    deadline.unref();
    const part = async (name: string, stop: (() => Promise<unknown>) | undefined) => {
      if (!stop) return;
      pending.add(name);
      try {
        await stop();
      } catch (error) {
        ctx.logger.error({ err: error, part: name }, 'stopping failed');
      } finally {
        pending.delete(name);
      }
    };
    // Everything stops taking work at once, then finishes what it holds: requests in flight (Fastify
    // answers new ones 503 meanwhile), the jobs in hand, a message being received.
    await Promise.all([
      part('imap poller', imap && (() => imap.stop())),
      part('smtp listener', smtp && (() => smtp.close())),
      part('http', () => closeHttp(app)),
      part('job worker', worker && (() => worker.stop())),
      part('audit anchoring', anchoring && (() => anchoring.stop())),
    ]);
    smtpPool?.close();
    await part('heartbeat', () => heartbeat.stop());
    await part('render threads', renderPool && (() => renderPool.close()));
    await part('database', () => runtime.close());
    ctx.logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * Stops the HTTP server once the requests in flight are answered. Fastify closes the idle keep-alive
 * connections when it starts closing, but a connection busy then stays open after its answer until the
 * client's keep-alive ends (Fastify's keepAliveTimeout is 72 s): close each one as soon as it falls idle.
 */
async function closeHttp(app: { close(): Promise<unknown>; server: { closeIdleConnections(): void } }) {
  const idle = setInterval(() => app.server.closeIdleConnections(), 50);
  try {
    await app.close();
  } finally {
    clearInterval(idle);
  }
}

/** The listener's key and certificate, read from their PEM files, or a clear error naming the file. */
function listenerTls(files: { keyFile: string; certFile: string } | undefined) {
  if (!files) return undefined;
  const read = (file: string, setting: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new CliError(`${setting}: cannot read ${file}: ${(error as Error).message}`, EXIT.usage);
    }
  };
  return { key: read(files.keyFile, 'SMTP_TLS_KEY_FILE'), cert: read(files.certFile, 'SMTP_TLS_CERT_FILE') };
}
