/**
 * Rules for email that arrives: which messages are machines talking (auto-replies, bounces, mailing lists —
 * answering them is how mail loops start) and which complaint references a message quotes. Which
 * attachments are kept is `attachments.ts`, shared with the portal's uploads. Pure: the listener parses, the
 * use case stores.
 */
import { parseCrn } from './crn.ts';
import type { CrnFormat } from './procedure.ts';

/** What the loop check reads of a message. Header names lower-case, values unfolded. */
export interface MessageTraits {
  headers: Readonly<Record<string, string>>;
  /** The envelope sender (MAIL FROM); `''` for the null sender `<>`, null when unknown. */
  returnPath: string | null;
  from: string | null;
}

export type AutomaticKind = 'auto-reply' | 'bounce' | 'mailing-list' | 'own-mail';

export interface Automatic {
  kind: AutomaticKind;
  /** Why, in words staff read on the stored message. */
  reason: string;
}

const LIST_PRECEDENCE = new Set(['bulk', 'junk', 'list']);

/**
 * Whether a machine sent this message (RFC 3834 and the conventions mail systems actually follow), and so
 * it must never open a complaint nor be answered. `ownAddresses` are the addresses Redress sends from.
 */
export function automaticMessage(
  message: MessageTraits,
  ownAddresses: readonly string[] = [],
): Automatic | null {
  const h = message.headers;
  const autoSubmitted = h['auto-submitted']?.split(';')[0]?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') {
    return { kind: 'auto-reply', reason: `Auto-Submitted: ${autoSubmitted}` };
  }
  if (h['x-autoreply'] !== undefined) return { kind: 'auto-reply', reason: 'X-Autoreply header' };
  if (h['x-autorespond'] !== undefined) return { kind: 'auto-reply', reason: 'X-Autorespond header' };
  const precedence = h.precedence?.trim().toLowerCase();
  if (precedence === 'auto_reply') return { kind: 'auto-reply', reason: 'Precedence: auto_reply' };
  if (precedence && LIST_PRECEDENCE.has(precedence)) {
    return { kind: 'mailing-list', reason: `Precedence: ${precedence}` };
  }
  if (h['list-id'] !== undefined) return { kind: 'mailing-list', reason: 'List-Id header' };
  if (h['list-unsubscribe'] !== undefined) return { kind: 'mailing-list', reason: 'List-Unsubscribe header' };
  if (/^\s*multipart\/report\b/i.test(h['content-type'] ?? '')) {
    return { kind: 'bounce', reason: 'a delivery report (multipart/report)' };
  }
  if (message.returnPath === '' || /^\s*<\s*>\s*$/.test(h['return-path'] ?? 'x')) {
    return { kind: 'bounce', reason: 'the null return path <>' };
  }
  const from = message.from?.toLowerCase() ?? '';
  const local = from.split('@')[0] ?? '';
  if (local === 'mailer-daemon' || local === 'postmaster') {
    return { kind: 'bounce', reason: `sent by ${local}` };
  }
  if (from && ownAddresses.some((own) => own.toLowerCase() === from)) {
    return { kind: 'own-mail', reason: 'sent from our own address' };
  }
  return null;
}

export interface QuotedReferences {
  /** The first reference whose check character verifies, canonical. */
  valid: string | null;
  /** References in the procedure's format whose check character is wrong (mistyped or made up). */
  unverified: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The complaint references quoted in `texts`, searched in order (the subject before the body). */
export function quotedReferences(format: CrnFormat, texts: readonly string[]): QuotedReferences {
  const pattern = new RegExp(
    `(?<![A-Za-z0-9])${escapeRegExp(format.prefix)}[-\\s]?\\d{2}[-\\s]?\\d{4,12}[-\\s]?[A-Za-z](?![A-Za-z0-9])`,
    'gi',
  );
  const unverified: string[] = [];
  for (const text of texts) {
    for (const match of text.slice(0, 200_000).matchAll(pattern)) {
      const parsed = parseCrn(format, match[0]);
      if (parsed.ok) return { valid: parsed.reference, unverified };
      if (parsed.problem === 'check-character' && !unverified.includes(match[0])) unverified.push(match[0]);
    }
  }
  return { valid: null, unverified };
}
