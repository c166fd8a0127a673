/**
 * `redress import`: historical complaints from a CSV file (our columns, or another helpdesk's through a
 * mapping). Every row is read and checked first (domain/historical-complaint.ts); the good ones are written
 * in batches, each batch one transaction holding, for each row, its customer, its complaint, its audit event,
 * its key and its jobs. A batch that fails is written again a row per transaction, so one bad row is
 * rejected alone and no row is ever half-written.
 *
 * Idempotent: each row's key is the source (the mapping's, or `--source`) and its `external_id`, stored with
 * the complaint (0023); a row whose key is already stored is skipped, so a second run of the same file
 * imports nothing twice.
 *
 * What an import sets going, and what not (the complaints are history, not new contact with the customer):
 * - no acknowledgement and no email, letter or text to anyone: the old system answered these customers;
 * - an open complaint without an ADR letter gets its ADR clock as any other: the time-limit check at its ADR
 *   date (from `first_expressed_at`), and the staff warnings still ahead of today. One already past its limit
 *   is due at once: the worker (and the hourly ADR sweep, which finds it by its ADR date) issues the ADR
 *   letter it is owed. Give `adr_letter_on` for complaints that had one in the old system;
 * - a complaint at deadlock gets the close at the end of its ADR window, as any other;
 * - a closed complaint gets nothing.
 */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { ImportMapping } from '../config/import-mapping.ts';
import { appendAuditEvents } from '../db/audit.ts';
import { insertComplaints } from '../db/complaints.ts';
import { insertCustomers } from '../db/customers.ts';
import { transaction } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { findImportedCustomers, findImportedIds, type ImportKey, insertImportKeys } from '../db/imports.ts';
import { addNewFacts } from '../db/insight.ts';
import { enqueueAll, type NewJob } from '../db/jobs.ts';
import { nextSequences } from '../db/sequences.ts';
import { listUsers } from '../db/users.ts';
import { adrDueOn } from '../domain/clocks.ts';
import { adrEligible, type Complaint } from '../domain/complaint.ts';
import { formatCrn } from '../domain/crn.ts';
import type { Customer } from '../domain/customer.ts';
import {
  type HistoricalComplaint,
  historicalComplaint,
  IMPORT_COLUMN_NAMES,
  type ImportCells,
  type ImportColumn,
  readImportRow,
} from '../domain/historical-complaint.ts';
import { insightFacts } from '../domain/insight.ts';
import type { Procedure } from '../domain/procedure.ts';
import { londonDate, startOfLondonDay } from '../domain/time.ts';
import { adrTimeLimitJob, adrWarningJobs, adrWindowEndJob } from './clock-jobs.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';

/** Rows a transaction: measured (10,000 rows) as a few seconds on either dialect. */
export const IMPORT_BATCH = 500;

/** The columns a file must have (or a mapping must give a default for). */
const REQUIRED: readonly ImportColumn[] = [
  'external_id',
  'received_at',
  'channel',
  'description',
  'customer_name',
];

export interface ImportOptions {
  /** The system the file comes from; default the mapping's source, else `csv`. */
  source?: string | undefined;
  mapping?: ImportMapping | undefined;
  /** Read and check every row, write nothing. */
  dryRun?: boolean | undefined;
  /** Called after each batch (and at the end) with the counts so far and how far through the file it is. */
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  batchSize?: number | undefined;
}

export interface ImportProgress {
  rows: number;
  imported: number;
  alreadyImported: number;
  rejected: number;
  /** Bytes of the file read so far. */
  bytes: number;
}

export interface RejectedRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  externalId: string | null;
  reasons: string[];
}

export interface ImportResult {
  source: string;
  rows: number;
  imported: number;
  /** Rows whose key an earlier run (or an earlier row of this file) had already imported. */
  alreadyImported: number;
  rejected: RejectedRow[];
  dryRun: boolean;
}

interface GoodRow {
  line: number;
  row: HistoricalComplaint;
  ownerId: string | null;
}

