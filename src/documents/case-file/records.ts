/**
 * The records behind the summary: the contact log (every contact and every email, both ways), internal
 * notes, letters, attachments with their hashes, and the ombudsman referral.
 */
import { referralStatus } from '../../domain/complaint.ts';
import { formatDate, formatInstant, formatPence, words, yesNo } from './format.ts';
import { emailTime } from './paths.ts';
import type { PdfContext } from './pdf-context.ts';
import type { CaseFileWriter } from './pdf-writer.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Contacts and emails in one list, oldest first. */
export function writeContactLog(w: CaseFileWriter, ctx: PdfContext): void {
  const { contacts } = ctx.input;
  const emails = ctx.placement.emails;
  w.section(
    'Contact log',
    `${plural(contacts.length, 'contact')} logged by staff and ${plural(emails.length, 'email')} both ways, oldest first. ` +
      'Times are UK time. Each email is in full, with its attachments, in the emails folder.',
  );
  const entries = [
    ...contacts.map((contact) => ({
      at: contact.occurredAt,
      head: `${formatInstant(contact.occurredAt)} · ${words(contact.channel)}, ${contact.direction === 'in' ? 'from the customer' : 'to the customer'} · recorded by ${ctx.people.actor(contact.recordedBy)}`,
      body: contact.summary,
      detail: undefined,
    })),
    ...emails.map(({ email, path, attachments }) => ({
      at: emailTime(email),
      head: `${formatInstant(emailTime(email))} · Email ${email.direction} · ${email.status}${attachments.length ? ` · ${plural(attachments.length, 'attachment')}` : ''}`,
      body: `Subject: ${email.subject}`,
      detail: `From ${email.from} to ${email.to}${email.note ? ` · ${email.note}` : ''}${email.lastError ? ` · last error: ${email.lastError}` : ''} · ${path}`,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (entries.length === 0) w.paragraph('Nothing was logged.');
  for (const { head, body, detail } of entries) w.entry(head, body, detail);
}

export function writeNotes(w: CaseFileWriter, ctx: PdfContext): void {
  const { notes } = ctx.input;
  w.section('Internal notes', 'Notes staff wrote on the complaint, as they wrote them.');
  if (notes.length === 0) w.paragraph('No notes were written.');
  for (const note of [...notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    w.entry(`${formatInstant(note.createdAt)} · ${ctx.people.actor(note.authorId)}`, note.text);
  }
}

export function writeLetters(w: CaseFileWriter, ctx: PdfContext): void {
  const letters = ctx.placement.letters;
  w.section(
    'Letters',
    'Every letter issued on the complaint; each is in the letters folder as a PDF and as text.',
  );
  if (letters.length === 0) w.paragraph('No letters were issued.');
  for (const { letter, pdfPath, textPath } of letters) {
    const delivery =
      letter.printStatus === 'posted'
        ? `Posted${letter.postedAt ? ` ${formatInstant(letter.postedAt)}` : ''}`
        : letter.printStatus === 'queued'
          ? 'Queued for printing and post'
          : 'Sent by email';
    w.entry(
      `${formatDate(letter.issuedOn)} · ${letter.title}`,
      `${delivery}. ${pdfPath} (text: ${textPath})`,
      `SHA-256 ${letter.sha256}`,
    );
  }
}

export function writeAttachments(w: CaseFileWriter, ctx: PdfContext): void {
  const placed = [
    ...ctx.placement.emails.flatMap((e) =>
      e.attachments.map(({ attachment, path }) => ({ file: attachment, path, from: `Email ${e.number}` })),
    ),
    ...ctx.placement.uploads.map(({ upload, path, number }) => ({
      file: upload,
      path,
      from: upload.sentBy
        ? `Sent to the customer with our reply ${formatInstant(upload.createdAt)} by ${ctx.people.actor(upload.sentBy)} (${number})`
        : `Uploaded on our website ${formatInstant(upload.createdAt)} (${number})`,
    })),
  ];
  w.section(
    'Attachments',
    'Every file that came with an email, that the customer uploaded on our website, or that we sent with a reply, under its original ' +
      'name. The attachments folder holds each one, its name made safe for any computer; the SHA-256 was ' +
      'recorded when the file arrived.',
  );
  if (placed.length === 0) w.paragraph('No email came with attachments, and no file was uploaded.');
  for (const { file, path, from } of placed) {
    w.entry(
      `${from} · ${file.filename}`,
      `${file.contentType}, ${file.sizeBytes.toLocaleString('en-GB')} bytes. ${path}`,
      `SHA-256 ${file.sha256}`,
    );
  }
}

export function writeReferral(w: CaseFileWriter, ctx: PdfContext): void {
  const referral = ctx.input.complaint.referral;
  if (!referral) return;
  const decision = referral.decision;
  w.section('Referral', `The complaint as referred to ${ctx.input.procedure.adrScheme.nameInText}.`);
  w.fields([
    ['Scheme case reference', referral.schemeCaseReference],
    ['Referred on', formatDate(referral.referredOn)],
    ['Case fee', referral.caseFeePence === null ? 'Not recorded' : formatPence(referral.caseFeePence)],
    ['Status', words(referralStatus(referral))],
  ]);
  if (!decision) return;
  w.subheading('Decision');
  w.fields([
    ['Outcome', words(decision.outcome)],
    ['Decided on', formatDate(decision.decidedOn)],
    ['Apology', yesNo(decision.remedy.apology)],
    ['Explanation', yesNo(decision.remedy.explanation)],
    ['Practical action', decision.remedy.action],
    ['Financial award', formatPence(decision.remedy.awardPence)],
    [
      'Accepted by the customer',
      decision.customerAccepted === null ? 'Not yet known' : yesNo(decision.customerAccepted),
    ],
    ['Remedy due by', decision.remedyDueOn ? formatDate(decision.remedyDueOn) : null],
    ['Remedy implemented on', decision.implementedOn ? formatDate(decision.implementedOn) : null],
  ]);
}
