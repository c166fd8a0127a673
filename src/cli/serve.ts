/**
 * `redress serve`: the API, the job worker and the inbound SMTP listener (with the IMAP poller when IMAP_URL is
 * set) in one process, or any one of them (`--role web|worker|mail`) when they run as separate processes
 * against a shared database.
 */
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ensureFirstAdmin } from '../app/ensure-first-admin.ts';
import { jobHandlers } from '../app/job-handlers.ts';
import { pruneDoneJobs } from '../app/prune-done-jobs.ts';
import { ownAddresses } from '../app/send-customer-email.ts';
import { scheduleAdrSweep } from '../app/sweep-adr-clock.ts';
import { buildApp } from '../http/app.ts';
import { type AuditAnchoring, startAuditAnchoring } from '../jobs/audit-anchoring.ts';
import { startWorker, type Worker } from '../jobs/worker.ts';
import { type ImapPoller, startImapPoller } from '../mail/inbound/imap-poller.ts';
import { type SmtpListener, startSmtpListener } from '../mail/inbound/smtp-listener.ts';
import { createMetrics } from '../metrics/metrics.ts';
import { withQueryTiming } from '../metrics/query-timing.ts';
import { WEB_DIST } from '../web/build.ts';
import { CliError, EXIT } from './output.ts';
import { openRuntime } from './runtime.ts';

const ROLES = ['all', 'web', 'worker', 'mail'] as const;
type ServeRole = (typeof ROLES)[number];

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Run Redress: the HTTP API (PORT, default 3000), the job worker and the inbound SMTP listener ' +
        '(SMTP_PORT, default 2525), on the configured database',
    )
    .option('--role <role>', `what this process runs: ${ROLES.join(' | ')}`, 'all')
    .action(async (options: { role: string }) => {
      if (!ROLES.includes(options.role as ServeRole)) {
        throw new CliError(`--role must be one of ${ROLES.join(', ')}`);
      }
      const role = options.role as ServeRole;
      const runtime = await openRuntime();
      const { settings } = runtime;
      // One set of metrics per process: every query timed, mail counted, served at /metrics by the web role.
      const metrics = createMetrics();
      const ctx = { ...runtime.ctx, db: withQueryTiming(runtime.ctx.db, metrics), metrics };
      const admin = await ensureFirstAdmin(ctx);
      if (admin) {
        process.stdout.write(
          `\nFirst start: created the admin account ${admin.email}\n` +
            `One-time password: ${admin.password}\n` +
            `Sign in at ${settings.publicUrl}/staff: you will be asked to choose your own password at once. ` +
            'This one is not shown again.\n\n',
        );
      }
      // Bound before anything is announced, so a port in use stops the start with a clear error.
      let smtp: SmtpListener | undefined;
      if (role === 'all' || role === 'mail') {
        smtp = await startSmtpListener(ctx, {
          port: settings.mail.smtpPort,
          host: settings.host,
          maxBytes: settings.mail.maxBytes,
          ownAddresses: ownAddresses(ctx),
          newMessages: settings.mail.newMessages,
          tls: listenerTls(settings.mail.listenerTls),
          auth: settings.mail.listenerAuth,
        });
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
      if (role === 'all' || role === 'worker') {
        // Every minute, the heads of the audit chains changed since the last anchor (db/audit-anchors.ts).
        anchoring = startAuditAnchoring(ctx, { everyMs: 60_000 });
        await scheduleAdrSweep(ctx);
        worker = startWorker(ctx.db, jobHandlers(ctx), {
          now: ctx.now,
          owner: `${hostname()}:${process.pid}`,
          intervalMs: settings.workerIntervalMs,
          logger: ctx.logger,
          // Hourly: each run deletes a bounded number of rows, so a backlog clears over a few hours.
          prune: {
            everyMs: 3_600_000,
            run: () => pruneDoneJobs(ctx, { retentionDays: settings.jobRetentionDays }),
          },
        });
        if (role === 'worker') {
          process.stdout.write(
            `Redress worker running on ${ctx.db.dialect}, polling every ${settings.workerIntervalMs} ms\n`,
          );
        }
      }
      const app =
        role === 'worker' || role === 'mail'
          ? undefined
          : await buildApp(ctx, {
              publicUrl: settings.publicUrl,
              trustProxy: settings.trustProxy,
              metrics,
              metricsToken: settings.metricsToken,
            });
      if (app) {
        const address = await app.listen({ port: settings.port, host: settings.host });
        ctx.logger.info({ address, database: ctx.db.dialect }, 'Redress is listening');
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
      const shutdown = async (signal: string) => {
        ctx.logger.info({ signal }, 'shutting down');
        await imap?.stop();
        await smtp?.close();
        await app?.close();
        await worker?.stop();
        await anchoring?.stop();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });
}

/** The bare addresses of `Name <address>` settings, for the listener to recognise our own mail. */
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
