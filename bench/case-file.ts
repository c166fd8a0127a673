/**
 * The `case-file` workload of `npm run bench`: one complaint with 200 logged contacts, 25 inbound emails
 * carrying 50 attachments (20–200 kB), a proposal, a deadlock and the letters and emails the jobs issue for
 * them (all untimed), in this process against a fresh, migrated database of the dialect under test; the timed
 * part is `exportCaseFile`, a warm-up and then several runs, each after the baseline: fflate's `zipSync` of
 * the same attachment bytes and email texts, already in memory. Each ZIP must open and hold every attachment
 * byte for byte, every email, the PDF and a JSON listing the 200 contacts. See bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import { unzipSync, type Zippable, zipSync } from 'fflate';
import type { AppContext } from '../src/app/context.ts';
import { exportCaseFile } from '../src/app/export-case-file.ts';
import { issueCommand } from '../src/app/issue-command.ts';
import { jobHandlers } from '../src/app/job-handlers.ts';
import { recordComplaint } from '../src/app/record-complaint.ts';
import { insertEmailAttachment, listAttachmentsWithContent } from '../src/db/attachments.ts';
import type { Dialect } from '../src/db/database.ts';
import { insertEmail, listEmailsForComplaint } from '../src/db/emails.ts';
import type { ContactChannel } from '../src/domain/commands.ts';
import { sha256Hex } from '../src/storage/document-store.ts';
import { textTable } from './children.ts';
import { countRows, openBenchContext, runAllDueJobs } from './context.ts';
import {
  DEADLOCK_REASON,
  DESCRIPTIONS,
  type DocumentSettings,
  isPdf,
  LAST_OFFER,
  staff,
} from './document-setup.ts';

export interface ExportTiming {
  runs: number[];
  median: number;
  min: number;
  max: number;
}

export interface CaseFileRow {
  dialect: Dialect;
  workload: 'case-file';
  /** ms per export. */
  redress: ExportTiming;
  baseline: ExportTiming;
  /** Redress's median / the baseline's (above 1 is slower). */
  ratio: number;
  zipBytes: number;
  entries: number;
  pdfBytes: number;
  attachmentBytes: number;
  contacts: number;
  attachments: number;
  emails: number;
  letters: number;
}

