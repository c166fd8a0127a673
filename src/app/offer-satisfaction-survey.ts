/**
 * The satisfaction survey (issue 12): one short question put to the customer when their complaint closes,
 * in the transaction of the closure. It is never put to a customer who asked not to be contacted beyond
 * what their complaint needs. The survey's row makes the portal show the question; the job
 * (send-satisfaction-survey.ts) emails the link, an outbox job like every other email.
 */
import { findCustomer } from '../db/customers.ts';
import type { Executor } from '../db/database.ts';
import type { NewJob } from '../db/jobs.ts';
import { insertSurvey } from '../db/satisfaction.ts';
import type { Event } from '../domain/commands.ts';
import { type Complaint, stageReached } from '../domain/complaint.ts';

export const SATISFACTION_SURVEY_KIND = 'satisfaction-survey';

/**
 * Puts the survey to the customer of a complaint these events close, unless they opted out; returns the job
 * that emails it (none otherwise).
 */
export async function offerSatisfactionSurvey(
  trx: Executor,
  complaint: Complaint,
  events: readonly Event[],
  now: Date,
): Promise<NewJob[]> {
  if (!events.some((e) => e.type === 'closed')) return [];
  const customer = await findCustomer(trx, complaint.customerId);
  if (!customer || customer.contactOptOut) return [];
  await insertSurvey(trx, {
    complaintId: complaint.id,
    sentAt: now.toISOString(),
    stageReached: stageReached(complaint),
  });
  return [
    {
      kind: SATISFACTION_SURVEY_KIND,
      payload: { complaintId: complaint.id },
      runAt: now,
      dedupeKey: `${SATISFACTION_SURVEY_KIND}:${complaint.id}`,
    },
  ];
}
