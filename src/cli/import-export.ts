/** `redress import FILE.csv` and `redress export complaints --out FILE`. */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import type { ImportProgress, RejectedRow } from '../app/import-complaints.ts';
import { SORTS, type Sort } from '../app/list-complaints.ts';
import { QUEUE_IDS, type QueueId } from '../app/queues.ts';
import { readImportMapping, SHIPPED_MAPPINGS } from '../config/import-mapping.ts';
import { IMPORT_COLUMNS } from '../domain/historical-complaint.ts';
import { CliError, EXIT } from './output.ts';
import { withRuntime } from './with-runtime.ts';

/** Rejected rows printed when there is no --report (all of them are in the report). */
const PRINTED = 50;

const COLUMNS_HELP = Object.entries(IMPORT_COLUMNS)
  .map(([name, what]) => `  ${name.padEnd(20)} ${what}`)
  .join('\n');

const IMPORT_HELP = `
Columns (a header row names them, in any order; other columns are ignored):
${COLUMNS_HELP}

Dates: 2025-03-14 or 14/03/2025 (day first), with a time (14:05) or not, in London time; or ISO 8601 with
a zone (2025-03-14T14:05:00Z). The CRN is issued here, numbered in the year each complaint was received.

A mapping (--mapping zendesk, osticket, or a JSON file of your own) names the file's columns for ours and maps
its values to ours; see the README, "Importing complaints".

What an import starts: no acknowledgement and no email, letter or text to anyone. An open complaint without an
ADR letter gets its ADR clock (the time-limit check at its ADR date and the staff warnings still ahead); one
already past its limit gets its ADR letter from the worker at once (give adr_letter_on for those that had one).
A complaint at deadlock gets the close at the end of its ADR window. A closed one gets nothing.

Each row is written whole or not at all. Run it again with the same file and source: rows already imported are
skipped. Exit codes: 0 every row imported (or already), 1 some rows rejected, 2 bad usage or a file that cannot
be read as a whole, 3 an unexpected failure.`;

