/**
 * The retention purge (`redress privacy purge`, and daily in the worker): every closed complaint kept past
 * the procedure's retention (default 6 years after closure, never less than 12 months after an ADR letter)
 * is anonymised (anonymise.ts), one transaction each; a customer none of whose complaints remain is cleared
 * too. The management figures (`insight_*`) are not touched. A dry run lists what would change and writes
 * nothing. Candidates come from complaints_retention_idx (closed, not purged, oldest first), so a run reads
 * only what is due, never all complaints.
 */
import {
  adrLettersOf,
  countPersonalRecords,
  findClosedBefore,
  hasUnpurgedComplaint,
  type PersonalRecordCounts,
} from '../db/anonymise.ts';
import { transaction } from '../db/database.ts';
import { enqueueAll } from '../db/jobs.ts';
import { keptUntil, retentionCutoff, retentionMonths } from '../domain/retention.ts';
import { londonDate, startOfLondonDay } from '../domain/time.ts';
import { anonymiseComplaint, anonymiseCustomer, removeUnnamedDocuments } from './anonymise.ts';
import type { AppContext } from './context.ts';

const PAGE = 200;

export interface PurgedComplaint {
  reference: string;
  closedAt: string;
  keptUntil: string;
  records: PersonalRecordCounts;
  /** The customer record is cleared too: none of their complaints remains. */
  customerCleared: boolean;
}

export interface PurgeReport {
  dryRun: boolean;
  retentionMonths: number;
  /** Complaints closed before this London day were looked at. */
  closedBefore: string;
  complaints: PurgedComplaint[];
  /** Closed before the cutoff but kept: an ADR letter's 12 months are not over. */
  keptForAdr: string[];
  customersCleared: number;
  documentsRemoved: number;
}

/** Purges (or, with `dryRun`, lists) everything past retention on `ctx.now()`'s London day. */
export async function purgePersonalData(ctx: AppContext, options: { dryRun: boolean }): Promise<PurgeReport> {
  const now = ctx.now();
  const today = londonDate(now);
  const months = retentionMonths(ctx.procedure);
  const cutoff = retentionCutoff(today, months);
  const report: PurgeReport = {
    dryRun: options.dryRun,
    retentionMonths: months,
    closedBefore: cutoff,
    complaints: [],
    keptForAdr: [],
    customersCleared: 0,
    documentsRemoved: 0,
  };
  const db = ctx.db.kysely;
  // Customers a dry run would clear: their remaining complaints are all in this run.
  const dueByCustomer = new Map<string, Set<string>>();
  const listed = new Map<string, PurgedComplaint>();
  let after: { closedAt: string; id: string } | null = null;
  for (;;) {
    const page = await findClosedBefore(db, startOfLondonDay(cutoff).toISOString(), after, PAGE);
    if (page.length === 0) break;
    const last = page.at(-1) as (typeof page)[number];
    after = { closedAt: last.closedAt, id: last.id };
    const letters = await adrLettersOf(
      db,
      page.map((c) => c.id),
    );
    for (const candidate of page) {
      const until = keptUntil(
        londonDate(new Date(candidate.closedAt)),
        letters.get(candidate.id) ?? [],
        months,
      );
      if (until >= today) {
        report.keptForAdr.push(candidate.reference);
        continue;
      }
      const records = await countPersonalRecords(db, candidate.id);
      if (options.dryRun) {
        const due = dueByCustomer.get(candidate.customerId) ?? new Set();
        due.add(candidate.id);
        dueByCustomer.set(candidate.customerId, due);
        const item = {
          reference: candidate.reference,
          closedAt: candidate.closedAt,
          keptUntil: until,
          records,
          customerCleared: false,
        };
        report.complaints.push(item);
        listed.set(candidate.id, item);
        continue;
      }
      const at = ctx.now().toISOString();
      const { unnamed, customerCleared } = await transaction(ctx.db, async (trx) => {
        const unnamed = await anonymiseComplaint(trx, candidate, {
          reason: 'retention',
          actor: 'system',
          at,
          details: { closedAt: candidate.closedAt, keptUntil: until, retentionMonths: months },
        });
        const customerCleared = !(await hasUnpurgedComplaint(trx, candidate.customerId));
        if (customerCleared)
          await anonymiseCustomer(trx, candidate.customerId, { reason: 'retention', actor: 'system', at });
        return { unnamed, customerCleared };
      });
      report.documentsRemoved += await removeUnnamedDocuments(ctx, unnamed);
      if (customerCleared) report.customersCleared++;
      report.complaints.push({
        reference: candidate.reference,
        closedAt: candidate.closedAt,
        keptUntil: until,
        records,
        customerCleared,
      });
      ctx.logger.info(
        { reference: candidate.reference, customerCleared },
        'personal data purged past retention',
      );
    }
  }
  if (options.dryRun) {
    for (const [customerId, due] of dueByCustomer) {
      const remaining = await db
        .selectFrom('complaints')
        .select('id')
        .where('customer_id', '=', customerId)
        .where('purged_at', 'is', null)
        .execute();
      if (remaining.every((c) => due.has(c.id))) {
        report.customersCleared++;
        for (const id of due) {
          const item = listed.get(id);
          if (item) item.customerCleared = true;
        }
      }
    }
  }
  return report;
}

export const PRIVACY_PURGE_KIND = 'privacy-purge';
const DAY_MS = 86_400_000;

/** Makes sure a purge is due at 02:00 UTC on the day after `at` (one a day, however many processes ask). */
export async function schedulePrivacyPurge(ctx: AppContext, at: Date = ctx.now()): Promise<void> {
  const runAt = new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS + DAY_MS + 2 * 3_600_000);
  await enqueueAll(
    ctx.db.kysely,
    [
      {
        kind: PRIVACY_PURGE_KIND,
        payload: null,
        runAt,
        dedupeKey: `${PRIVACY_PURGE_KIND}:${runAt.toISOString()}`,
      },
    ],
    ctx.now(),
  );
}

/** The daily job: purge, then schedule tomorrow's. */
export async function runPrivacyPurge(ctx: AppContext): Promise<void> {
  const report = await purgePersonalData(ctx, { dryRun: false });
  ctx.logger.info(
    {
      complaints: report.complaints.length,
      customers: report.customersCleared,
      documents: report.documentsRemoved,
    },
    'retention purge done',
  );
  await schedulePrivacyPurge(ctx);
}
