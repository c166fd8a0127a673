/**
 * Staff alerts by email: the warnings before the ADR time limit and the reminders before an ombudsman
 * remedy's deadline go to the complaint's owner and to every director (REGULATORY item 10: warn staff so
 * attempt 3 can finish in time). The alert itself is on the complaint's trail already (run-clock-job.ts);
 * this job, written in the same transaction, makes sure people hear of it. Inactive staff are left out.
 */
import { z } from 'zod';
import { findComplaintById } from '../db/complaints.ts';
import type { NewJob } from '../db/jobs.ts';
import { listUsers } from '../db/users.ts';
import { outboxMessageId } from '../mail/outbound/headers.ts';
import { deliver } from '../mail/outbound/transport.ts';
import { formatDate } from '../mail/templates/layout.ts';
import type { AppContext } from './context.ts';
import type { OutboxJob } from './send-customer-email.ts';
import { fromAddress } from './send-customer-email.ts';

export const ALERT_STAFF_KIND = 'alert-staff';

const alertSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('adr-limit-warning'), adrDueOn: z.string() }),
  z.object({ type: z.literal('remedy-reminder'), remedyDueOn: z.string(), daysBefore: z.number() }),
]);
export type StaffAlert = z.infer<typeof alertSchema>;
const payloadSchema = z.object({ complaintId: z.string(), alert: alertSchema });

export function alertStaffJob(complaintId: string, alert: StaffAlert, key: string, now: Date): NewJob {
  return {
    kind: ALERT_STAFF_KIND,
    payload: { complaintId, alert },
    runAt: now,
    dedupeKey: `${ALERT_STAFF_KIND}:${complaintId}:${alert.type}:${key}`,
  };
}

function wording(alert: StaffAlert): { title: string; body: string } {
  switch (alert.type) {
    case 'adr-limit-warning':
      return {
        title: `ADR time limit on ${formatDate(alert.adrDueOn)}`,
        body:
          `If this complaint is not resolved by ${formatDate(alert.adrDueOn)}, the time-limit ADR letter ` +
          'goes to the customer that day, and they can take the complaint to the ombudsman.',
      };
    case 'remedy-reminder':
      return alert.daysBefore < 0
        ? {
            title: `Ombudsman remedy overdue since ${formatDate(alert.remedyDueOn)}`,
            body: `The remedy the ombudsman decided was due by ${formatDate(alert.remedyDueOn)} and is not recorded as implemented.`,
          }
        : {
            title: `Ombudsman remedy due by ${formatDate(alert.remedyDueOn)}`,
            body: `The remedy the ombudsman decided must be implemented by ${formatDate(alert.remedyDueOn)}. Record it as implemented (close the complaint) once it is done.`,
          };
    default: {
      const unknown: never = alert;
      return unknown;
    }
  }
}

/** The job: one email to the owner and the directors. Throws when it cannot be sent, so the job retries. */
export async function alertStaff(ctx: AppContext, job: OutboxJob, raw: unknown): Promise<void> {
  const { complaintId, alert } = payloadSchema.parse(raw);
  const complaint = await findComplaintById(ctx.db.kysely, complaintId);
  if (!complaint) return;
  const people = (await listUsers(ctx.db.kysely)).filter(
    (u) => u.active && (u.id === complaint.ownerId || u.roles.includes('director')),
  );
  if (people.length === 0) return;
  const { title, body } = wording(alert);
  const stage = ctx.procedure.stages[complaint.stage].name;
  const link = `${ctx.publicUrl.replace(/\/+$/, '')}/staff/complaints/${complaint.reference}`;
  const from = fromAddress(ctx);
  const delivery = await deliver(ctx.mail ?? {}, {
    messageId: outboxMessageId(job.id, from),
    from,
    to: people.map((u) => u.email).join(', '),
    replyTo: from,
    subject: `[${complaint.reference}] ${title}`,
    inReplyTo: null,
    references: [],
    text: `${body}\n\nThe complaint is at ${stage}.\n\nOpen it: ${link}\n\nSent to the complaint's owner and the directors.\n`,
    html: null,
    date: ctx.now(),
  });
  ctx.logger.info(
    { reference: complaint.reference, alert: alert.type, to: people.length, via: delivery.via },
    'staff alerted',
  );
}