export function registerImportExportCommands(program: Command): void {
  program
    .command('import')
    .description(
      'Bring in historical complaints from a CSV file, from a spreadsheet or another helpdesk’s export',
    )
    .argument('<file>', 'the CSV file (UTF-8, comma-separated, a header row)')
    .option('--mapping <name-or-file>', `a mapping: ${SHIPPED_MAPPINGS.join(', ')}, or a JSON file`)
    .option(
      '--source <name>',
      'the system the file comes from, for each row’s key (default: the mapping’s, else csv)',
    )
    .option('--dry-run', 'read and check every row; write nothing', false)
    .option('--report <file>', 'write the rejected rows, with line numbers and reasons, to this CSV file')
    .addHelpText('after', IMPORT_HELP)
    .action(
      (file: string, options: { mapping?: string; source?: string; dryRun: boolean; report?: string }) =>
        withRuntime(async ({ ctx }) => {
          let mapping: Awaited<ReturnType<typeof readImportMapping>> | undefined;
          if (options.mapping) {
            mapping = await readImportMapping(options.mapping);
            if (!mapping.ok) {
              throw new CliError(`${options.mapping} is not a mapping:\n  ${mapping.problems.join('\n  ')}`);
            }
          }
          let size: number;
          try {
            size = statSync(file).size;
          } catch (error) {
            throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
          }
          const bar = progressBar(size);
          const { importComplaints } = await import('../app/import-complaints.ts');
          let result: Awaited<ReturnType<typeof importComplaints>>;
          try {
            result = await importComplaints(ctx, createReadStream(file), {
              source: options.source,
              mapping: mapping?.ok ? mapping.mapping : undefined,
              dryRun: options.dryRun,
              onProgress: bar.update,
            });
          } catch (error) {
            bar.done();
            // csv-parse's own errors (an unclosed quote, say) name the line; the file cannot be read on.
            if ((error as { code?: string }).code?.startsWith('CSV_')) {
              throw new CliError(`${file} is not readable as CSV: ${(error as Error).message}`);
            }
            throw error;
          }
          bar.done();
          const verb = result.dryRun ? 'would import' : 'imported';
          process.stdout.write(
            `${verb} ${result.imported} of ${result.rows} rows from ${result.source}: ` +
              `${result.alreadyImported} already imported, ${result.rejected.length} rejected\n`,
          );
          if (options.report) {
            await writeReport(options.report, result.rejected);
            process.stdout.write(`rejected rows written to ${options.report}\n`);
          } else {
            for (const r of result.rejected.slice(0, PRINTED)) process.stdout.write(`  ${describe(r)}\n`);
            if (result.rejected.length > PRINTED) {
              process.stdout.write(
                `  … and ${result.rejected.length - PRINTED} more: use --report FILE for all\n`,
              );
            }
          }
          if (result.rejected.length) process.exitCode = EXIT.problems;
        }),
    );

  program
    .command('export')
    .description('Export data')
    .command('complaints')
    .description(
      'Write a complaint list as CSV, as the staff list’s "Download CSV" does: the same columns (no customer ' +
        'name, contact details or words) and filters, streamed',
    )
    .requiredOption('--out <file>', 'where to write the CSV; must not exist')
    .option('--queue <id>', `a queue: ${QUEUE_IDS.join(', ')}`)
    .option('--stage <stages>', 'comma-separated stages')
    .option('--category <categories>', 'comma-separated categories')
    .option('--open <yes-or-no>', 'only open (yes) or closed (no) complaints')
    .option('--q <words>', 'words to search for')
    .option('--sort <sort>', `${SORTS.filter((s) => s !== 'relevance').join(', ')} (default received)`)
    .option('--order <order>', 'asc or desc')
    .action(
      (options: {
        out: string;
        queue?: string;
        stage?: string;
        category?: string;
        open?: string;
        q?: string;
        sort?: string;
        order?: string;
      }) =>
        withRuntime(async ({ ctx }) => {
          const { queue, sort, order, open } = options;
          if (queue && !(QUEUE_IDS as readonly string[]).includes(queue))
            throw new CliError(`--queue ${queue}?`);
          if (sort && !(SORTS as readonly string[]).includes(sort)) throw new CliError(`--sort ${sort}?`);
          if (order && order !== 'asc' && order !== 'desc') throw new CliError(`--order ${order}?`);
          if (open && !['yes', 'no'].includes(open)) throw new CliError('--open takes yes or no');
          const stage = options.stage?.split(',') as never;
          const category = options.category?.split(',') as never;
          // Queues that name "me" have no one here: the export runs as no member of staff.
          const { exportComplaintsCsv } = await import('../app/export-complaints.ts');
          const csv = exportComplaintsCsv(
            ctx,
            {
              queue: queue as QueueId | undefined,
              stage,
              category,
              open: open === undefined ? undefined : open === 'yes',
              text: options.q,
              sort: sort as Sort | undefined,
              order: order as 'asc' | 'desc' | undefined,
            },
            'nobody',
          );
          try {
            await pipeline(csv, createWriteStream(options.out, { flags: 'wx' }));
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
              throw new CliError(`${options.out} already exists; choose a new file`);
            }
            throw error;
          }
          process.stdout.write(`complaints written to ${options.out}\n`);
        }),
    );
}

function describe(r: RejectedRow): string {
  return `line ${r.line}${r.externalId ? ` (${r.externalId})` : ''}: ${r.reasons.join('; ')}`;
}

async function writeReport(file: string, rejected: RejectedRow[]): Promise<void> {
  const { stringify } = await import('csv-stringify/sync');
  const text = stringify(
    rejected.map((r) => [r.line, r.externalId ?? '', r.reasons.join('; ')]),
    { header: true, columns: ['line', 'external_id', 'reasons'] },
  );
  try {
    await pipeline(
      (async function* () {
        yield text;
      })(),
      createWriteStream(file),
    );
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${(error as Error).message}`, EXIT.failure);
  }
}

/** A bar redrawn in place on a terminal; elsewhere (a log, a pipe), a plain line every few seconds. */
function progressBar(size: number) {
  const tty = process.stderr.isTTY === true;
  const every = tty ? 100 : 5000;
  let last = 0;
  let shown = false;
  const line = (p: ImportProgress) => {
    const share = size > 0 ? Math.min(1, p.bytes / size) : 1;
    const counts = `${p.rows} rows: ${p.imported} imported, ${p.alreadyImported} already, ${p.rejected} rejected`;
    if (!tty) return `import: ${Math.round(share * 100)}% ${counts}\n`;
    const width = 30;
    const filled = Math.round(share * width);
    return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${counts}`;
  };
  let latest: ImportProgress | undefined;
  return {
    update(p: ImportProgress) {
      latest = p;
      const now = Date.now();
      if (now - last < every) return;
      last = now;
      shown = true;
      process.stderr.write(line(p));
    },
    done() {
      if (latest && (shown || tty)) process.stderr.write(line(latest));
      if (tty && latest) process.stderr.write('\n');
    },
  };
}
