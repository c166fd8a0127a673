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

  privacy
    .command('purge')
    .description(
      'Anonymise the personal data of complaints past retention (procedure retention.monthsAfterClosure, ' +
        'default 72 months after closure, never less than 12 months after an ADR letter), and of customers ' +
        'none of whose complaints remain; the management figures stay. The worker runs it daily.',
    )
    .option('--dry-run', 'list what would change (CRNs, record counts) and write nothing')
    .action((options: { dryRun?: boolean }) =>
      withRuntime(async ({ ctx }) => {
        const { purgePersonalData } = await import('../app/purge-personal-data.ts');
        const report = await purgePersonalData(ctx, { dryRun: options.dryRun === true });
        const verb = report.dryRun ? 'would anonymise' : 'anonymised';
        process.stdout.write(
          `retention: ${report.retentionMonths} months after closure; complaints closed before ${report.closedBefore}\n`,
        );
        for (const c of report.complaints) {
          const r = c.records;
          process.stdout.write(
            `  ${c.reference}  closed ${c.closedAt.slice(0, 10)}, kept until ${c.keptUntil}: ${r.contacts} contact(s), ` +
              `${r.notes} note(s), ${r.emails} email(s), ${r.attachments} attachment(s), ${r.letters} letter(s), ` +
              `${r.uploads} upload(s), ${r.auditEvents} audit event(s)${c.customerCleared ? '; and the customer record' : ''}\n`,
          );
        }
        for (const reference of report.keptForAdr)
          process.stdout.write(`  ${reference}  kept: less than 12 months since its ADR letter\n`);
        process.stdout.write(
          `${verb} ${report.complaints.length} complaint(s) and ${report.customersCleared} customer record(s)` +
            (report.dryRun
              ? '; nothing was written\n'
              : `; ${report.documentsRemoved} document(s) removed from the store\n`),
        );
      }),
    );

  privacy
    .command('erase')
    .description(
      "Erase a customer's personal data now (an erasure request): the record and every complaint anonymised " +
        'as the purge would. Refused, with the reason, while a complaint of theirs is open or within 12 months ' +
        'of an ADR letter.',
    )
    .requiredOption('--customer <id>', 'the customer id')
    .action((options: { customer: string }) =>
      withRuntime(async ({ ctx }) => {
        const { eraseCustomer } = await import('../app/erase-customer.ts');
        const erased = await eraseCustomer(ctx, options.customer, { kind: 'system' });
        process.stdout.write(
          `customer ${erased.customerId} erased: ${erased.complaints.length} complaint(s) anonymised` +
            `${erased.complaints.length ? ` (${erased.complaints.join(', ')})` : ''}, ` +
            `${erased.documentsRemoved} document(s) removed from the store\n`,
        );
      }),
    );
}
