/**
 * The shape every customer email shares: a greeting, paragraphs, lists and links, signed with the company's
 * details from the procedure. A template describes its message as blocks; this module writes them out as
 * plain text and as HTML, escaping every piece of text on the way, so no template can forget to.
 */
import type { Procedure } from '../../domain/procedure.ts';
import type { LocalDate } from '../../domain/time.ts';

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'link'; text: string; href: string }
  /** Text someone typed (a proposal's summary): quoted as it was written. */
  | { type: 'quote'; text: string };

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface Letterhead {
  procedure: Procedure;
  reference: string;
  customerName: string;
  /** The customer asked for large print: a larger base font in the HTML part. */
  largePrint: boolean;
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A London date as people write it: 10 November 2026. */
export function formatDate(date: LocalDate): string {
  return longDate.format(new Date(`${date}T00:00:00Z`));
}

/** The subject line: always the CRN in square brackets first, so replies thread back by subject too. */
export function subjectLine(reference: string, title: string): string {
  return `[${reference}] ${title}`.replace(/[\r\n]+/g, ' ');
}

/** Who signs an email: a named member of staff (a reply they wrote), else the complaints team. */
export interface Signer {
  name: string;
  jobTitle: string;
}

function signature(procedure: Procedure, signer?: Signer): string[] {
  const { company } = procedure;
  return [
    'Yours sincerely,',
    ...(signer
      ? [signer.name, `${signer.jobTitle}, ${company.tradingName}`]
      : [`The complaints team, ${company.tradingName}`]),
    `Phone ${company.phone} · Email ${company.email} · ${company.website}`,
  ];
}

function textOf(head: Letterhead, blocks: readonly Block[], signer?: Signer): string {
  const lines: string[] = [`Dear ${head.customerName},`, ''];
  for (const block of blocks) {
    if (block.type === 'paragraph') lines.push(block.text, '');
    else if (block.type === 'quote') lines.push(...block.text.split('\n').map((l) => `> ${l}`), '');
    else if (block.type === 'list') lines.push(...block.items.map((item) => `- ${item}`), '');
    else lines.push(`${block.text}: ${block.href}`, '');
  }
  lines.push(...signature(head.procedure, signer), '', `Your Complaint Reference Number: ${head.reference}`);
  return `${lines.join('\n')}\n`;
}

function htmlOf(head: Letterhead, blocks: readonly Block[], title: string, signer?: Signer): string {
  const fontSize = head.largePrint ? '20px' : '16px';
  const body: string[] = [`<p>Dear ${escapeHtml(head.customerName)},</p>`];
  for (const block of blocks) {
    if (block.type === 'paragraph') body.push(`<p>${escapeHtml(block.text).replaceAll('\n', '<br>')}</p>`);
    else if (block.type === 'quote') {
      const lines = block.text.split('\n').map(escapeHtml).join('<br>');
      body.push(
        `<blockquote style="border-left:4px solid #888;margin:0 0 1em;padding-left:1em">${lines}</blockquote>`,
      );
    } else if (block.type === 'list') {
      body.push(`<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
    } else {
      body.push(`<p><a href="${escapeHtml(block.href)}">${escapeHtml(block.text)}</a></p>`);
    }
  }
  body.push(`<p>${signature(head.procedure, signer).map(escapeHtml).join('<br>')}</p>`);
  body.push(`<p>Your Complaint Reference Number: <strong>${escapeHtml(head.reference)}</strong></p>`);
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:${fontSize};line-height:1.5;color:#111;max-width:40em">`,
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Writes a message out in both parts. */
export function compose(
  head: Letterhead,
  title: string,
  blocks: readonly Block[],
  signer?: Signer,
): EmailContent {
  const subject = subjectLine(head.reference, title);
  return { subject, text: textOf(head, blocks, signer), html: htmlOf(head, blocks, subject, signer) };
}
