/**
 * A case file's input for the tests: a complaint walked through Resolution Attempts 1–3 to deadlock and an
 * ADR letter, then referred, with the audit trail, contacts and notes exactly as `recordDecision` stores
 * them, emails both ways (one with awkward attachments) and two letters. Test-only.
 */
import { createHash } from 'node:crypto';
import { MISO_PROCEDURE } from '../../config/miso.ts';
import type { AuditEvent } from '../../db/audit.ts';
import type { Contact, Note } from '../../db/interaction-log.ts';
import type { Customer } from '../../domain/customer.ts';
import { agent, customer, director, reviewer, Story } from '../../domain/test-support.ts';
import { londonDate } from '../../domain/time.ts';
import type {
  CaseFileAttachment,
  CaseFileEmail,
  CaseFileInput,
  CaseFileLetter,
  CaseFileUpload,
} from './types.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export const PROPOSALS = [
  'Refund the second March charge of £24.99',
  'Refund £24.99 and a £10 goodwill credit',
  'Refund £24.99, a £25 credit and a written apology',
];
export const DEADLOCK_REASON = 'Our offer of a refund, a £25 credit and an apology is our final position.';

export function attachment(
  emailId: string,
  n: number,
  filename: string,
  content: Buffer,
): CaseFileAttachment {
  return {
    id: `${emailId}-att-${n}`,
    emailId,
    filename,
    contentType: filename.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream',
    sizeBytes: content.length,
    sha256: sha256(content),
    createdAt: '2026-05-12T10:00:00.000Z',
    content,
  };
}

export function email(
  overrides: Partial<CaseFileEmail> & Pick<CaseFileEmail, 'id' | 'direction'>,
): CaseFileEmail {
  const inbound = overrides.direction === 'in';
  return {
    complaintId: 'complaint-1',
    customerId: 'cust-1',
    kind: inbound ? 'reply' : 'acknowledgement',
    status: inbound ? 'received' : 'sent',
    messageId: `<${overrides.id}@example.org>`,
    inReplyTo: null,
    references: [],
    from: inbound ? 'Cass File <cass@example.org>' : 'Miso Communications <enquiries@miso-comms.net>',
    to: inbound ? 'enquiries@miso-comms.net' : 'Cass File <cass@example.org>',
    subject: `[MISO-26-000001-A] ${overrides.id}`,
    text: `The body of ${overrides.id}.\n`,
    html: null,
    attempts: inbound ? 0 : 1,
    lastError: null,
    note: null,
    sizeBytes: null,
    createdAt: '2026-05-11T09:00:00.000Z',
    sentAt: inbound ? null : '2026-05-11T09:00:05.000Z',
    documentId: null,
    attachments: [],
    letterId: null,
    ...overrides,
  };
}

function letter(
  id: string,
  kind: string,
  title: string,
  issuedOn: string,
  createdAt: string,
): CaseFileLetter {
  const content = Buffer.from(`%PDF-1.7\n% ${title}\n%%EOF\n`);
  return {
    id,
    kind,
    title,
    filename: `MISO-26-000001-A-${kind}.pdf`,
    issuedOn,
    createdAt,
    sha256: sha256(content),
    content,
    text: `${title}\n\nDear Cass File,\n…\n`,
    printStatus: kind === 'adr-letter' ? 'posted' : null,
    postedAt: kind === 'adr-letter' ? '2026-06-01T15:00:00.000Z' : null,
  };
}