/** Imports the complaints of a CSV file; the rows it could not take are in `rejected`, with their reasons. */
export async function importComplaints(
  ctx: AppContext,
  file: Readable,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const mapping = options.mapping ?? {};
  const source = options.source ?? mapping.source ?? 'csv';
  const batchSize = options.batchSize ?? IMPORT_BATCH;
  const dryRun = options.dryRun ?? false;
  const staff = new Map(
    (await listUsers(ctx.db.kysely)).filter((u) => u.active).map((u) => [u.email.toLowerCase(), u.id]),
  );
  const result: ImportResult = { source, rows: 0, imported: 0, alreadyImported: 0, rejected: [], dryRun };
  const progress = (bytes: number) =>
    options.onProgress?.({
      rows: result.rows,
      imported: result.imported,
      alreadyImported: result.alreadyImported,
      rejected: result.rejected.length,
      bytes,
    });
  const seen = new Map<string, number>();
  /** Customers made by this run's committed batches, by the source's customer id. */
  const customers = new Map<string, string>();
  let batch: GoodRow[] = [];
  let columnOf: ((cells: string[]) => ImportCells) | undefined;
  let width = 0;
  let bytes = 0;

  const parser = file.pipe(
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: false }),
  );
  let previousEnd = 0;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number; bytes: number };
  }>) {
    // A record starts on the line after the one before it ended (a quoted cell may hold line breaks).
    const line = previousEnd + 1;
    previousEnd = info.lines;
    bytes = info.bytes;
    if (!columnOf) {
      columnOf = headerReader(record, mapping);
      width = record.length;
      continue;
    }
    result.rows++;
    const reject = (externalId: string | null, reasons: string[]) =>
      result.rejected.push({ line, externalId, reasons });
    if (record.length !== width) {
      reject(null, [`has ${record.length} cells; the header has ${width}`]);
      continue;
    }
    const cells = columnOf(record);
    const externalId = cells.external_id?.trim() || null;
    const read = readImportRow(cells, ctx.procedure, ctx.now());
    const reasons = read.ok ? [] : [...read.reasons];
    const ownerEmail = read.ok ? read.complaint.ownerEmail : null;
    const ownerId = ownerEmail ? staff.get(ownerEmail) : null;
    if (ownerEmail && !ownerId) reasons.push(`owner_email ${ownerEmail} is not an active member of staff`);
    if (externalId) {
      const earlier = seen.get(externalId);
      if (earlier !== undefined) reasons.push(`external_id ${externalId} is also on line ${earlier}`);
      else seen.set(externalId, line);
    }
    if (!read.ok || reasons.length) {
      reject(externalId, reasons);
      continue;
    }
    batch.push({ line, row: read.complaint, ownerId: ownerId ?? null });
    if (batch.length >= batchSize) {
      await writeBatch(ctx, source, batch, customers, result, dryRun);
      batch = [];
      progress(bytes);
    }
  }
  if (!columnOf) throw new AppError('validation', 'the file is empty: it has no header row');
  await writeBatch(ctx, source, batch, customers, result, dryRun);
  progress(bytes);
  return result;
}

/** How a header row's cells become our columns, through the mapping; fails when a needed column is missing. */
function headerReader(header: string[], mapping: ImportMapping): (cells: string[]) => ImportCells {
  const position = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
  const indexes = new Map<ImportColumn, number>();
  const missing: string[] = [];
  for (const column of IMPORT_COLUMN_NAMES) {
    const name = mapping.columns?.[column] ?? column;
    const index = position.get(name.toLowerCase());
    if (index !== undefined) indexes.set(column, index);
    else if (REQUIRED.includes(column) && mapping.defaults?.[column] === undefined) {
      missing.push(name === column ? column : `${name} (for ${column})`);
    }
  }
  if (missing.length) {
    throw new AppError(
      'validation',
      `the file has no column ${missing.join(', ')}: see redress import --help`,
    );
  }
  const valueMaps = new Map(
    Object.entries(mapping.values ?? {}).map(([column, map]) => [
      column,
      new Map(Object.entries(map ?? {}).map(([from, to]) => [from.trim().toLowerCase(), to])),
    ]),
  );
  const closedOnly = mapping.closedOnly ?? [];
  return (cells) => {
    const read: ImportCells = {};
    for (const [column, index] of indexes) {
      const raw = cells[index]?.trim() ?? '';
      const map = valueMaps.get(column);
      read[column] = map && raw ? (map.get(raw.toLowerCase()) ?? map.get('*') ?? raw) : raw;
    }
    for (const [column, value] of Object.entries(mapping.defaults ?? {}) as [ImportColumn, string][]) {
      if (!read[column]) read[column] = value;
    }
    const closed = (read.stage ?? '').toLowerCase() === 'closed' || (!read.stage && Boolean(read.closed_at));
    if (!closed) for (const column of closedOnly) delete read[column];
    return read;
  };
}

/**
 * Writes a batch in one transaction; if that fails, each row in its own, so that the row at fault is
 * rejected with the database's reason and the others are still written.
 */
async function writeBatch(
  ctx: AppContext,
  source: string,
  batch: GoodRow[],
  customers: Map<string, string>,
  result: ImportResult,
  dryRun: boolean,
): Promise<void> {
  if (batch.length === 0) return;
  if (dryRun) {
    const known = await findImportedIds(
      ctx.db.kysely,
      source,
      batch.map((g) => g.row.externalId),
    );
    result.alreadyImported += known.size;
    result.imported += batch.length - known.size;
    return;
  }
  try {
    const written = await transaction(ctx.db, (trx) => storeRows(trx, ctx, source, batch, customers));
    result.imported += written.imported;
    result.alreadyImported += written.skipped;
    for (const [key, id] of written.customers) customers.set(key, id);
  } catch (batchError) {
    if (batch.length === 1) {
      const [only] = batch;
      if (only) {
        result.rejected.push({
          line: only.line,
          externalId: only.row.externalId,
          reasons: [`could not be written: ${(batchError as Error).message}`],
        });
      }
      return;
    }
    for (const one of batch) await writeBatch(ctx, source, [one], customers, result, dryRun);
  }
}

