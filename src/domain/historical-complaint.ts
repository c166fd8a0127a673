/**
 * A complaint handled elsewhere before Redress, as one row of an import file: its columns, how each cell is
 * read and checked, and the complaint state it becomes. Pure: `redress import` (app/import-complaints.ts)
 * reads the file and writes what this returns.
 *
 * The state is built by applying the procedure's own events (recorded, attempts opened, escalated, deadlock,
 * ADR letter, closed) at the times the file gives, so an imported complaint is shaped exactly like one
 * handled here: the queues, the clocks and the figures read it the same way.
 */
import { adrWindowEndsOn, calendarOf } from './clocks.ts';
import type { Event } from './commands.ts';
import {
  type AdrTrigger,
  type AttemptNumber,
  CHANNELS,
  type Channel,
  CLOSURE_REASONS,
  type ClosureReason,
  type Complaint,
  CUSTOMER_TYPES,
  type CustomerType,
  LAST_ATTEMPT,
} from './complaint.ts';
import { EMAIL_ADDRESS, TELEPHONE, UK_POSTCODE } from './contact-details.ts';
import { create, type EventMeta, evolve } from './evolve.ts';
import { type Category, type Procedure, rootCauseFromText } from './procedure.ts';
import { fromLondonWallClock, isLocalDate, type LocalDate, londonDate, startOfLondonDay } from './time.ts';

