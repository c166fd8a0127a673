/**
 * `case-file.pdf`: the complaint as a case handler at the scheme reads it. A cover with the facts and the
 * dates that matter, then the summary of events, our position and offers, the attempts, the contact log,
 * notes, letters, attachments and the referral. Times are UK time.
 */
import { adrDueOn } from '../../domain/clocks.ts';
import { newPdf, pdfBytes } from '../pdf/document.ts';
import { eventLines } from './events.ts';
import { CLOSURE_REASON_TEXT, formatDate, formatInstant, words, yesNo } from './format.ts';
import type { PdfContext } from './pdf-context.ts';
import { CaseFileWriter, MARGINS } from './pdf-writer.ts';
import { writeAttempts, writePosition } from './position.ts';
import { writeAttachments, writeContactLog, writeLetters, writeNotes, writeReferral } from './records.ts';

function writeCover(w: CaseFileWriter, ctx: PdfContext): void {
  const { complaint, customer, procedure, generatedAt, generatedBy } = ctx.input;
  const { company, adrScheme } = procedure;
  const needs = [
    customer.needs.largePrint && 'large print',
    customer.needs.braille && 'braille',
    customer.needs.textRelay && 'text relay',
  ].filter((need): need is string => Boolean(need));
  const closure = complaint.closure;
  w.title(`Complaint case file ${complaint.reference}`, `${company.name}, for ${adrScheme.name}`);
  w.fields([
    ['Complaint Reference Number', complaint.reference],
    ['Provider', `${company.name} (trading as ${company.tradingName})`],
    [
      'Provider’s address',
      [...company.address.lines, company.address.town, company.address.postcode].join(', '),
    ],
    ['Provider’s contact', `${company.phone} · ${company.email} · ${company.website}`],
  ]);
  w.subheading('Customer');
  w.fields([
    ['Name', customer.name],
    ['Type', words(customer.type)],
    ['Email', customer.email],
    ['Phone', customer.phone],
    ['Address', [...customer.addressLines, customer.postcode ?? ''].filter(Boolean).join(', ') || null],
    ['Preferred channel', customer.preferredChannel ? words(customer.preferredChannel) : null],
    ['Format needs', needs.length ? needs.join(', ') : 'None recorded'],
    ['Vulnerability', customer.vulnerabilityNotes],
  ]);
  w.subheading('Complaint');
  w.fields([
    ['Category', words(complaint.category)],
    ['Channel', words(complaint.channel)],
    ['Asked for a formal complaint', yesNo(complaint.formal)],
    ['What happened', complaint.description],
    ['What the customer wants', complaint.desiredOutcome],
    ['First expressed dissatisfaction', formatInstant(complaint.firstExpressedAt)],
    ['Received', formatInstant(complaint.receivedAt)],
    ['Acknowledgement due by', formatDate(complaint.acknowledgeBy)],
    ['ADR letter due by (time limit)', formatDate(adrDueOn(complaint, procedure))],
    ['Current stage', procedure.stages[complaint.stage].name],
    ['Owner', complaint.ownerId ? ctx.people.actor(complaint.ownerId) : 'Unassigned'],
    [
      'Closure',
      closure ? `${CLOSURE_REASON_TEXT[closure.reason]} (${formatInstant(closure.closedAt)})` : null,
    ],
    ['Root cause', closure?.rootCause ?? null],
    ['Lessons learned', closure?.lessons ?? null],
  ]);
  w.paragraph(
    `Prepared ${formatInstant(generatedAt)} by ${generatedBy}. Times are UK time (Europe/London). ` +
      'README.txt lists everything in this case file.',
  );
}

function writeSummaryOfEvents(w: CaseFileWriter, ctx: PdfContext): void {
  const { audit, complaint, procedure } = ctx.input;
  w.section(
    'Summary of events',
    'Everything that happened on the complaint, oldest first, from the audit trail. Contacts and notes are in their own sections.',
  );
  const lines = eventLines(audit, complaint, procedure, ctx.people);
  if (lines.length === 0) w.paragraph('The audit trail holds no events for this complaint.');
  for (const line of lines) w.entry(`${formatInstant(line.at)} · ${line.who}`, line.what);
}

/** The PDF's bytes; the same context always gives the same bytes. */
export function renderCaseFilePdf(ctx: PdfContext): Promise<Buffer> {
  const { complaint, procedure, generatedAt, generatedBy } = ctx.input;
  const doc = newPdf({
    title: `Complaint case file ${complaint.reference}`,
    author: `${procedure.company.name} (${generatedBy})`,
    subject: `Case file for ${procedure.adrScheme.name}`,
    createdAt: generatedAt,
    margins: MARGINS,
  });
  const w = new CaseFileWriter(doc);
  writeCover(w, ctx);
  writeSummaryOfEvents(w, ctx);
  writePosition(w, ctx);
  writeAttempts(w, ctx);
  writeContactLog(w, ctx);
  writeNotes(w, ctx);
  writeLetters(w, ctx);
  writeAttachments(w, ctx);
  writeReferral(w, ctx);
  w.finish(complaint.reference);
  return pdfBytes(doc);
}
