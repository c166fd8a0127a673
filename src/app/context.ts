/**
 * What every use case runs with: the database, the procedure, and the clock. The clock is the one thing tests
 * replace, through `now`.
 */
import type { Logger } from 'pino';
import type { AuditKeyring } from '../db/audit-keys.ts';
import type { Db } from '../db/database.ts';
import type { LetterInput, RenderedLetter } from '../documents/letters/index.ts';
import type { MonthlyReportInput } from '../documents/report/model.ts';
import type { Procedure } from '../domain/procedure.ts';
import type { SessionLimits } from '../domain/session-timeouts.ts';
import type { StaffSignInSettings } from '../domain/sso.ts';
import type { OutboundMailSettings } from '../mail/outbound/transport.ts';
import type { DocumentStore } from '../storage/document-store.ts';

export interface AppContext {
  db: Db;
  /**
   * Where the bytes of letters, attachments and uploads live; rows name them by sha256. Every writer puts the
   * bytes here before the transaction that names them, every reader fetches them from here.
   */
  documents: DocumentStore;
  procedure: Procedure;
  now: () => Date;
  logger: Logger;
  /** Where people reach Redress (links sent to customers). */
  publicUrl: string;
  /**
   * How email leaves: SMTP, or the dev mailbox directory. Without it (test harnesses), emails are stored on
   * the complaint (a sign-in link's without its token) but written nowhere.
   */
  mail?: OutboundMailSettings | undefined;
  /**
   * The most a customer may upload at once, in all (MAIL_MAX_BYTES, as for a whole email); default
   * DEFAULT_UPLOAD_BYTES. Each file is also held to the attachments' own limit.
   */
  maxUploadBytes?: number | undefined;
  /** How text messages leave (`SMS_GATEWAY_URL`); without it, nothing is texted and the portal says so. */
  sms?: SmsSender | undefined;
  /**
   * Renders letters off the event loop (`redress serve`'s thread pool, src/documents/pdf/render-pool.ts);
   * without it, letters render in this thread. Either way, the same bytes.
   */
  letters?: LetterRenderer | undefined;
  /** Where mail in and out is counted for /metrics; nothing counts without it (tests, one-off commands). */
  metrics?: { mail: MailCounters } | undefined;
  /** How long staff sessions last (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS); DEFAULT_SESSION_LIMITS without it. */
  sessions?: SessionLimits | undefined;
  /** Staff sign-in: single sign-on (OIDC_*) and whether passwords are accepted (LOCAL_PASSWORDS). */
  staffSignIn?: StaffSignInSettings | undefined;
  /**
   * Where the audit trail's signed checkpoints are kept and sent (app/checkpoint-audit-trail.ts); without
   * it (test harnesses) the daily checkpoint job does nothing.
   */
  auditCheckpoints?: AuditCheckpointSettings | undefined;
  /**
   * The keys stored secrets (staff second factors) are sealed with (app/sealed-secrets.ts). Without it, the
   * audit keyring the database handle carries, as in every `redress` process; test harnesses that hash the
   * audit trail without keys give one here.
   */
  sealingKeys?: AuditKeyring | undefined;
}

export interface AuditCheckpointSettings {
  /** The append-only file of checkpoints, which also carries the public keys. */
  file: string;
  /** The Ed25519 private key (PEM) that signs them; generated there when missing. */
  signingKeyFile: string;
  /** Each checkpoint is also mailed here, when set. */
  mailTo?: string | undefined;
  /** Each checkpoint is also POSTed here as JSON, when set. */
  url?: string | undefined;
}

/** Counts of mail, as the use cases see them; the Prometheus counters behind them live in src/metrics. */
export interface MailCounters {
  /** An inbound email was handled, with its outcome (`new-complaint`, `duplicate`, ...). */
  received(outcome: string): void;
  /** A try to send a customer email ended: sent, to be retried, or failed for good. */
  sent(result: 'sent' | 'retry' | 'failed'): void;
}

/** Renders a letter (`renderLetter`) and the monthly report's PDF, wherever they run. */
export interface LetterRenderer {
  render(input: LetterInput): Promise<RenderedLetter>;
  renderReport?(input: MonthlyReportInput): Promise<Buffer>;
}

/** One text message, to one mobile number. */
export interface TextMessage {
  /** E.164, e.g. +447700900123. */
  to: string;
  text: string;
  /**
   * The same on every try of one job: a gateway that honours it sends a repeated request once, so a retry
   * after a lost answer does not text the customer twice.
   */
  idempotencyKey: string;
}

/**
 * Sends text messages: an HTTP gateway today (src/sms/http-gateway.ts); another provider plugs in here. It
 * throws when the message was not accepted, and then the job that sends it retries.
 */
export interface SmsSender {
  /** Hands the message to the gateway; resolves with the gateway's id for it, when it gives one. */
  send(message: TextMessage): Promise<{ id: string | null }>;
}

/** What a customer may upload at once when the context does not say: 10 MB, MAIL_MAX_BYTES's default. */
export const DEFAULT_UPLOAD_BYTES = 10 * 1024 * 1024;
