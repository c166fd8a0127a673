/**
 * Each stored email written out as an RFC 5322 message (`.eml`) that any mail program opens: the stored
 * headers (the Message-ID kept, not a new one), both bodies, and the files it carried — an inbound email's
 * attachments, or the letter an outbound one sent as a PDF.
 */
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { emailTime } from './paths.ts';
import type { CaseFileEmail, CaseFileLetter } from './types.ts';

/** The message as `.eml` bytes; the same email always gives the same bytes. */
export function emlOf(email: CaseFileEmail, letter: CaseFileLetter | undefined): Promise<Buffer> {
  const files = email.attachments.map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: a.content,
  }));
  if (letter)
    files.push({ filename: letter.filename, contentType: 'application/pdf', content: letter.content });
  const composer = new MailComposer({
    messageId: email.messageId,
    date: new Date(emailTime(email)),
    from: email.from,
    to: email.to,
    subject: email.subject,
    ...(email.inReplyTo ? { inReplyTo: email.inReplyTo } : {}),
    ...(email.references.length ? { references: email.references } : {}),
    text: email.text,
    ...(email.html !== null ? { html: email.html } : {}),
    attachments: files,
    // MIME boundaries are random by default; derived from the email's id they keep the ZIP reproducible.
    baseBoundary: createHash('sha256').update(email.id).digest('hex').slice(0, 16),
    // Everything is in memory: a stored body can never make the composer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
    newline: '\r\n',
  });
  return composer.compile().build();
}
