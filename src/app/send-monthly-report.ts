/**
 * On the 1st of each month, at 07:00 UK time, last month's management report goes to every active director
 * by email, as a PDF and a spreadsheet: the management review ISO 10002 asks for, without anyone having to
 * remember it. A durable job (one per month, however many processes schedule it) that sets the next month's
 * before it sends, so a failure this month cannot end the chain; it retries like any email.
 */
import { enqueueAll } from '../db/jobs.ts';
import { listUsers } from '../db/users.ts';
import { londonDate, startOfLondonDay, startOfNextMonth } from '../domain/time.ts';
import { outboxMessageId } from '../mail/outbound/headers.ts';
import { deliver } from '../mail/outbound/transport.ts';
import type { AppContext } from './context.ts';
import { lastMonth, readMonthlyReport, reportFile } from './monthly-report.ts';
import type { OutboxJob } from './send-customer-email.ts';
import { fromAddress } from './send-customer-email.ts';

export const MONTHLY_REPORT_KIND = 'monthly-report';
const SEND_AT_HOUR = 7;

/** When the report after `now` goes: 07:00 London time on the 1st of next month. */
export function nextReportAt(now: Date): Date {
  const first = startOfNextMonth(londonDate(now));
  return new Date(startOfLondonDay(first).getTime() + SEND_AT_HOUR * 3_600_000);
}

/** Makes sure next month's report is due (one job per month, however many processes ask). */
export async function scheduleMonthlyReport(ctx: AppContext, after: Date = ctx.now()): Promise<void> {
  const at = nextReportAt(after);
  await enqueueAll(
    ctx.db.kysely,
    [
      {
        kind: MONTHLY_REPORT_KIND,
        payload: null,
        runAt: at,
        dedupeKey: `${MONTHLY_REPORT_KIND}:${londonDate(at)}`,
      },
    ],
    ctx.now(),
  );
}

/** The job: last month's report to the directors. Throws when it cannot be sent, so the job retries. */
export async function sendMonthlyReport(ctx: AppContext, job: OutboxJob): Promise<void> {
  await scheduleMonthlyReport(ctx);
  const directors = (await listUsers(ctx.db.kysely)).filter((u) => u.active && u.roles.includes('director'));
  if (directors.length === 0) {
    ctx.logger.warn('monthly report not sent: no active director');
    return;
  }
  const month = lastMonth(ctx.now());
  const report = await readMonthlyReport(ctx, month);
  const [pdf, xlsx] = await Promise.all([reportFile(ctx, report, 'pdf'), reportFile(ctx, report, 'xlsx')]);
  const from = fromAddress(ctx);
  const link = `${ctx.publicUrl.replace(/\/+$/, '')}/staff/insight`;
  const delivery = await deliver(ctx.mail ?? {}, {
    messageId: outboxMessageId(job.id, from),
    from,
    to: directors.map((u) => u.email).join(', '),
    replyTo: from,
    subject: `Complaints management report: ${report.monthName}`,
    inReplyTo: null,
    references: [],
    text:
      `Last month's complaints management report is attached, as a PDF and as a spreadsheet: volumes, how far ` +
      `complaints went, time to resolve, ADR letters, the ombudsman scheme and the team.\n\n` +
      `The dashboard, for any other period or filter: ${link}\n\nSent to the directors on the 1st of each month.\n`,
    html: null,
    date: ctx.now(),
    attachments: [pdf, xlsx].map((f) => ({
      filename: f.fileName,
      contentType: f.mediaType,
      content: f.bytes,
    })),
  });
  ctx.logger.info({ month, to: directors.length, via: delivery.via }, 'monthly report sent');
}
