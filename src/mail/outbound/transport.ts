/**
 * Hands a stored outbound email to the world: over SMTP (`SMTP_URL`) with nodemailer, or, without it, into
 * the dev mailbox, one `.eml` file per message under `DATA_DIR/mailbox/`. The message carries the headers
 * stored with it, so a second try sends exactly the same message, Message-ID included. A long-running process
 * sends through an `SmtpPool`: a few connections kept open and shared, instead of a connection (TCP, greeting,
 * EHLO, perhaps STARTTLS) per message.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';

export interface OutboundMailSettings {
  /** smtp:// or smtps:// URL of the outgoing server; without it, the dev mailbox. */
  smtpUrl?: string | undefined;
  /** From header; default: the company's complaints address from the procedure. */
  from?: string | undefined;
  /** Where replies go (the inbound address); default: the From address. */
  replyTo?: string | undefined;
  /** The dev mailbox (used without `smtpUrl`); without it, messages are only recorded, not written out. */
  mailboxDir?: string | undefined;
  /** Connections to `smtpUrl` kept open and shared (`openSmtpPool`); without it, a connection per message. */
  smtpPool?: SmtpPool | undefined;
}

export interface OutboundMessage {
  messageId: string;
  from: string;
  to: string;
  replyTo: string;
  subject: string;
  inReplyTo: string | null;
  references: string[];
  text: string;
  html: string | null;
  date: Date;
  /** Files sent with the message (a letter as PDF). */
  attachments?: { filename: string; contentType: string; content: Buffer }[] | undefined;
}

/** Where a message went, for the log. */
export type Delivery =
  | { via: 'smtp'; response: string }
  | { via: 'mailbox'; file: string }
  | { via: 'nowhere' };

function mailOptions(message: OutboundMessage): Mail.Options {
  return {
    messageId: message.messageId,
    from: message.from,
    to: message.to,
    replyTo: message.replyTo,
    subject: message.subject,
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
    ...(message.references.length ? { references: message.references } : {}),
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    date: message.date,
    headers: { 'Auto-Submitted': 'auto-generated' },
    ...(message.attachments?.length ? { attachments: message.attachments } : {}),
  };
}

/** True for an smtp:// URL with credentials to a host other than this machine. */
export function needsTls(url: string): boolean {
  const parsed = new URL(url);
  const local = ['localhost', '127.0.0.1', '[::1]', '::1'].includes(parsed.hostname);
  return parsed.protocol === 'smtp:' && parsed.username !== '' && !local;
}

/** A file name for a Message-ID: the same message always lands in the same file. */
function fileNameFor(messageId: string): string {
  return `${messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9@._-]/g, '_')}.eml`;
}

function smtpOptions(smtpUrl: string) {
  return {
    url: smtpUrl,
    // With a password in the URL, never send it (nor the mail) in clear to a server that is not local:
    // STARTTLS is required, not merely tried.
    requireTLS: needsTls(smtpUrl),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  };
}

/** Kept-open SMTP connections to one server, shared by every delivery of the process. */
export interface SmtpPool {
  readonly smtpUrl: string;
  send(options: Mail.Options): Promise<{ response?: unknown }>;
  /** Closes the connections (idle ones at once; a message being sent is cut off and its job retries). */
  close(): void;
}

/** SMTP connections a pool opens when not told otherwise. */
export const DEFAULT_SMTP_CONNECTIONS = 5;

/**
 * Opens a pool of at most `maxConnections` connections to the server at `smtpUrl`, each reused for up to
 * 100 messages. A connection the server drops is replaced on the next message; a refused one fails that
 * message (the job retries with backoff), as without a pool.
 */
export function openSmtpPool(smtpUrl: string, maxConnections = DEFAULT_SMTP_CONNECTIONS): SmtpPool {
  const transport = nodemailer.createTransport({
    ...smtpOptions(smtpUrl),
    pool: true,
    maxConnections,
    maxMessages: 100,
  });
  return {
    smtpUrl,
    send: (options) => transport.sendMail(options),
    close: () => transport.close(),
  };
}

/** Sends (or files) one message. Throws when the SMTP server cannot be reached or refuses it. */
export async function deliver(settings: OutboundMailSettings, message: OutboundMessage): Promise<Delivery> {
  const pool = settings.smtpPool;
  if (settings.smtpUrl && pool?.smtpUrl === settings.smtpUrl) {
    const info = await pool.send(mailOptions(message));
    return { via: 'smtp', response: String(info.response ?? '') };
  }
  if (settings.smtpUrl) {
    const transport = nodemailer.createTransport(smtpOptions(settings.smtpUrl));
    try {
      const info = await transport.sendMail(mailOptions(message));
      return { via: 'smtp', response: String(info.response ?? '') };
    } finally {
      transport.close();
    }
  }
  if (!settings.mailboxDir) return { via: 'nowhere' };
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await transport.sendMail(mailOptions(message));
  await mkdir(settings.mailboxDir, { recursive: true });
  const file = path.join(settings.mailboxDir, fileNameFor(message.messageId));
  await writeFile(file, info.message as Buffer);
  return { via: 'mailbox', file };
}