function exportTiming(runs: number[]): ExportTiming {
  const sorted = [...runs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return {
    runs,
    median:
      sorted.length % 2 === 1
        ? (sorted[middle] ?? Number.NaN)
        : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2,
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

const CONTACT_SUMMARIES = [
  'Customer rang about the double charge; explained we are checking the billing system',
  'Called the customer back: the second payment is confirmed on their bank statement',
  'Customer emailed asking for an update; replied that the billing team has the case',
  'Left a voicemail asking the customer to ring back about the refund',
  'Customer called, unhappy with the delay; apologised and gave a new date for an answer',
  'Spoke to the customer about the credit offered; they want to think about it',
];
const CONTACT_CHANNELS: readonly ContactChannel[] = ['phone', 'email', 'phone', 'letter', 'phone', 'web'];
const ATTACHMENT_TYPES = [
  { extension: 'pdf', contentType: 'application/pdf', magic: Buffer.from('%PDF-1.7\n') },
  { extension: 'jpg', contentType: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
  {
    extension: 'png',
    contentType: 'image/png',
    magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
] as const;

/** 20–200 kB, the same sizes every run: a scanned bill, a photo of the router, a screenshot. */
function attachmentSize(i: number): number {
  return 20_000 + ((i * 7919) % 181) * 1000;
}

interface CaseFileData {
  reference: string;
  contacts: number;
  emails: { id: string; text: string }[];
  attachments: { filename: string; content: Buffer }[];
}

/**
 * One complaint as a long case would leave it, built through the use cases (untimed): contacts logged one at
 * a time, inbound emails with attachments now and then, a proposal declined, a deadlock, and the jobs run
 * (acknowledgement, proposal and ADR letters, each with its email). The bench clock moves 5 minutes a step.
 */
async function buildComplaint(
  ctx: AppContext,
  settings: DocumentSettings,
  label: string,
): Promise<CaseFileData> {
  const { contacts, attachments } = settings.caseFile;
  let clock = Date.now() - 86_400_000;
  const bench: AppContext = { ...ctx, now: () => new Date(clock) };
  const step = () => {
    clock += 300_000;
  };
  const agent = await staff(bench, 'Sam Agent', 'agent');
  const director = await staff(bench, 'Priya Shah', 'director');
  const { id, reference } = await recordComplaint(
    bench,
    {
      customer: {
        name: 'Cass File',
        email: 'cass.file@example.org',
        phone: '01632 960 456',
        addressLines: ['1 High Street', 'Warrington'],
        postcode: 'WA1 1AA',
      },
      channel: 'email',
      description: DESCRIPTIONS[0]!,
      category: 'billing',
      formal: true,
      desiredOutcome: 'A refund of the second charge',
    },
    agent,
  );
  const emailCount = Math.ceil(attachments / 2);
  const everyContacts = Math.max(1, Math.floor(contacts / emailCount));
  let emailsStored = 0;
  let attachmentsStored = 0;
  const storeEmail = async () => {
    const n = emailsStored++;
    const emailId = `bench-in-${n}-${randomBytes(4).toString('hex')}`;
    const count = Math.min(2, attachments - attachmentsStored);
    const at = new Date(clock).toISOString();
    const text = `Hello,\n\nPlease find attached ${count} more document(s) about my complaint ${reference}: ${DESCRIPTIONS[n % 3]}\n\nCass File\n`;
    await insertEmail(ctx.db.kysely, {
      id: emailId,
      complaintId: id,
      customerId: null,
      direction: 'in',
      kind: 'reply',
      status: 'received',
      messageId: `<${emailId}@example.org>`,
      inReplyTo: null,
      references: [],
      from: 'Cass File <cass.file@example.org>',
      to: ctx.procedure.company.email,
      subject: `Re: [${reference}] Your complaint, with documents`,
      text,
      html: null,
      note: null,
      sizeBytes: text.length,
      createdAt: at,
    });
    for (let k = 0; k < count; k++) {
      const i = attachmentsStored++;
      const type = ATTACHMENT_TYPES[i % ATTACHMENT_TYPES.length]!;
      const content = Buffer.concat([type.magic, randomBytes(attachmentSize(i) - type.magic.length)]);
      await insertEmailAttachment(ctx.db.kysely, {
        id: `${emailId}-att-${k}`,
        emailId,
        filename: `Evidence ${i + 1} (${type.extension.toUpperCase()}).${type.extension}`,
        contentType: type.contentType,
        blob: await ctx.documents.put(content),
        createdAt: at,
      });
    }
  };
  for (let i = 0; i < contacts; i++) {
    step();
    await issueCommand(
      bench,
      reference,
      {
        type: 'log-contact',
        channel: CONTACT_CHANNELS[i % CONTACT_CHANNELS.length]!,
        direction: i % 3 === 0 ? 'out' : 'in',
        summary: `${CONTACT_SUMMARIES[i % CONTACT_SUMMARIES.length]} (contact ${i + 1}).`,
      },
      agent,
    );
    if ((i + 1) % everyContacts === 0 && attachmentsStored < attachments) await storeEmail();
  }
  while (attachmentsStored < attachments) await storeEmail();
  step();
  await issueCommand(
    bench,
    reference,
    {
      type: 'propose',
      summary: LAST_OFFER,
      steps: [{ description: 'Refund £34.99 and add a £20 credit', ownerId: null }],
    },
    agent,
  );
  step();
  await issueCommand(bench, reference, { type: 'record-response', outcome: 'declined' }, agent);
  step();
  await issueCommand(bench, reference, { type: 'declare-deadlock', reason: DEADLOCK_REASON }, director);

  // The letters and their emails, as the worker would send them (no mail settings: kept in the database).
  const total = await runAllDueJobs(ctx.db, jobHandlers(bench), { now: bench.now });
  if (total.claimed !== total.done || total.done < 3) {
    throw new Error(`${label}: the complaint's jobs did not all run: ${JSON.stringify(total)}`);
  }

  // What the baseline zips: the raw bytes, read before it is timed.
  const emails = await listEmailsForComplaint(ctx.db.kysely, id);
  const stored = await listAttachmentsWithContent(
    ctx.db.kysely,
    ctx.documents,
    emails.map((e) => e.id),
  );
  return {
    reference,
    contacts,
    emails: emails.map((e) => ({ id: e.id, text: e.text })),
    attachments: [...stored.values()].flat().map((a) => ({ filename: a.filename, content: a.content })),
  };
}

/** Fails the bench unless the ZIP opens and holds every attachment, every email, the PDF and the contacts. */
function verifyCaseFile(zip: Uint8Array, data: CaseFileData, label: string): number {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (error) {
    throw new Error(`${label}: the case file does not unzip`, { cause: error });
  }
  const names = Object.keys(files);
  const attachments = names
    .filter((n) => n.startsWith('attachments/'))
    .map((n) => sha256Hex(Buffer.from(files[n]!)));
  const expected = data.attachments.map((a) => sha256Hex(a.content));
  const missing = expected.filter((hash) => !attachments.includes(hash));
  const emls = names.filter((n) => n.startsWith('emails/') && n.endsWith('.eml'));
  const pdf = files['case-file.pdf'];
  const json = JSON.parse(Buffer.from(files['complaint.json'] ?? []).toString('utf8') || '{}') as {
    contacts?: unknown[];
  };
  const problems = [
    attachments.length === expected.length && missing.length === 0
      ? null
      : `${attachments.length} attachments (${missing.length} of ${expected.length} missing or changed)`,
    emls.length === data.emails.length ? null : `${emls.length} .eml files for ${data.emails.length} emails`,
    pdf && isPdf(pdf) ? null : 'no case-file.pdf',
    json.contacts?.length === data.contacts
      ? null
      : `${json.contacts?.length ?? 'no'} contacts in complaint.json, not ${data.contacts}`,
  ].filter((p) => p !== null);
  if (problems.length > 0) throw new Error(`${label}: the case file is wrong: ${problems.join('; ')}`);
  return names.length;
}

/** The baseline: the same attachment bytes (stored) and email texts (deflated), as Redress's ZIP has them. */
function bareZip(data: CaseFileData): Uint8Array {
  const entries: Zippable = {};
  for (const [i, a] of data.attachments.entries())
    entries[`attachments/${i}-${a.filename}`] = [a.content, { level: 0 }];
  for (const e of data.emails) entries[`emails/${e.id}.txt`] = [Buffer.from(e.text, 'utf8'), { level: 6 }];
  return zipSync(entries);
}

/**
 * case-file: exporting one big complaint's case file, beside zipping its raw data. The two take turns run by
 * run (a warm-up of each first), so a busy moment of a shared machine falls on both alike.
 */
export async function benchCaseFile(
  dialect: Dialect,
  target: string,
  settings: DocumentSettings,
): Promise<CaseFileRow> {
  const { log } = settings;
  const { runs, warmup, contacts, attachments } = settings.caseFile;
  const label = `${dialect} case-file`;
  const ctx = await openBenchContext(target, settings.onCleanup);
  log(`${label}: building a complaint with ${contacts} contacts and ${attachments} attachments (untimed) …`);
  const data = await buildComplaint(ctx, settings, label);
  const attachmentBytes = data.attachments.reduce((a, f) => a + f.content.length, 0);
  if (data.attachments.length !== attachments) {
    throw new Error(`${label}: stored ${data.attachments.length} attachments, not ${attachments}`);
  }

  const times = { redress: [] as number[], baseline: [] as number[] };
  let last: { zip: Buffer; pdf: Buffer; entries: number } = {
    zip: Buffer.alloc(0),
    pdf: Buffer.alloc(0),
    entries: 0,
  };
  log(`${label}: ${warmup} + ${runs} exports, each after a bare zip of the same data …`);
  for (let run = 0; run < warmup + runs; run++) {
    // Baseline: fflate alone, on bytes already in memory.
    let at = performance.now();
    const bare = bareZip(data);
    const bareMs = performance.now() - at;
    const bareEntries = Object.keys(unzipSync(bare)).length;
    if (bareEntries !== data.attachments.length + data.emails.length) {
      throw new Error(`${label} baseline: the ZIP holds ${bareEntries} entries`);
    }
    // Redress: load everything, render the PDF and the .eml files, zip; then check it, untimed.
    at = performance.now();
    const file = await exportCaseFile(ctx, data.reference, { kind: 'system' });
    const redressMs = performance.now() - at;
    last = { zip: file.zip, pdf: file.pdf, entries: verifyCaseFile(file.zip, data, label) };
    if (run < warmup) continue;
    times.baseline.push(bareMs);
    times.redress.push(redressMs);
  }
  const redress = exportTiming(times.redress);
  const baseline = exportTiming(times.baseline);
  log(`${label}: verified ${warmup + runs} ZIPs (${last.entries} entries, every attachment byte for byte)`);
  log(`${label}: Redress median ${redress.median.toFixed(0)} ms, baseline ${baseline.median.toFixed(1)} ms`);
  return {
    dialect,
    workload: 'case-file',
    redress,
    baseline,
    ratio: redress.median / baseline.median,
    zipBytes: last.zip.length,
    entries: last.entries,
    pdfBytes: last.pdf.length,
    attachmentBytes,
    contacts: data.contacts,
    attachments: data.attachments.length,
    emails: data.emails.length,
    letters: await countRows(ctx.db, 'documents'),
  };
}

export function caseFileTable(rows: readonly CaseFileRow[]): string {
  const header = [
    'dialect',
    'workload',
    'Redress median ms',
    'min ms',
    'max ms',
    'baseline median ms',
    'min ms',
    'max ms',
    'time ratio',
    'ZIP MB',
    'entries',
    'PDF kB',
    'attachments MB',
  ];
  const lines = rows.map((r) => [
    r.dialect,
    r.workload,
    r.redress.median.toFixed(0),
    r.redress.min.toFixed(0),
    r.redress.max.toFixed(0),
    r.baseline.median.toFixed(1),
    r.baseline.min.toFixed(1),
    r.baseline.max.toFixed(1),
    r.ratio.toFixed(1),
    (r.zipBytes / 1e6).toFixed(2),
    String(r.entries),
    (r.pdfBytes / 1000).toFixed(0),
    (r.attachmentBytes / 1e6).toFixed(2),
  ]);
  const what = rows.map(
    (r) =>
      `${r.dialect}: one complaint, ${r.contacts} contacts, ${r.attachments} attachments, ${r.emails} emails ` +
      `(both ways), ${r.letters} letters`,
  );
  return [textTable(header, lines), ...what].join('\n');
}
