/**
 * A raw message as it came off the wire, read with mailparser into what the receive-email use case needs.
 * The sender's HTML is never kept: the HTML stored is the text, escaped, so nothing a sender writes can run
 * in a staff member's browser. A message mailparser cannot read at all comes back marked `unreadable`, so it
 * is still stored for staff to see.
 */
import { createHash } from 'node:crypto';
import type { AddressObject, ParsedMail } from 'mailparser';
import type { InboundEmail } from '../../app/receive-email.ts';
import { escapeHtml } from '../templates/layout.ts';

/** What the SMTP envelope said, beside the message itself. */
export interface Envelope {
  /** MAIL FROM; `''` for the null sender `<>`. */
  mailFrom: string | null;
  rcptTo: string[];
}

const MESSAGE_ID_LIMIT = 900;

/** One Message-ID with its angle brackets, or null when the header holds none usable. */
export function normaliseMessageId(value: string | undefined): string | null {
  if (!value) return null;
  const bracketed = /<[^<>\s]+>/.exec(value)?.[0];
  const id = bracketed ?? (/^\S+$/.test(value.trim()) ? `<${value.trim()}>` : null);
  return id && id.length <= MESSAGE_ID_LIMIT ? id : null;
}

function messageIds(value: string | string[] | undefined): string[] {
  const all = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return (all.match(/<[^<>\s]+>/g) ?? []).filter((id) => id.length <= MESSAGE_ID_LIMIT).slice(-100);
}

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list
    .flatMap((a) => a.value)
    .map((a) => a.address ?? '')
    .filter(Boolean)
    .join(', ');
}

function firstAddress(value: AddressObject | undefined): { address: string; name: string } | null {
  const first = value?.value.find((a) => a.address && /^[^@\s]+@[^@\s]+$/.test(a.address));
  return first?.address ? { address: first.address.toLowerCase(), name: first.name ?? '' } : null;
}

/** Header names lower-case, values unfolded; the first of a repeated header wins. */
function headerValues(parsed: ParsedMail): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    const name = key.toLowerCase();
    if (name in headers) continue;
    const colon = line.indexOf(':');
    headers[name] = line
      .slice(colon + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
  }
  return headers;
}

/** Plain text as inert HTML: paragraphs and line breaks, every special character escaped. */
export function textAsSafeHtml(text: string): string {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
}

/** Reads a raw message; never throws. */
export async function parseInbound(raw: Buffer, envelope: Envelope): Promise<InboundEmail> {
  const rawSha256 = createHash('sha256').update(raw).digest('hex');
  const base = {
    rawSha256,
    sizeBytes: raw.length,
    returnPath: envelope.mailFrom,
    to: envelope.rcptTo.join(', '),
  };
  let parsed: ParsedMail;
  try {
    // Loaded when the first message arrives: mailparser and its character sets cost every command ~0.5 s.
    const { simpleParser } = await import('mailparser');
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  } catch (error) {
    return {
      ...base,
      messageId: null,
      inReplyTo: null,
      references: [],
      from: null,
      subject: '(unreadable message)',
      date: null,
      text: clean(raw.subarray(0, 4000).toString('latin1')),
      html: null,
      headers: {},
      attachments: [],
      unreadable: (error as Error).message || 'the MIME structure could not be parsed',
    };
  }
  const text = clean((parsed.text ?? '').replace(/\r\n/g, '\n'));
  return {
    ...base,
    to: addressText(parsed.to) || base.to,
    messageId: normaliseMessageId(parsed.messageId),
    inReplyTo: messageIds(parsed.inReplyTo)[0] ?? null,
    references: messageIds(parsed.references),
    from: firstAddress(parsed.from),
    subject: clean(parsed.subject ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 998),
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    text,
    html: parsed.html ? textAsSafeHtml(text) : null,
    headers: headerValues(parsed),
    attachments: parsed.attachments.map((a) => ({
      filename: clean(a.filename ?? '') || 'attachment',
      contentType: a.contentType || 'application/octet-stream',
      content: a.content,
    })),
  };
}

/**
 * Text without NUL and other control characters (tab and newline kept): PostgreSQL cannot store NUL, and a
 * message that can never be stored would be refused, retried and refused again for days.
 */
export function clean(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}
