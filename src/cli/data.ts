/** `redress migrate | audit verify | audit anchor | audit checkpoint | audit rotate-key | backup | restore | demo`. */
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
        'the chains were per complaint) and every anchor, with the audit keys (AUDIT_KEY or the key file); ' +
        'exits 1 and lists every edited, deleted or truncated row or anchor. Prints the latest anchor. With ' +
        '--checkpoints, also holds the trail to the signed checkpoint file: proves nothing up to the latest ' +
        'checkpoint was changed or removed, and reports rows or anchors missing after it as truncation',
    )
    .option('--checkpoints <file>', 'the checkpoint file (DATA_DIR/audit-checkpoints.jsonl, or a copy of it)')
    .action((options: { checkpoints?: string }) =>
      withRuntime(async ({ ctx }) => {
        if (options.checkpoints) {
          const found = await (await import('../app/verify-audit-checkpoints.ts')).verifyAuditCheckpoints(
            ctx,
            options.checkpoints,
          );
          const t = found.trail;
          const latest = found.latest
            ? `latest checkpoint ${found.latest.seq} at ${found.latest.at} sealing anchor ${found.latest.anchorSeq}` +
              `${found.unsealedAnchors ? `; ${found.unsealedAnchors} anchor(s) since, not sealed yet` : ''}`
            : 'no checkpoint';
          const scope =
            `${t.checked} events checked in ${t.chains} chains, ${t.anchors} anchors, ${found.checkpoints} ` +
            `checkpoint(s) signed by ${found.signingKeys} key(s) (first ${found.firstSigningKey ?? 'none'}); ${latest}`;
          if (found.ok) {
            process.stdout.write(`audit trail intact up to the latest checkpoint and after: ${scope}\n`);
            return;
          }
          process.stdout.write(`audit trail NOT intact: ${scope}\n`);
          if (found.tampering.length) {
            process.stdout.write(`TAMPERING: ${found.tampering.length} finding(s)\n`);
            for (const line of found.tampering) process.stdout.write(`  ${line}\n`);
          }
          if (found.truncation.length) {
            process.stdout.write(
              `TRUNCATED after the latest checkpoint: ${found.truncation.length} finding(s)\n`,
            );
            for (const line of found.truncation) process.stdout.write(`  ${line}\n`);
          }
          process.exitCode = EXIT.problems;
          return;
        }
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

  audit
    .command('checkpoint')
    .description(
      'Anchor what changed and write a signed checkpoint of the audit trail now (the worker does it daily at ' +
        '02:00 UK time): recorded in the database and appended to the checkpoint file ' +
        '(AUDIT_CHECKPOINT_FILE, default DATA_DIR/audit-checkpoints.jsonl), signed with AUDIT_SIGNING_KEY_FILE ' +
        '(default DATA_DIR/audit-signing-key.pem, generated when missing); mailed to AUDIT_CHECKPOINT_MAIL_TO ' +
        'and POSTed to AUDIT_CHECKPOINT_URL by the worker when set',
    )
    .action(() =>
      withRuntime(async ({ ctx }) => {
        const written = await (await import('../app/checkpoint-audit-trail.ts')).checkpointAuditTrail(ctx);
        process.stdout.write(
          written
            ? `audit checkpoint ${written.checkpoint.seq} written to ${written.file}: anchor ` +
                `${written.checkpoint.anchorSeq} ${written.checkpoint.anchorHash}, signed by ` +
                `${written.checkpoint.signingKeyId}\n`
            : 'no audit checkpoint: the audit trail is empty\n',
        );
      }),
    );
  audit
    .command('rotate-key')
    .description(
      'Rotate the audit key: a new key is appended to the key file (AUDIT_KEY_FILE or DATA_DIR/audit-key) and ' +
        'hashes new rows from each process’s next start, old rows still verifying with the old keys kept in ' +
        'the file; a checkpoint marks the switch, and staff 2-step secrets are resealed with the new key. ' +
        'With AUDIT_KEY set, prints a new key to append to it. ' +
        '--signing rotates the checkpoint signing key instead: the old key vouches for the new one in the ' +
        'checkpoint file, which keeps every old public key',
    )
    .option('--signing', 'rotate the Ed25519 signing key of the checkpoints', false)
    .action((options: { signing: boolean }) =>
      withRuntime(async ({ ctx, auditKeys }) => {
        const rotate = await import('../app/rotate-audit-keys.ts');
        if (options.signing) {
          const done = await rotate.rotateSigningKey(ctx);
          process.stdout.write(
            `signing key rotated: ${done.oldKeyId} -> ${done.keyId}` +
              `${done.checkpoint ? `; checkpoint ${done.checkpoint.checkpoint.seq} signed with it` : ''}\n`,
          );
          return;
        }
        const done = await rotate.rotateAuditKey(ctx, auditKeys);
        if (!done.written) {
          process.stdout.write(
            'The audit keys come from AUDIT_KEY, which this command cannot change. To rotate, append this new ' +
              'key to AUDIT_KEY after a comma (the last key hashes new rows; keep the old ones) in every ' +
              `process, restart them, then run \`redress audit checkpoint\`:\n${done.proposedKey}\n`,
          );
          return;
        }
        process.stdout.write(
          `audit key rotated: new key ${done.keyId} appended to ${done.file}; restart every Redress process ` +
            'to hash with it' +
            `; ${done.resealed} 2-step secret${done.resealed === 1 ? '' : 's'} resealed with it` +
            `${done.checkpoint ? `; checkpoint ${done.checkpoint.checkpoint.seq} marks the switch` : ''}\n`,
        );
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
