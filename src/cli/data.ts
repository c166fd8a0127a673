/** `redress migrate | audit verify | audit anchor | backup | restore | demo`. */
import type { Command } from 'commander';
import { AppError } from '../app/errors.ts';
import { readSettings } from '../config/env.ts';
import { CliError, EXIT, formatProblems } from './output.ts';
import { withRuntime } from './with-runtime.ts';

export function registerDataCommands(program: Command): void {
  program
    .command('migrate')
    .description(
      "Bring the database schema up to date (serve also does this at start), then the query planner's " +
        'statistics (SQLite: PRAGMA optimize; PostgreSQL analyzes by itself)',
    )
    .action(() =>
      withRuntime(async ({ ctx }) => {
        const { changed } = await (await import('../app/keep-statistics.ts')).keepStatistics(ctx);
        process.stdout.write(`database is up to date${changed ? '; planner statistics updated' : ''}\n`);
      }),
    );

  const audit = program.command('audit').description('The audit trail');
  audit
    .command('verify')
    .description(
      'Check every audit chain (one per complaint, one for events about no complaint, one for events before ' +
        'the chains were per complaint) and every anchor; exits 1 and lists every edited, deleted or truncated ' +
        'row or anchor. Prints the latest anchor: its hash, kept elsewhere, makes later truncation detectable',
    )
    .action(() =>
      withRuntime(async ({ ctx }) => {
        const result = await (await import('../db/audit.ts')).verifyAuditChain(ctx.db.kysely);
        const anchor = result.latestAnchor;
        const latest = anchor
          ? `; latest anchor ${anchor.seq} at ${anchor.at}: ${anchor.hash}`
          : '; no anchor yet';
        const scope = `${result.checked} events checked in ${result.chains} chains, ${result.anchors} anchors${latest}`;
        if (result.ok) {
          process.stdout.write(`audit trail intact: ${scope}\n`);
          return;
        }
        process.stdout.write(`audit trail damaged: ${result.problemCount} problem(s) in ${scope}\n`);
        for (const p of result.problems)
          process.stdout.write(
            `  chain ${p.chain}${p.seq === null ? '' : ` seq ${p.seq}`}: ${p.kind}: ${p.detail}\n`,
          );
        if (result.problemCount > result.problems.length)
          process.stdout.write(`  … and ${result.problemCount - result.problems.length} more\n`);
        process.exitCode = EXIT.problems;
      }),
    );
  audit
    .command('anchor')
    .description(
      'Anchor now the audit chains changed since the last anchor (the worker of `serve` does it every minute) ' +
        'and print the latest anchor',
    )
    .action(() =>
      withRuntime(async ({ ctx }) => {
        const written = await (await import('../app/anchor-audit-trail.ts')).anchorAuditTrail(ctx, {
          maxAnchors: Number.POSITIVE_INFINITY,
        });
        const latest =
          written.at(-1) ?? (await (await import('../db/audit-anchors.ts')).latestAuditAnchor(ctx.db.kysely));
        const chains = written.reduce((n, a) => n + a.chains, 0);
        process.stdout.write(
          written.length > 0
            ? `audit anchored: ${written.length} anchor(s) of ${chains} changed chain(s)\n`
            : 'audit anchored: no chain changed since the last anchor\n',
        );
        if (latest) process.stdout.write(`latest anchor ${latest.seq} at ${latest.at}: ${latest.hash}\n`);
      }),
    );

  program
    .command('backup')
    .description(
      'Write a consistent copy of the database to a new file (SQLite: a database file; PostgreSQL: JSON lines). ' +
        'Documents (letters, attachments, uploads) are not in it: copy the document store after it ' +
        '(DATA_DIR/documents, or the bucket); taken in that order, the copy holds every document the backup names',
    )
    .argument('<file>', 'where to write it; must not exist')
    .action((file: string) =>
      withRuntime(async ({ ctx }) => {
        const done = await (await import('../app/backup.ts')).backup(ctx, file);
        const rows = done.rows === undefined ? '' : `, ${done.rows} rows`;
        process.stdout.write(`backup written to ${done.file} (${done.format}${rows})\n`);
        process.stdout.write(`now copy the document store, ${ctx.documents.location}, beside it\n`);
      }),
    );

  program
    .command('restore')
    .description(
      'Restore a backup made by `redress backup` into the configured database, then bring its schema up to ' +
        'date. A SQLite backup file replaces DATA_DIR/redress.sqlite (copied to a temporary file beside it, ' +
        'fsynced and renamed into place): stop every Redress process using it first; restore refuses while ' +
        'one has it open. A JSON-lines backup loads into the PostgreSQL database of DATABASE_URL in one ' +
        'transaction; use a new, empty database when the backup comes from an older schema. A database that ' +
        'already holds complaints or users is refused (exit 2, nothing written) unless --force. Put the ' +
        "document store's copy back too (DATA_DIR/documents, or DOCUMENT_STORE) and run `redress documents check`.",
    )
    .argument('<file>', 'the backup file')
    .option('--force', 'replace a database that already holds complaints or users', false)
    .action(async (file: string, options: { force: boolean }) => {
      // Not withRuntime: that opens, migrates and seeds the database this command is about to replace.
      const read = readSettings(process.env);
      if (!read.ok) throw new CliError(formatProblems('The environment', read.problems), EXIT.usage);
      const { databaseUrl, dataDir } = read.settings;
      try {
        const done = await (await import('../app/restore-backup.ts')).restoreBackup(
          { databaseUrl, dataDir },
          file,
          { force: options.force },
        );
        const rows = done.rows === undefined ? '' : `, ${done.rows} rows`;
        process.stdout.write(`restored ${file} (${done.format}${rows}); the schema is up to date\n`);
      } catch (error) {
        if (error instanceof AppError) throw new CliError(error.message, EXIT.usage);
        throw error;
      }
    });

  program
    .command('demo')
    .description('Fill the database with demo staff and complaints at every stage, to look around')
    .action(() =>
      withRuntime(async ({ ctx }) => {
        const loaded = await (await import('../app/load-demo.ts')).loadDemo(ctx);
        process.stdout.write(
          `demo data: ${loaded.complaints} complaints; staff (password ${loaded.password}):\n`,
        );
        for (const u of loaded.users) process.stdout.write(`  ${u.email}  ${u.roles.join(', ')}\n`);
      }),
    );
}
