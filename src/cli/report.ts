/** `redress report`: the monthly management report as a file. */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { lastMonth, monthlyReportFile, REPORT_FORMATS, type ReportFormat } from '../app/monthly-report.ts';
import { CliError, EXIT } from './output.ts';
import { withRuntime } from './with-runtime.ts';

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description(
      'Write the monthly complaints management report (the dashboard’s figures for a month beside the month before, with root causes, satisfaction, remedies and the improvements completed) as PDF or XLSX',
    )
    .option('--month <YYYY-MM>', 'the month (default: last month)')
    .requiredOption('--out <file>', 'where to write it; must not exist')
    .option('--format <format>', `${REPORT_FORMATS.join(' or ')} (default: from the file name's extension)`)
    .action((options: { month?: string; out: string; format?: string }) =>
      withRuntime(async ({ ctx }) => {
        const format = reportFormat(options.format, options.out);
        const month = options.month ?? lastMonth(ctx.now());
        const file = await monthlyReportFile(ctx, month, format);
        try {
          await writeFile(options.out, file.bytes, { flag: 'wx' });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EEXIST') throw new CliError(`${options.out} already exists; choose a new file`);
          throw new CliError(`cannot write ${options.out}: ${(error as Error).message}`, EXIT.failure);
        }
        process.stdout.write(`report for ${month} written to ${options.out} (${file.bytes.length} bytes)\n`);
      }),
    );
}

function reportFormat(option: string | undefined, out: string): ReportFormat {
  const wanted = (option ?? extname(out).slice(1)).toLowerCase();
  if ((REPORT_FORMATS as readonly string[]).includes(wanted)) return wanted as ReportFormat;
  throw new CliError(
    option
      ? `--format must be ${REPORT_FORMATS.join(' or ')}, not "${option}"`
      : `cannot tell the format from "${out}": name the file .pdf or .xlsx, or give --format`,
  );
}
