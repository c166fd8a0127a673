/**
 * What every use case runs with: the database, the procedure, and the clock. The clock is the one thing tests
 * replace, through `now`.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { Procedure } from '../domain/procedure.ts';
import type { OutboundMailSettings } from '../mail/outbound/transport.ts';

export interface AppContext {
  db: Db;
  procedure: Procedure;
  now: () => Date;
  logger: Logger;
  /** Where people reach Redress (links sent to customers). */
  publicUrl: string;
  /**
   * How email leaves: SMTP, or the dev mailbox directory. Without it (test harnesses), emails are stored on
   * the complaint and logged but written nowhere, and sign-in links are logged.
   */
  mail?: OutboundMailSettings | undefined;
  /**
   * The most a customer may upload at once, in all (MAIL_MAX_BYTES, as for a whole email); default
   * DEFAULT_UPLOAD_BYTES. Each file is also held to the attachments' own limit.
   */
  maxUploadBytes?: number | undefined;
}

/** What a customer may upload at once when the context does not say: 10 MB, MAIL_MAX_BYTES's default. */
export const DEFAULT_UPLOAD_BYTES = 10 * 1024 * 1024;
