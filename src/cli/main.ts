/**
 * `redress`: the command line. Each command is thin: it reads its options, calls app/ and prints the result.
 * Exit codes: 0 done, 1 a check found problems, 2 bad usage or configuration, 3 an unexpected failure.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerAdminCommands } from './admin.ts';
import { registerConfigCommands } from './config.ts';
import { registerDataCommands } from './data.ts';
import { registerDocumentStoreCommands } from './document-store.ts';
import { registerDocumentCommands } from './documents.ts';
import { registerImportExportCommands } from './import-export.ts';
import { registerJobCommands } from './jobs.ts';
import { CliError, EXIT } from './output.ts';
import { registerPrivacyCommands } from './privacy.ts';
import { registerReportCommands } from './report.ts';
import { registerServeCommand } from './serve.ts';
import { registerWebCommands } from './web.ts';

const program = new Command('redress')
  .description(
    'Redress: complaint handling for UK communications providers. Settings come from environment variables ' +
      '(PORT, HOST, DATA_DIR, DATABASE_URL, PUBLIC_URL, PROCEDURE_FILE, LOG_LEVEL, WORKER_INTERVAL_MS, SQLITE_READERS, JOB_RETENTION_DAYS, METRICS_TOKEN, TRUST_PROXY, DOCUMENT_STORE, S3_*, SMTP_*, MAIL_*, IMAP_*, SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN, SMS_FROM): see the README.',
  )
  .version(
    (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
      .version,
  )
  .showHelpAfterError()
  .exitOverride();

registerServeCommand(program);
registerDataCommands(program);
registerJobCommands(program);
registerDocumentCommands(program);
registerDocumentStoreCommands(program);
registerImportExportCommands(program);
registerReportCommands(program);
registerPrivacyCommands(program);
registerConfigCommands(program);
registerAdminCommands(program);
registerWebCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : EXIT.usage;
  } else if (error instanceof CliError) {
    process.stderr.write(`redress: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`redress: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT.failure;
  }
}