type Trx = Parameters<Parameters<typeof transaction>[1]>[0];

async function storeRows(
  trx: Trx,
  ctx: AppContext,
  source: string,
  batch: GoodRow[],
  known: Map<string, string>,
): Promise<{ imported: number; skipped: number; customers: Map<string, string> }> {
  const now = ctx.now();
  const at = now.toISOString();
  const done = await findImportedIds(
    trx,
    source,
    batch.map((g) => g.row.externalId),
  );
  const rows = batch.filter((g) => !done.has(g.row.externalId));
  const keys = [...new Set(rows.flatMap((g) => (g.row.customer.key ? [g.row.customer.key] : [])))];
  const customerIds = new Map([
    ...known,
    ...(await findImportedCustomers(
      trx,
      source,
      keys.filter((k) => !known.has(k)),
    )),
  ]);
  const made = new Map<string, string>();
  const newCustomers: Customer[] = [];
  // CRNs by the year each complaint was received, a block of numbers per year.
  const years = new Map<number, number>();
  for (const g of rows) {
    const year = Number(londonDate(new Date(g.row.receivedAt)).slice(2, 4));
    years.set(year, (years.get(year) ?? 0) + 1);
  }
  const nextNumber = new Map<number, number>();
  for (const [year, count] of years) nextNumber.set(year, await nextSequences(trx, `crn-${year}`, count));

  const complaints: { complaint: Complaint; adrDueOn: string }[] = [];
  const importKeys: ImportKey[] = [];
  const jobs: NewJob[] = [];
  const audit: Parameters<typeof appendAuditEvents>[1][number][] = [];
  for (const g of rows) {
    const h = g.row;
    const key = h.customer.key;
    let customerId = key ? (customerIds.get(key) ?? made.get(key)) : undefined;
    if (!customerId) {
      const customer = customerOf(h, now);
      newCustomers.push(customer);
      customerId = customer.id;
      if (key) made.set(key, customerId);
    }
    const year = Number(londonDate(new Date(h.receivedAt)).slice(2, 4));
    const sequence = nextNumber.get(year) ?? 1;
    nextNumber.set(year, sequence + 1);
    const created = Date.parse(h.receivedAt);
    const ids = {
      id: newId(created),
      reference: formatCrn(ctx.procedure.crn, year, sequence),
      customerId,
      letterId: newId(created),
    };
    const { complaint, events } = historicalComplaint(h, ids, g.ownerId, source, ctx.procedure);
    complaints.push({ complaint, adrDueOn: adrDueOn(complaint, ctx.procedure) });
    importKeys.push({
      source,
      externalId: h.externalId,
      complaintId: complaint.id,
      customerKey: key,
      customerId,
    });
    jobs.push(...importJobs(complaint, ctx.procedure, now));
    audit.push({
      complaintId: complaint.id,
      type: 'complaint-imported',
      actor: 'system',
      at,
      payload: { source, externalId: h.externalId, line: g.line, events },
    });
  }
  await insertCustomers(trx, newCustomers);
  await insertComplaints(trx, complaints, at);
  // The dashboard counts them from the day they were received, as if they had been made here.
  await addNewFacts(
    trx,
    complaints.map(({ complaint, adrDueOn }) => insightFacts(complaint, adrDueOn, undefined)),
  );
  await insertImportKeys(trx, importKeys, at);
  await appendAuditEvents(trx, audit);
  await enqueueAll(trx, jobs, now);
  return { imported: rows.length, skipped: batch.length - rows.length, customers: made };
}

function customerOf(h: HistoricalComplaint, now: Date): Customer {
  const at = now.toISOString();
  return {
    id: newId(now.getTime()),
    name: h.customer.name,
    email: h.customer.email?.toLowerCase() ?? null,
    phone: h.customer.phone,
    type: h.customer.type,
    addressLines: [],
    postcode: h.customer.postcode?.toUpperCase() ?? null,
    needs: { largePrint: false, braille: false, textRelay: false },
    preferredChannel: null,
    vulnerabilityNotes: null,
    contactOptOut: false,
    createdAt: at,
    updatedAt: at,
    merged: null,
  };
}

/** The clock's jobs for an imported complaint (see the header): never a message to the customer. */
export function importJobs(complaint: Complaint, procedure: Procedure, now: Date): NewJob[] {
  const jobs: NewJob[] = [];
  const today = londonDate(now);
  if (complaint.stage !== 'closed' && complaint.adrLetters.length === 0 && adrEligible(complaint)) {
    jobs.push(adrTimeLimitJob(complaint, procedure));
    // A warning whose day has passed would tell staff of a limit already reached: the letter says it now.
    jobs.push(...adrWarningJobs(complaint, procedure).filter((job) => job.runAt > startOfLondonDay(today)));
  }
  const letter = complaint.adrLetters[0];
  if (complaint.stage === 'deadlock' && letter) jobs.push(adrWindowEndJob(complaint.id, letter));
  return jobs;
}
