/** `redress documents move-out | check`: the document store (DATA_DIR/documents, or DOCUMENT_STORE=s3://…). */
import type { Command } from 'commander';
import { CliError, EXIT } from './output.ts';
import { withRuntime } from './with-runtime.ts';

function parseRows(value: string): number {
  const rows = Number(value);
  if (!Number.isInteger(rows) || rows < 1 || rows > 10_000) {
    throw new CliError(`--batch must be a whole number from 1 to 10000, not ${value}`, EXIT.usage);
  }
  return rows;
}

export function registerDocumentStoreCommands(program: Command): void {
  const documents = program
    .command('documents')
    .description(
      'The document store holding letters, email attachments and uploads: files under DATA_DIR/documents, ' +
        'or an S3-compatible bucket (DOCUMENT_STORE=s3://BUCKET/PREFIX with S3_ENDPOINT, S3_REGION)',
    );

  documents
    .command('move-out')
    .description(
      'Move the bytes of documents stored before the document store existed out of the database, a batch ' +
        'at a time (each is written to the store and fsynced before its row is emptied). Safe to stop and ' +
        'to run again, also while Redress serves: documents are served from the row until moved.',
    )
    .option('--batch <rows>', 'rows per batch (default 100)', parseRows)
    .action((options: { batch?: number }) =>
      withRuntime(async ({ ctx }) => {
        const report = await (await import('../app/move-documents-out.ts')).moveDocumentsOut(ctx, {
          batchRows: options.batch,
          onBatch: (table, moved) => process.stderr.write(`  ${table}: ${moved} moved\n`),
        });
        const { documents: letters, email_attachments, uploads } = report.moved;
        process.stdout.write(
          `moved to ${ctx.documents.location}: ${letters} letters, ${email_attachments} email attachments, ` +
            `${uploads} uploads\n`,
        );
        if (report.corrupt.length) {
          process.stdout.write(`left in the database, their bytes failing their sha256:\n`);
          for (const c of report.corrupt) process.stdout.write(`  ${c.table} ${c.id}\n`);
          process.exitCode = EXIT.problems;
        }
      }),
    );

  documents
    .command('check')
    .description(
      'Check that every document a row names is in the store (after restoring a backup, or moving the ' +
        'store); --verify also reads each one back and checks its sha256. Exits 1 when any is missing or corrupt.',
    )
    .option('--verify', 'read and hash every document, not only look it up', false)
    .action((options: { verify: boolean }) =>
      withRuntime(async ({ ctx }) => {
        const check = await (await import('../app/check-documents.ts')).checkDocuments(ctx, {
          verify: options.verify,
        });
        const left = await (await import('../app/move-documents-out.ts')).documentsLeftInDatabase(ctx);
        const inDb = left.documents + left.email_attachments + left.uploads;
        process.stdout.write(
          `documents: ${check.checked} checked in ${ctx.documents.location}` +
            (inDb ? `; ${inDb} still in the database (redress documents move-out)` : '') +
            `; ${check.problems.length} missing or corrupt\n`,
        );
        for (const p of check.problems) {
          process.stdout.write(`  ${p.table} ${p.id}: ${p.problem} (${p.sha256})\n`);
        }
        if (check.problems.length) process.exitCode = EXIT.problems;
      }),
    );
}
