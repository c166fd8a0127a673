/**
 * Opens Redress as a process needs it: settings from the environment, the procedure file, the database
 * (migrated), a logger and the clock: how a `redress` process starts, for `serve` and every other command.
 */
import path from 'node:path';
import pino from 'pino';
import type { AppContext } from '../app/context.ts';
import { seedDefaultTemplates } from '../app/seed-default-templates.ts';
import { AuditKeyError, type LoadedAuditKeys, loadAuditKeys } from '../config/audit-keys.ts';
import { readSettings, type Settings } from '../config/env.ts';
import { loadProcedure } from '../config/load.ts';
import { withAuditKeys } from '../db/audit-keys.ts';
import { isPostgresUrl, openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrations/index.ts';
import { httpSmsGateway } from '../sms/http-gateway.ts';
import { openDocumentStore } from '../storage/open.ts';
import { CliError, EXIT, formatProblems } from './output.ts';

export interface Runtime {
  ctx: AppContext;
  settings: Settings;
  /** The audit keys this process hashes with, and where they came from (to rotate them). */
  auditKeys: LoadedAuditKeys;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  logToStderr?: boolean;
  /**
   * SQLite reads on SQLITE_READERS reader threads, so a slow one never holds up other requests: for a
   * server. A one-off command reads on its own thread and starts no threads.
   */
  readers?: boolean;
}

/** Everything a command needs, or a CliError explaining which setting is wrong. */
export async function openRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const read = readSettings(process.env);
  if (!read.ok) throw new CliError(formatProblems('The environment', read.problems), EXIT.usage);
  const settings = read.settings;
  const procedure = loadProcedure(settings.procedureFile);
  if (!procedure.ok) {
    throw new CliError(formatProblems(settings.procedureFile ?? 'procedure', procedure.problems), EXIT.usage);
  }
  const logger = pino({ level: settings.logLevel }, options.logToStderr ? pino.destination(2) : undefined);
  let auditKeys: LoadedAuditKeys;
  try {
    auditKeys = loadAuditKeys(settings.audit, { postgres: isPostgresUrl(settings.databaseUrl) });
  } catch (error) {
    if (error instanceof AuditKeyError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
  if (auditKeys.generated)
    logger.warn(
      { file: auditKeys.source, keyId: auditKeys.keyring.current.id },
      'generated the audit key: keep this file, and a copy apart from the backups (docs/DEPLOYMENT.md, "Audit keys")',
    );
  const opened = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    sqliteReaders: options.readers ? settings.sqliteReaders : 0,
  });
  // Every audit row and anchor this process writes is an HMAC with the current key (db/audit-keys.ts).
  const db = { ...opened, kysely: withAuditKeys(opened.kysely, auditKeys.keyring) };
  try {
    const { ran } = await migrate(db);
    if (ran.length) logger.info({ migrations: ran }, 'database migrated');
  } catch (error) {
    await db.close();
    throw new CliError(
      `the database could not be migrated: ${(error as Error).cause ?? (error as Error).message}`,
      EXIT.failure,
    );
  }
  const documents = await openDocumentStore(settings.documents);
  const ctx: AppContext = {
    db,
    documents,
    procedure: procedure.procedure,
    now: () => new Date(),
    logger,
    publicUrl: settings.publicUrl,
    sessions: settings.sessions,
    staffSignIn: settings.staffSignIn,
    maxUploadBytes: settings.mail.maxBytes,
    mail: {
      smtpUrl: settings.mail.smtpUrl,
      from: settings.mail.from,
      replyTo: settings.mail.replyTo,
      mailboxDir: path.join(settings.dataDir, 'mailbox'),
    },
    auditCheckpoints: {
      file: settings.audit.checkpointFile,
      signingKeyFile: settings.audit.signingKeyFile,
      mailTo: settings.audit.mailTo,
      url: settings.audit.url,
    },
    sms:
      settings.sms &&
      httpSmsGateway({ url: settings.sms.gatewayUrl, token: settings.sms.token, from: settings.sms.from }),
  };
  // A new installation starts with the default response templates; admins edit them from then on.
  const seeded = await seedDefaultTemplates(ctx);
  if (seeded) logger.info({ templates: seeded }, 'default response templates added');
  return {
    ctx,
    settings,
    auditKeys,
    close: async () => {
      documents.close();
      await db.close();
    },
  };
}