/** The stages an imported complaint can be at (initiation flows straight into attempt 1). */
export const IMPORT_STAGES = ['attempt-1', 'attempt-2', 'attempt-3', 'deadlock', 'closed'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

/** Every column of an import file, in the file's own words: name and what it holds (README, `--help`). */
export const IMPORT_COLUMNS = {
  external_id: 'required. The complaint’s id in the system the file comes from; with the source, its key',
  received_at: 'required. When the complaint was received',
  first_expressed_at:
    'When the customer first expressed dissatisfaction (starts the ADR clock); default received_at',
  channel: `required. ${CHANNELS.join(', ')}`,
  category: 'One of the procedure’s categories; default other',
  description: 'required. What the complaint is about',
  desired_outcome: 'What the customer wanted done',
  formal: 'yes or no (default no): the customer asked for a formal complaint',
  customer_id: 'The source’s id for the customer: rows with the same one share one customer record',
  customer_name: 'required. The customer’s name',
  customer_email: 'The customer’s email address',
  customer_phone: 'The customer’s telephone number',
  customer_type: `${CUSTOMER_TYPES.join(', ')}; default residential`,
  customer_postcode: 'A UK postcode',
  stage: `${IMPORT_STAGES.join(', ')} (initiation reads as attempt-1); default closed with closed_at, else attempt-1`,
  attempt: 'The last resolution attempt reached, 1 to 3; default the stage’s (3 at deadlock, 1 when closed)',
  owner_email: 'The member of staff who owns it here (an active user); default none (the stage’s queue)',
  closed_at: 'required when closed. When it closed',
  closure_reason: `required when closed. ${CLOSURE_REASONS.join(', ')}`,
  root_cause: 'Why it happened (closed complaints only)',
  lessons: 'Lessons learned (closed complaints only)',
  adr_letter_on: 'The date an ADR letter was sent, if one was; required at deadlock',
  adr_letter_trigger: 'deadlock or time-limit; default deadlock at the deadlock stage, else time-limit',
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;
export const IMPORT_COLUMN_NAMES = Object.keys(IMPORT_COLUMNS) as ImportColumn[];

/** One row's cells by column (absent and empty are the same). */
export type ImportCells = Partial<Record<ImportColumn, string>>;

/** A row read and checked: the facts of one historical complaint. */
export interface HistoricalComplaint {
  externalId: string;
  receivedAt: string;
  firstExpressedAt: string;
  channel: Channel;
  category: Category;
  description: string;
  desiredOutcome: string | null;
  formal: boolean;
  customer: {
    key: string | null;
    name: string;
    email: string | null;
    phone: string | null;
    type: CustomerType;
    postcode: string | null;
  };
  stage: ImportStage;
  attempt: AttemptNumber;
  ownerEmail: string | null;
  closure: {
    closedAt: string;
    reason: ClosureReason;
    rootCause: string | null;
    lessons: string | null;
  } | null;
  adrLetter: { issuedOn: LocalDate; trigger: AdrTrigger } | null;
}

export type ReadRow = { ok: true; complaint: HistoricalComplaint } | { ok: false; reasons: string[] };

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * An instant from a cell: ISO 8601 with a zone; or a London date (`2025-03-14`, `14/03/2025`, day first) with
 * an optional time (`14:05`), read as London time; a date alone is the start of its day.
 */
export function readInstant(value: string): Date | null {
  if (WITH_ZONE.test(value)) {
    const at = new Date(value);
    return Number.isNaN(at.getTime()) ? null : at;
  }
  const iso = ISO_DATE.exec(value);
  const uk = iso ? null : UK_DATE.exec(value);
  const parts = iso
    ? { y: iso[1], m: iso[2], d: iso[3], h: iso[4], mi: iso[5] }
    : uk
      ? { y: uk[3], m: uk[2], d: uk[1], h: uk[4], mi: uk[5] }
      : null;
  if (!parts) return null;
  const date = `${parts.y}-${parts.m?.padStart(2, '0')}-${parts.d?.padStart(2, '0')}`;
  if (!isLocalDate(date)) return null;
  if (parts.h === undefined) return startOfLondonDay(date);
  const hour = Number(parts.h);
  if (hour > 23 || Number(parts.mi) > 59) return null;
  return fromLondonWallClock(`${date}T${String(hour).padStart(2, '0')}:${parts.mi}`);
}

const oneOf = <T extends string>(values: readonly T[], value: string): T | undefined =>
  values.find((v) => v === value.toLowerCase());

/** Reads and checks one row. Every problem is reported, not just the first. */
export function readImportRow(cells: ImportCells, procedure: Procedure, now: Date): ReadRow {
  const reasons: string[] = [];
  const cell = (column: ImportColumn) => cells[column]?.trim() ?? '';
  const required = (column: ImportColumn) => {
    const value = cell(column);
    if (!value) reasons.push(`${column} is missing`);
    return value;
  };
  const longest = (column: ImportColumn, max: number) => {
    const value = cell(column);
    if (value.length > max) reasons.push(`${column} is longer than ${max} characters`);
    return value || null;
  };
  const instant = (column: ImportColumn, value: string) => {
    if (!value) return null;
    const at = readInstant(value);
    if (!at)
      reasons.push(
        `${column} "${value}" is not a date (2025-03-14, 14/03/2025, with a time or not, or ISO 8601)`,
      );
    else if (at.getTime() > now.getTime()) reasons.push(`${column} ${value} is in the future`);
    else return at;
    return null;
  };

  const externalId = required('external_id');
  if (externalId.length > 200) reasons.push('external_id is longer than 200 characters');
  const received = instant('received_at', required('received_at'));
  const firstExpressed = instant('first_expressed_at', cell('first_expressed_at')) ?? received;
  if (received && firstExpressed && firstExpressed.getTime() > received.getTime()) {
    reasons.push('first_expressed_at is after received_at');
  }
  const channelText = required('channel');
  const channel = channelText ? oneOf(CHANNELS, channelText) : undefined;
  if (channelText && !channel) reasons.push(`channel "${channelText}" is not one of ${CHANNELS.join(', ')}`);
  const categoryText = cell('category') || 'other';
  const category = procedure.categories.find((c) => c === categoryText.toLowerCase());
  if (!category) reasons.push(`category "${categoryText}" is not one of ${procedure.categories.join(', ')}`);
  const description = required('description');
  if (description.length > 20_000) reasons.push('description is longer than 20000 characters');
  const desiredOutcome = longest('desired_outcome', 4000);
  const formalText = cell('formal').toLowerCase();
  const formal = ['yes', 'true', '1', 'y'].includes(formalText);
  if (formalText && !formal && !['no', 'false', '0', 'n'].includes(formalText)) {
    reasons.push(`formal "${cell('formal')}" is not yes or no`);
  }

  const name = required('customer_name');
  if (name.length > 200) reasons.push('customer_name is longer than 200 characters');
  const email = cell('customer_email') || null;
  if (email && !EMAIL_ADDRESS.test(email)) reasons.push(`customer_email "${email}" is not an email address`);
  const phone = cell('customer_phone') || null;
  if (phone && !TELEPHONE.test(phone)) reasons.push(`customer_phone "${phone}" is not a telephone number`);
  const postcode = cell('customer_postcode') || null;
  if (postcode && !UK_POSTCODE.test(postcode))
    reasons.push(`customer_postcode "${postcode}" is not a UK postcode`);
  const typeText = cell('customer_type') || 'residential';
  const type = oneOf(CUSTOMER_TYPES, typeText);
  if (!type) reasons.push(`customer_type "${typeText}" is not one of ${CUSTOMER_TYPES.join(', ')}`);

  const closedAtText = cell('closed_at');
  const stageText = cell('stage').toLowerCase() || (closedAtText ? 'closed' : 'attempt-1');
  const stage = oneOf(IMPORT_STAGES, stageText === 'initiation' ? 'attempt-1' : stageText);
  if (!stage) reasons.push(`stage "${cell('stage')}" is not one of ${IMPORT_STAGES.join(', ')}`);
  const stageAttempt: AttemptNumber | null =
    stage === 'attempt-1' ? 1 : stage === 'attempt-2' ? 2 : stage === 'attempt-3' ? 3 : null;
  const attemptText = cell('attempt');
  let attempt: AttemptNumber = stageAttempt ?? (stage === 'deadlock' ? LAST_ATTEMPT : 1);
  if (attemptText) {
    const n = Number(attemptText);
    if (n !== 1 && n !== 2 && n !== 3) reasons.push(`attempt "${attemptText}" is not 1, 2 or 3`);
    else if (stageAttempt !== null && n !== stageAttempt)
      reasons.push(`attempt ${n} is not the stage's (${stage})`);
    else attempt = n;
  }

  let closure: HistoricalComplaint['closure'] = null;
  if (stage === 'closed') {
    const closedAt = instant('closed_at', required('closed_at'));
    if (closedAt && received && closedAt.getTime() < received.getTime())
      reasons.push('closed_at is before received_at');
    const reasonText = required('closure_reason');
    const reason = reasonText ? oneOf(CLOSURE_REASONS, reasonText) : undefined;
    if (reasonText && !reason)
      reasons.push(`closure_reason "${reasonText}" is not one of ${CLOSURE_REASONS.join(', ')}`);
    // Another system's cause becomes a code of the tree; words the tree does not know are kept in the
    // lessons and filed under `other`, as migration 0020 did for causes written before the tree.
    const rootCauseText = longest('root_cause', 4000);
    const cause = rootCauseText ? rootCauseFromText(procedure, rootCauseText) : null;
    const givenLessons = longest('lessons', 4000);
    const lessons = cause?.unmatched
      ? `Root cause as given: ${cause.unmatched}${givenLessons ? `\n\n${givenLessons}` : ''}`
      : givenLessons;
    if (closedAt && reason) {
      closure = { closedAt: closedAt.toISOString(), reason, rootCause: cause?.code ?? null, lessons };
    }
  } else if (stage) {
    for (const column of ['closed_at', 'closure_reason', 'root_cause', 'lessons'] as const) {
      if (cell(column)) reasons.push(`${column} is given but the complaint is not closed (stage ${stage})`);
    }
  }

  let adrLetter: HistoricalComplaint['adrLetter'] = null;
  const letterText = cell('adr_letter_on');
  const letterAt = instant('adr_letter_on', letterText);
  if (letterAt) {
    const issuedOn = londonDate(letterAt);
    const triggerText =
      cell('adr_letter_trigger').toLowerCase() || (stage === 'deadlock' ? 'deadlock' : 'time-limit');
    const trigger = oneOf(['deadlock', 'time-limit'] as const, triggerText);
    if (!trigger) reasons.push(`adr_letter_trigger "${triggerText}" is not deadlock or time-limit`);
    if (firstExpressed && issuedOn < londonDate(firstExpressed)) {
      reasons.push('adr_letter_on is before the customer first expressed dissatisfaction');
    }
    if (closure && issuedOn > londonDate(new Date(closure.closedAt)))
      reasons.push('adr_letter_on is after closed_at');
    if (trigger) adrLetter = { issuedOn, trigger };
  } else if (stage === 'deadlock' && !letterText) {
    reasons.push('adr_letter_on is missing: a complaint at deadlock has had its ADR letter');
  }

  if (reasons.length || !received || !firstExpressed || !channel || !category || !type || !stage) {
    return { ok: false, reasons };
  }
  return {
    ok: true,
    complaint: {
      externalId,
      receivedAt: received.toISOString(),
      firstExpressedAt: firstExpressed.toISOString(),
      channel,
      category,
      description,
      desiredOutcome,
      formal,
      customer: { key: cell('customer_id') || null, name, email, phone, type, postcode },
      stage,
      attempt,
      ownerEmail: cell('owner_email').toLowerCase() || null,
      closure,
      adrLetter,
    },
  };
}

/** What the new records are called: made by the caller (ids, the CRN). */
export interface ImportIds {
  id: string;
  reference: string;
  customerId: string;
  letterId: string;
}

/**
 * The complaint a historical row becomes, and the procedure's events that build it, each applied at the time
 * the file gives (when the file has no time for a step, the time it was received).
 */
export function historicalComplaint(
  h: HistoricalComplaint,
  ids: ImportIds,
  ownerId: string | null,
  source: string,
  procedure: Procedure,
): { complaint: Complaint; events: Event[] } {
  const received: EventMeta = { at: h.receivedAt, by: null };
  const steps: [Event, EventMeta][] = [
    [
      {
        type: 'complaint-recorded',
        complaint: {
          id: ids.id,
          reference: ids.reference,
          customerId: ids.customerId,
          customerType: h.customer.type,
          channel: h.channel,
          category: h.category,
          description: h.description,
          desiredOutcome: h.desiredOutcome,
          formal: h.formal,
          firstExpressedAt: h.firstExpressedAt,
          ownerId,
          acknowledgeBy: calendarOf(procedure).addWorkingDays(
            londonDate(new Date(h.receivedAt)),
            procedure.timescales.acknowledgeWorkingDays,
          ),
        },
      },
      received,
    ],
    [{ type: 'attempt-opened', attempt: 1 }, received],
  ];
  for (let n = 2; n <= h.attempt; n++) {
    const to = n as AttemptNumber;
    const from = (n - 1) as AttemptNumber;
    steps.push([{ type: 'escalated', from, to, reason: `Escalated in ${source}, before import` }, received]);
    steps.push([{ type: 'attempt-opened', attempt: to }, received]);
  }
  const letter = h.adrLetter;
  const letterMeta: EventMeta = {
    at: letter ? startOfLondonDay(letter.issuedOn).toISOString() : h.receivedAt,
    by: null,
  };
  if (h.stage === 'deadlock') {
    steps.push([
      {
        type: 'deadlock-declared',
        reason: `Deadlock in ${source}, before import`,
        declared: true,
        atAttempt: h.attempt,
      },
      letterMeta,
    ]);
  }
  if (letter) {
    steps.push([
      {
        type: 'adr-letter-issued',
        letterId: ids.letterId,
        trigger: letter.trigger,
        issuedOn: letter.issuedOn,
        windowEndsOn: adrWindowEndsOn(letter.issuedOn, procedure),
      },
      letterMeta,
    ]);
  }
  if (h.closure) {
    const { reason, rootCause, lessons, closedAt } = h.closure;
    steps.push([
      { type: 'closed', reason, rootCause, lessons },
      { at: closedAt, by: null },
    ]);
  }
  let complaint: Complaint | undefined;
  for (const [event, meta] of steps) {
    if (event.type === 'complaint-recorded') complaint = create(event, meta);
    else if (complaint) complaint = evolve(complaint, event, meta);
  }
  if (!complaint) throw new Error('no complaint was recorded');
  return { complaint, events: steps.map(([event]) => event) };
}
