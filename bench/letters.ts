/**
 * The `letters` workload of `npm run bench`: N distinct letters (acknowledgements and ADR deadlock letters,
 * one complaint each, recorded untimed), each in turn rendered (`renderLetter`), written as a bare pdfkit
 * document (the baseline: the same letter's plain text in Helvetica, a standard font, nothing embedded,
 * written to a Buffer) and issued (`issueLetter`: render, store, audit event), one after another, in this
 * process against a fresh, migrated database of the dialect under test. Each call is timed in wall time and in
 * CPU time (`process.cpuUsage`). Every letter must be stored once with its audit event, and every PDF must be
 * a PDF. See bench/README.md.
 */
import PDFDocument from 'pdfkit';
import { ACKNOWLEDGEMENT_KIND, acknowledgementFacts } from '../src/app/acknowledge-complaint.ts';
import type { AppContext } from '../src/app/context.ts';
import { adrLetterSourceKey, issueLetter, type LetterToIssue } from '../src/app/issue-letter.ts';
import { recordComplaint } from '../src/app/record-complaint.ts';
import { findComplaintById } from '../src/db/complaints.ts';
import { findCustomer } from '../src/db/customers.ts';
import type { Dialect } from '../src/db/database.ts';
import { type LetterInput, renderLetter } from '../src/documents/letters/index.ts';
import { pdfBytes } from '../src/documents/pdf/document.ts';
import type { Actor } from '../src/domain/actor.ts';
import { adrWindowEndsOn } from '../src/domain/clocks.ts';
import { adrEligible } from '../src/domain/complaint.ts';
import { londonDate } from '../src/domain/time.ts';
import { textTable } from './children.ts';
import { countRows, openBenchContext } from './context.ts';
import {
  DEADLOCK_REASON,
  DESCRIPTIONS,
  type DocumentSettings,
  isPdf,
  LAST_OFFER,
  staff,
} from './document-setup.ts';
import { compare, type Rate, type Ratio, rate, rateCells, rateColumns } from './latency.ts';

export interface LetterTiming extends Rate {
  letters: number;
}

export interface LetterRow {
  dialect: Dialect;
  workload: 'issue-letter' | 'render-letter';
  redress: LetterTiming;
  baseline: LetterTiming;
  ratio: Ratio;
  /** Redress's mean per letter minus the baseline's, ms. */
  overheadMs: number;
  /** Mean PDF size, bytes. */
  pdfBytes: { redress: number; baseline: number };
  /**
   * Mean CPU time per letter, ms (`process.cpuUsage` around each call: this process's threads, so a
   * collection or a compression helper thread counts too). On a shared machine this moves far less than
   * the wall time does.
   */
  cpuMs: { redress: number; baseline: number };
}

interface LetterCase {
  issue: LetterToIssue;
  render: LetterInput;
}

/** `count` complaints (recorded untimed), each with the letter it gets: acknowledgements and ADR letters by turn. */
async function letterCases(
  ctx: AppContext,
  actor: Actor,
  phase: string,
  count: number,
): Promise<LetterCase[]> {
  const cases: LetterCase[] = [];
  const date = londonDate(ctx.now());
  for (let i = 0; i < count; i++) {
    const recorded = await recordComplaint(
      ctx,
      {
        customer: {
          name: `Alex ${phase === 'run' ? '' : 'Warm '}Customer-${i}`,
          email: `alex-${phase}-${i}@example.org`,
          phone: '01632 960 123',
          addressLines: [`${10 + i} Acacia Avenue`, 'Little Whinging', 'Surrey'],
          postcode: 'GU21 4XY',
        },
        channel: 'phone',
        description: DESCRIPTIONS[i % DESCRIPTIONS.length]!,
        category: 'billing',
        formal: true,
        desiredOutcome: 'A refund of the second charge and an explanation, so it does not happen again.',
      },
      actor,
    );
    const complaint = await findComplaintById(ctx.db.kysely, recorded.id);
    const customer = complaint && (await findCustomer(ctx.db.kysely, complaint.customerId));
    if (!complaint || !customer) throw new Error(`letters: complaint ${recorded.reference} was not stored`);
    const facts: LetterToIssue['facts'] =
      i % 2 === 0
        ? acknowledgementFacts(complaint, ctx.procedure)
        : {
            kind: 'adr-letter',
            trigger: 'deadlock',
            issuedOn: date,
            windowEndsOn: adrWindowEndsOn(date, ctx.procedure),
            complaintSummary: complaint.description,
            position: DEADLOCK_REASON,
            lastOffer: LAST_OFFER,
            adrEligible: adrEligible(complaint),
          };
    const sourceKey =
      facts.kind === 'acknowledgement'
        ? `${ACKNOWLEDGEMENT_KIND}:${complaint.id}`
        : adrLetterSourceKey(`bench-${phase}-${i}`);
    const handlerId = actor.kind === 'staff' ? actor.id : null;
    cases.push({
      issue: { complaint, customer, facts, sourceKey, date, handlerId, delivery: 'email' },
      render: {
        procedure: ctx.procedure,
        reference: complaint.reference,
        date,
        customer: { name: customer.name, addressLines: customer.addressLines, postcode: customer.postcode },
        handler: { name: 'Priya Shah', jobTitle: 'Director' },
        largePrint: false,
        facts,
      },
    });
  }
  return cases;
}

