/** `redress privacy export | purge | erase`: the customer's rights under UK GDPR, and retention. */
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { CliError, EXIT } from './output.ts';
import { withRuntime } from './with-runtime.ts';

export function registerPrivacyCommands(program: Command): void {
  const privacy = program
    .command('privacy')
    .description('Personal data: subject access export, retention purge, erasure (see docs/PRIVACY.md)');

  privacy
    .command('export')
    .description(
      'Write everything held about a customer (subject access) as a ZIP: the record, complaints, contacts, ' +
        'emails, letters, attachments, uploads, surveys, portal sign-ins and audit entries',
    )
    .requiredOption('--customer <id>', 'the customer id')
    .requiredOption('--out <file>', 'where to write the ZIP; must not exist')
    .action((options: { customer: string; out: string }) =>
      withRuntime(async ({ ctx }) => {
        const { exportPersonalData } = await import('../app/export-personal-data.ts');
        let out: ReturnType<typeof createWriteStream>;
        try {
          out = createWriteStream(options.out, { flags: 'wx' });
          await new Promise<void>((resolve, reject) =>
            out.once('open', () => resolve()).once('error', reject),
          );
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EEXIST') throw new CliError(`${options.out} already exists; choose a new file`);
          throw new CliError(`cannot write ${options.out}: ${(error as Error).message}`, EXIT.failure);
        }
        try {
          const file = await exportPersonalData(ctx, options.customer, { kind: 'system' });
          await pipeline(file.stream, out);
          process.stdout.write(
            `personal data of customer ${options.customer} written to ${options.out} ` +
              `(${file.complaints} complaint(s), ${file.documents} document(s), ${out.bytesWritten} bytes)\n`,
          );
        } catch (error) {
          out.destroy();
          await unlink(options.out).catch(() => undefined);
          throw error;
        }
      }),
    );
}
