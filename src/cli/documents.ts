/** `redress adr audit | case-file`. */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseUntil } from './jobs.ts';
import { CliError, EXIT } from './output.ts';
import { withRuntime } from './with-runtime.ts';

export function registerDocumentCommands(program: Command): void {
  program
    .command('adr')
    .description('The ADR letters')
    .command('audit')
    .description(
      'List every complaint whose ADR letter is missing, late or was never sent; exits 1 if there is any',
    )
    .option(
      '--as-of <date>',
      'audit as if it were then (a London date: its end; or an ISO instant), e.g. after a clock drill',
      parseUntil,
    )
    .action((options: { asOf?: Date }) =>
      withRuntime(async ({ ctx }) => {
        const asOf = options.asOf;
        const findings = await (await import('../app/audit-adr-letters.ts')).auditAdrLetters(
          asOf ? { ...ctx, now: () => asOf } : ctx,
        );
        if (findings.length === 0) {
          process.stdout.write('ADR letters: none missing or late\n');
          return;
        }
        process.stdout.write(`ADR letters: ${findings.length} problem(s)\n`);
        for (const f of findings) process.stdout.write(`  ${f.reference}  ${f.kind}: ${f.detail}\n`);
        process.exitCode = EXIT.problems;
      }),
    );

  program
    .command('case-file')
    .description(
      'Write the ombudsman case file (ZIP) of a complaint: PDF, emails, letters, attachments, JSON',
    )
    .argument('<reference>', 'the Complaint Reference Number')
    .requiredOption('--out <file>', 'where to write the ZIP; must not exist')
    .action((reference: string, options: { out: string }) =>
      withRuntime(async ({ ctx }) => {
        const file = await (await import('../app/export-case-file.ts')).exportCaseFile(ctx, reference, {
          kind: 'system',
        });
        try {
          await writeFile(options.out, file.zip, { flag: 'wx' });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EEXIST') throw new CliError(`${options.out} already exists; choose a new file`);
          throw new CliError(`cannot write ${options.out}: ${(error as Error).message}`, EXIT.failure);
        }
        process.stdout.write(
          `case file for ${reference} written to ${options.out} (${file.zip.length} bytes)\n`,
        );
      }),
    );
}