/** The walked-through complaint with its full record. */
export function caseFileInput(): CaseFileInput {
  const story = new Story();
  story.do(
    {
      type: 'log-contact',
      channel: 'phone',
      direction: 'in',
      summary: 'Rang about being charged twice for March',
    },
    agent,
  );
  story.do({ type: 'add-note', text: 'Billing shows two charges on 3 March.' }, agent);
  story.do(
    {
      type: 'propose',
      summary: PROPOSALS[0] ?? '',
      steps: [{ description: 'Refund £24.99', ownerId: 'agent-1' }],
    },
    agent,
  );
  story.advanceDays(1);
  story.do(
    { type: 'record-response', outcome: 'declined', note: 'I want something for my time too' },
    customer,
  );
  story.do({ type: 'record-review', findings: 'The billing run double-posted March.' }, reviewer);
  story.do(
    {
      type: 'propose',
      summary: PROPOSALS[1] ?? '',
      steps: [
        { description: 'Refund £24.99', ownerId: 'reviewer-1' },
        { description: 'Send a bank statement showing the charge', ownerId: null },
      ],
    },
    reviewer,
  );
  story.do({ type: 'record-response', outcome: 'agreed' }, customer);
  story.advanceDays(2);
  for (const stepId of story.stepIds()) story.do({ type: 'complete-step', stepId, note: 'Done' }, reviewer);
  story.advanceDays(3);
  story.do(
    { type: 'log-contact', channel: 'email', direction: 'out', summary: 'Asked whether the refund arrived' },
    reviewer,
  );
  story.do({ type: 'record-follow-up', outcome: 'not-satisfied', note: 'The credit is too small' }, customer);
  story.do({ type: 'record-review', findings: 'Director review: the refund was late as well.' }, director);
  story.do(
    {
      type: 'propose',
      summary: PROPOSALS[2] ?? '',
      steps: [{ description: 'Apply £25 credit', ownerId: 'director-1' }],
    },
    director,
  );
  story.advanceDays(1);
  story.do({ type: 'declare-deadlock', reason: DEADLOCK_REASON }, director);
  story.advanceDays(20);
  story.do(
    {
      type: 'record-referral',
      schemeCaseReference: 'CO-2026-0042',
      referredOn: londonDate(story.now),
      caseFeePence: 30_000,
    },
    agent,
  );

  const contacts: Contact[] = [];
  const notes: Note[] = [];
  const audit: AuditEvent[] = story.history.map(({ event, meta }, i) => {
    // As recordDecision stores them: the interaction log beside the trail.
    if (event.type === 'contact-logged') {
      const { contactId: id, channel, direction, summary, occurredAt, visibleToCustomer } = event;
      contacts.push({ id, channel, direction, summary, occurredAt, recordedBy: meta.by, visibleToCustomer });
    }
    if (event.type === 'note-added')
      notes.push({ id: event.noteId, text: event.text, authorId: meta.by, createdAt: meta.at });
    return {
      seq: i + 1,
      chainSeq: i + 1,
      chainId: null,
      id: `audit-${i + 1}`,
      complaintId: story.complaint.id,
      type: event.type,
      actor: meta.by ?? 'system',
      at: meta.at,
      payload: event,
      prevHash: '0'.repeat(64),
      hash: '0'.repeat(64),
    };
  });

  const adr = story.complaint.adrLetters[0];
  const letters = [
    letter(
      'letter-ack',
      'acknowledgement',
      'Acknowledgement of your complaint',
      '2026-05-11',
      '2026-05-11T08:00:01.000Z',
    ),
    letter(
      'letter-adr',
      'adr-letter',
      'Our final response: your right to go to the ombudsman',
      adr?.issuedOn ?? '2026-05-18',
      adr?.issuedAt ?? '2026-05-18T08:00:00.000Z',
    ),
  ];
  const billId = 'in-bill';
  const emails = [
    email({
      id: 'out-ack',
      direction: 'out',
      kind: 'acknowledgement',
      createdAt: '2026-05-11T08:00:02.000Z',
      sentAt: '2026-05-11T08:00:10.000Z',
    }),
    email({
      id: billId,
      direction: 'in',
      subject: 'Re: [MISO-26-000001-A] my bill, attached',
      text: 'Here are the bill and my notes.\n',
      html: '<p>Here are the bill and my notes.</p>',
      inReplyTo: '<out-ack@example.org>',
      references: ['<out-ack@example.org>'],
      createdAt: '2026-05-12T10:00:00.000Z',
      attachments: [
        attachment(billId, 1, '../../etc/passwd', Buffer.from('root:x:0:0::/root:/bin/sh\n')),
        attachment(
          billId,
          2,
          'Facture été – 日本語.pdf',
          Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 255]),
        ),
      ],
    }),
    email({
      id: 'out-adr',
      direction: 'out',
      kind: 'adr-letter',
      subject: '[MISO-26-000001-A] Our final response',
      createdAt: adr?.issuedAt ?? '2026-05-18T08:00:00.000Z',
      sentAt: adr?.issuedAt ?? '2026-05-18T08:00:00.000Z',
      documentId: 'letter-adr',
      letterId: 'letter-adr',
    }),
  ];
  const cass: Customer = {
    id: 'cust-1',
    name: 'Cass File',
    email: 'cass@example.org',
    phone: '01632 960 001',
    type: 'residential',
    addressLines: ['1 High Street', 'Ledbury'],
    postcode: 'HR8 1AB',
    needs: { largePrint: true, braille: false, textRelay: false },
    preferredChannel: 'email',
    vulnerabilityNotes: null,
    contactOptOut: false,
    createdAt: '2026-05-11T08:00:00.000Z',
    updatedAt: '2026-05-11T08:00:00.000Z',
    merged: null,
  };
  return {
    procedure: MISO_PROCEDURE,
    generatedAt: '2026-06-10T12:00:00.000Z',
    generatedBy: 'Rita Reviewer',
    complaint: story.complaint,
    customer: cass,
    staff: { 'agent-1': 'Alex Agent', 'reviewer-1': 'Rita Reviewer', 'director-1': 'Dana Director' },
    contacts,
    notes,
    audit,
    emails,
    letters,
    uploads: [
      upload('Photo of my bill (March).png', Buffer.from('not really a PNG, but bytes all the same')),
    ],
  };
}

/** A file the customer uploaded on the website, the day after their reply. */
export function upload(filename: string, content: Buffer): CaseFileUpload {
  return {
    id: 'upload-1',
    complaintId: 'complaint-1',
    customerId: 'cass',
    sentBy: null,
    filename,
    contentType: 'image/png',
    sizeBytes: content.length,
    sha256: sha256(content),
    createdAt: '2026-05-13T09:30:00.000Z',
    content,
  };
}