/** The baseline letter: the same text, 11 pt Helvetica on A4, no font embedded, no layout of our own. */
function bareLetter(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 64 });
  doc.font('Helvetica').fontSize(11).text(text, { lineGap: 2 });
  return pdfBytes(doc);
}

function letterRow(
  dialect: Dialect,
  workload: LetterRow['workload'],
  redress: LetterTiming,
  baseline: LetterTiming,
  pdfBytes: LetterRow['pdfBytes'],
  cpuMs: LetterRow['cpuMs'],
): LetterRow {
  return { dialect, workload, redress, baseline, ...compare(redress, baseline), pdfBytes, cpuMs };
}

/**
 * letters: `issueLetter` and `renderLetter` per second, beside a bare pdfkit document of the same text. The
 * three take turns letter by letter (render, bare, issue), so a busy moment of a shared machine falls on all
 * of them alike; each one's letters/s is its letters over the time spent in its own calls.
 */
export async function benchLetters(
  dialect: Dialect,
  target: string,
  settings: DocumentSettings,
): Promise<LetterRow[]> {
  const { log } = settings;
  const { count: n, warmup } = settings.letters;
  const label = `${dialect} letters`;
  const ctx = await openBenchContext(target, settings.onCleanup);
  const director = await staff(ctx, 'Priya Shah', 'director');
  log(`${label}: recording ${warmup} + ${n} complaints (untimed) …`);
  const warm = await letterCases(ctx, director, 'warm', warmup);
  const cases = await letterCases(ctx, director, 'run', n);

  const ms = { render: [] as number[], bare: [] as number[], issue: [] as number[] };
  const bytes = { render: [] as number[], bare: [] as number[], issue: [] as number[] };
  const cpu = { render: [] as number[], bare: [] as number[], issue: [] as number[] };
  const cpuMsSince = (from: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(from);
    return (used.user + used.system) / 1000;
  };
  const issuedIds: string[] = [];
  const oneLetter = async (c: LetterCase, measured: boolean) => {
    const { reference, customer } = c.render;
    let at = performance.now();
    let cpuAt = process.cpuUsage();
    const letter = await renderLetter(c.render);
    const renderMs = performance.now() - at;
    const renderCpu = cpuMsSince(cpuAt);
    if (!isPdf(letter.pdf) || !letter.text.includes(reference) || !letter.text.includes(customer.name)) {
      throw new Error(`${label}: renderLetter for ${reference} gave no PDF or the wrong text`);
    }
    at = performance.now();
    cpuAt = process.cpuUsage();
    const bare = await bareLetter(letter.text);
    const bareMs = performance.now() - at;
    const bareCpu = cpuMsSince(cpuAt);
    if (!isPdf(bare)) throw new Error(`${label} baseline: the document for ${reference} is not a PDF`);
    at = performance.now();
    cpuAt = process.cpuUsage();
    const stored = await issueLetter(ctx, c.issue);
    const issueMs = performance.now() - at;
    const issueCpu = cpuMsSince(cpuAt);
    const expected = c.issue.facts.kind === 'adr-letter' ? 'adr-letter-deadlock' : c.issue.facts.kind;
    if (stored.kind !== expected || stored.complaintId !== c.issue.complaint.id || stored.pages < 1) {
      throw new Error(`${label}: issueLetter for ${c.issue.sourceKey} stored ${JSON.stringify(stored)}`);
    }
    if (!measured) return;
    ms.render.push(renderMs);
    ms.bare.push(bareMs);
    ms.issue.push(issueMs);
    cpu.render.push(renderCpu);
    cpu.bare.push(bareCpu);
    cpu.issue.push(issueCpu);
    bytes.render.push(letter.pdf.length);
    bytes.bare.push(bare.length);
    bytes.issue.push(stored.sizeBytes);
    issuedIds.push(stored.id);
  };
  for (const c of warm) await oneLetter(c, false);
  log(`${label}: ${n} letters, each rendered, made bare and issued in turn …`);
  for (const c of cases) await oneLetter(c, true);

  const documents = await countRows(ctx.db, 'documents');
  const trail = await countRows(ctx.db, 'audit_events', { column: 'type', value: 'letter-issued' });
  const distinct = new Set(issuedIds).size;
  if (documents !== warmup + n || trail !== warmup + n || distinct !== n) {
    throw new Error(
      `${label}: issued ${warmup} + ${n} letters, but the database holds ${documents} documents and ` +
        `${trail} letter-issued events, and ${distinct} of the ${n} measured letters are distinct`,
    );
  }
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const timing = (values: readonly number[]): LetterTiming => ({
    letters: values.length,
    ...rate(values, sum(values) / 1000),
  });
  const [render, baseline, issue] = [timing(ms.render), timing(ms.bare), timing(ms.issue)];
  const mean = (values: readonly number[]) => sum(values) / values.length;
  for (const [what, t] of [
    ['issueLetter', issue],
    ['renderLetter', render],
    ['baseline', baseline],
  ] as const) {
    log(`${label} ${what}: ${t.perSecond.toFixed(1)} letters/s, p50 ${t.p50.toFixed(1)} ms`);
  }
  log(
    `${label} CPU per letter: issueLetter ${mean(cpu.issue).toFixed(1)} ms, renderLetter ` +
      `${mean(cpu.render).toFixed(1)} ms, baseline ${mean(cpu.bare).toFixed(1)} ms`,
  );
  log(`${label}: verified ${documents} letters stored once each, with their audit events`);
  return [
    letterRow(
      dialect,
      'issue-letter',
      issue,
      baseline,
      { redress: mean(bytes.issue), baseline: mean(bytes.bare) },
      { redress: mean(cpu.issue), baseline: mean(cpu.bare) },
    ),
    letterRow(
      dialect,
      'render-letter',
      render,
      baseline,
      { redress: mean(bytes.render), baseline: mean(bytes.bare) },
      { redress: mean(cpu.render), baseline: mean(cpu.bare) },
    ),
  ];
}

export function lettersTable(rows: readonly LetterRow[]): string {
  const header = [
    'dialect',
    'workload',
    ...rateColumns('Redress', 'letters'),
    'CPU ms',
    'kB',
    ...rateColumns('baseline', 'letters'),
    'CPU ms',
    'kB',
    'letters/s ratio',
    'p50 ratio',
    '+ms/letter',
  ];
  const lines = rows.map((r) => [
    r.dialect,
    r.workload,
    ...rateCells(r.redress.perSecond, r.redress, 1),
    r.cpuMs.redress.toFixed(2),
    (r.pdfBytes.redress / 1000).toFixed(1),
    ...rateCells(r.baseline.perSecond, r.baseline, 1),
    r.cpuMs.baseline.toFixed(2),
    (r.pdfBytes.baseline / 1000).toFixed(1),
    r.ratio.throughput.toFixed(3),
    r.ratio.p50.toFixed(2),
    r.overheadMs.toFixed(2),
  ]);
  return textTable(header, lines);
}
