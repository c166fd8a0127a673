/** `redress migrate | audit verify | backup | restore | demo`. */
import type { Command } from 'commander';
import { backup } from '../app/backup.ts';
import { AppError } from '../app/errors.ts';
import { loadDemo } from '../app/load-demo.ts';
import { restoreBackup } from '../app/restore-backup.ts';
import { readSettings } from '../config/env.ts';
import { verifyAuditChain } from '../db/audit.ts';
import { CliError, EXIT, formatProblems } from './output.ts';
import { withRuntime } from './with-runtime.ts';

export function registerDataCommands(program: Command): void {
  program
    .command('migrate')
    .description('Bring the database schema up to date (serve also does this at start)')
    .action(() =>
      withRuntime(async () => {
        process.stdout.write('database is up to date\n');
      }),
    );

  program
    .command('audit')
    .description('The audit trail')
    .command('verify')
    .description('Check the hash chain of audit events; exits 1 and lists every edited or deleted row')
    .action(() =>
      withRuntime(async ({ ctx }) => {
        const result = await verifyAuditChain(ctx.db.kysely);
        if (result.ok) {
          process.stdout.write(`audit trail intact: ${result.checked} events checked\n`);
          return;
        }
        process.stdout.write(
          `audit trail damaged: ${result.problems.length} problem(s) in ${result.checked} events\n`,
        );
        for (const p of result.problems) process.stdout.write(`  seq ${p.seq}: ${p.kind}: ${p.detail}\n`);
        process.exitCode = EXIT.problems;
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
        const done = await backup(ctx, file);
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
        const done = await restoreBackup({ databaseUrl, dataDir }, file, { force: options.force });
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
        const loaded = await loadDemo(ctx);
        process.stdout.write(
          `demo data: ${loaded.complaints} complaints; staff (password ${loaded.password}):\n`,
        );
        for (const u of loaded.users) process.stdout.write(`  ${u.email}  ${u.roles.join(', ')}\n`);
      }),
    );
}
