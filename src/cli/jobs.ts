/** `redress jobs run [--until DATE] | jobs prune`. */
import { appendFile, mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import type { AppContext, SmsSender } from '../app/context.ts';
import { pruneDoneJobs } from '../app/prune-done-jobs.ts';
import type { DrillReport } from '../app/run-jobs-until.ts';
import { liveServers } from '../app/serve-heartbeat.ts';
import { addDays, isLocalDate, startOfLondonDay } from '../domain/time.ts';
import { CliError, EXIT } from './output.ts';
import { withRuntime } from './with-runtime.ts';

export function registerJobCommands(program: Command): void {
  const jobs = program.command('jobs').description('The job queue');
  jobs
    .command('run')
    .description(
      'Run every job that is due now, once, and exit (for cron-style deployments and tests). With --until, ' +
        'a clock drill: every job due up to DATE runs with the clock set to its due time, in order (timers, ' +
        'the hourly ADR sweep, and the letters and emails they cause), then what ran is reported by kind. ' +
        'Run a drill on a copy of the database (`redress backup`, then `redress restore` into another ' +
        'DATA_DIR or DATABASE_URL): it is refused, exit 2, on a database a `redress serve` is using. A ' +
        "drill's emails and texts go to DATA_DIR/drill-mailbox, never to customers. Exits 1 if a job failed.",
    )
    .option(
      '--until <date>',
      'a London date (YYYY-MM-DD: up to the end of that day) or an ISO instant (2027-01-05T09:00:00Z)',
      parseUntil,
    )
    .option('--force', 'run the drill even on a database a `redress serve` is using', false)
    .action((options: { until?: Date; force: boolean }) =>
      withRuntime(async ({ ctx, settings }) => {
        if (!options.until) {
          if (options.force) throw new CliError('--force only goes with --until');
          await runDueNow(ctx);
          return;
        }
        const live = await liveServers(ctx, new Date());
        if (live.length > 0 && !options.force) {
          const server = live[0];
          throw new CliError(
            `this database is in use: redress serve (${server?.role}) on ${server?.host}, pid ${server?.pid}, ` +
              `was running ${Math.round((Date.now() - Date.parse(server?.beatAt ?? '')) / 1000)} s ago. ` +
              'Run the drill on a copy (redress backup, then redress restore into another DATA_DIR or ' +
              'DATABASE_URL); a copy taken just now is usable 30 s after it was taken; --force runs it here.',
          );
        }
        const mailbox = join(settings.dataDir, 'drill-mailbox');
        const drill: AppContext = {
          ...ctx,
          mail: { ...ctx.mail, smtpUrl: undefined, mailboxDir: mailbox },
          sms: ctx.sms && textsTo(mailbox),
        };
        const { runJobsUntil } = await import('../app/run-jobs-until.ts');
        const progress = progressLine();
        const report = await runJobsUntil(drill, options.until, { onStep: progress.step });
        progress.end();
        process.stdout.write(describe(report, mailbox));
        if (report.failed > 0) process.exitCode = EXIT.problems;
      }),
    );
  jobs
    .command('prune')
    .description(
      'Delete done jobs that finished more than JOB_RETENTION_DAYS (default 30) days ago, in batches; ' +
        'failed jobs are kept. The worker of `serve` also does this every hour.',
    )
    .option('--days <days>', 'keep done jobs this many days instead of JOB_RETENTION_DAYS', parseDays)
    .action((options: { days?: number }) =>
      withRuntime(async ({ ctx, settings }) => {
        const retentionDays = options.days ?? settings.jobRetentionDays;
        let deleted = 0;
        // Until none is left: the use case stops after a bounded number of batches.
        for (;;) {
          const run = await pruneDoneJobs(ctx, { retentionDays });
          deleted += run.deleted;
          if (run.deleted === 0) {
            process.stdout.write(
              `jobs: ${deleted} done job(s) deleted that finished before ${run.before.toISOString()}\n`,
            );
            return;
          }
        }
      }),
    );
}

async function runDueNow(ctx: AppContext): Promise<void> {
  // Every job's code (letters, mail, reports) loads only for the commands that run jobs.
  const [
    { scheduleAdrSweep },
    { scheduleMonthlyReport },
    { schedulePrivacyPurge },
    { runDueJobs },
    { jobHandlers },
  ] = await Promise.all([
    import('../app/sweep-adr-clock.ts'),
    import('../app/send-monthly-report.ts'),
    import('../app/purge-personal-data.ts'),
    import('../jobs/worker.ts'),
    import('../app/job-handlers.ts'),
  ]);
  await scheduleAdrSweep(ctx);
  await scheduleMonthlyReport(ctx);
  await schedulePrivacyPurge(ctx);
  const summary = await runDueJobs(ctx.db, jobHandlers(ctx), {
    now: ctx.now,
    owner: `${hostname()}:${process.pid}:cli`,
  });
  process.stdout.write(
    `jobs: ${summary.claimed} claimed, ${summary.done} done, ${summary.retried} to retry, ${summary.failed} failed\n`,
  );
  if (summary.failed > 0) process.exitCode = EXIT.problems;
}

/** A London date means up to the last moment of that day; an instant must say its zone. */
export function parseUntil(value: string): Date {
  if (isLocalDate(value)) return new Date(startOfLondonDay(addDays(value, 1)).getTime() - 1);
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
    ? new Date(value)
    : undefined;
  if (!instant || Number.isNaN(instant.getTime()))
    throw new InvalidArgumentError(
      'must be a London date (2027-01-05) or an ISO instant with its zone (2027-01-05T09:00:00Z)',
    );
  return instant;
}

/** Texts a drill "sends": one JSON line each in the drill mailbox, so the run behaves as with a gateway. */
function textsTo(mailbox: string): SmsSender {
  return {
    async send(message) {
      await mkdir(mailbox, { recursive: true });
      await appendFile(join(mailbox, 'texts.jsonl'), `${JSON.stringify(message)}\n`);
      return { id: null };
    },
  };
}

/** On a terminal, the drill's clock and count on one line of stderr, redrawn at most twice a second. */
function progressLine() {
  const tty = process.stderr.isTTY === true;
  let drawn = 0;
  return {
    step(clock: Date, report: DrillReport) {
      if (!tty || Date.now() - drawn < 500) return;
      drawn = Date.now();
      process.stderr.write(`\rdrill: clock at ${clock.toISOString()}, ${report.claimed} jobs run`);
    },
    end() {
      if (tty && drawn > 0) process.stderr.write('\n');
    },
  };
}

function describe(report: DrillReport, mailbox: string): string {
  const lines = [
    `drill: clock from ${report.from.toISOString()} to ${report.until.toISOString()}`,
    `jobs: ${report.claimed} run, ${report.done} done, ${report.retried} to retry, ${report.failed} failed`,
  ];
  if (report.first && report.last) {
    lines.push(`first at ${report.first.toISOString()}, last at ${report.last.toISOString()}`);
  }
  const kinds = Object.keys(report.byKind).sort();
  const width = Math.max(0, ...kinds.map((k) => k.length));
  for (const kind of kinds) {
    const count = report.byKind[kind];
    if (!count) continue;
    lines.push(
      `  ${kind.padEnd(width)}  ${String(count.ran).padStart(7)}  first ${count.first.toISOString()}  last ${count.last.toISOString()}`,
    );
  }
  lines.push(`emails and texts of the drill: ${mailbox} (none sent)`);
  return `${lines.join('\n')}\n`;
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1)
    throw new InvalidArgumentError('must be a whole number of days, at least 1');
  return days;
}
