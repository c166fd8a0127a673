/** The job kinds Redress runs, each mapped to its use case. */
import type { JobHandlers } from '../jobs/worker.ts';
import { ACKNOWLEDGEMENT_KIND, acknowledgeComplaint } from './acknowledge-complaint.ts';
import { ALERT_STAFF_KIND, alertStaff } from './alert-staff.ts';
import {
  AUDIT_CHECKPOINT_KIND,
  AUDIT_CHECKPOINT_MAIL_KIND,
  AUDIT_CHECKPOINT_POST_KIND,
  runDailyAuditCheckpoint,
} from './checkpoint-audit-trail.ts';
import { CLOCK_JOB_KINDS } from './clock-jobs.ts';
import type { AppContext } from './context.ts';
import { issuePortalLink } from './issue-portal-link.ts';
import { NOTIFY_CUSTOMER_KIND, notifyCustomer } from './notify-customer.ts';
import { SATISFACTION_SURVEY_KIND } from './offer-satisfaction-survey.ts';
import { PRIVACY_PURGE_KIND, runPrivacyPurge } from './purge-personal-data.ts';
import { PORTAL_LINK_KIND } from './request-portal-link.ts';
import { runClockJob } from './run-clock-job.ts';
import { mailAuditCheckpoint, postAuditCheckpoint } from './send-audit-checkpoint.ts';
import { MONTHLY_REPORT_KIND, sendMonthlyReport } from './send-monthly-report.ts';
import { sendSatisfactionSurvey } from './send-satisfaction-survey.ts';
import { ADR_SWEEP_KIND, sweepAdrClock } from './sweep-adr-clock.ts';

/** Handlers for the worker; each job decides with the time it was claimed at, not the wall clock. */
export function jobHandlers(ctx: AppContext): JobHandlers {
  const clock: JobHandlers = Object.fromEntries(
    CLOCK_JOB_KINDS.map((kind) => [
      kind,
      async (job, jobCtx) => {
        await runClockJob({ ...ctx, now: () => jobCtx.now }, kind, job.payload);
      },
    ]),
  );
  return {
    ...clock,
    [ADR_SWEEP_KIND]: async (_job, jobCtx) => {
      await sweepAdrClock({ ...ctx, now: () => jobCtx.now });
    },
    [PRIVACY_PURGE_KIND]: async (_job, jobCtx) => {
      await runPrivacyPurge({ ...ctx, now: () => jobCtx.now });
    },
    [ACKNOWLEDGEMENT_KIND]: async (job, jobCtx) => {
      await acknowledgeComplaint({ ...ctx, now: () => jobCtx.now }, job, job.payload);
    },
    [NOTIFY_CUSTOMER_KIND]: async (job, jobCtx) => {
      await notifyCustomer({ ...ctx, now: () => jobCtx.now }, job, job.payload);
    },
    [ALERT_STAFF_KIND]: async (job, jobCtx) => {
      await alertStaff({ ...ctx, now: () => jobCtx.now }, job, job.payload);
    },
    [MONTHLY_REPORT_KIND]: async (job, jobCtx) => {
      await sendMonthlyReport({ ...ctx, now: () => jobCtx.now }, job);
    },
    [PORTAL_LINK_KIND]: async (job, jobCtx) => {
      await issuePortalLink({ ...ctx, now: () => jobCtx.now }, job, job.payload);
    },
    [AUDIT_CHECKPOINT_KIND]: async (_job, jobCtx) => {
      await runDailyAuditCheckpoint({ ...ctx, now: () => jobCtx.now });
    },
    [AUDIT_CHECKPOINT_MAIL_KIND]: async (job, jobCtx) => {
      await mailAuditCheckpoint({ ...ctx, now: () => jobCtx.now }, job, job.payload);
    },
    [AUDIT_CHECKPOINT_POST_KIND]: async (job, jobCtx) => {
      await postAuditCheckpoint({ ...ctx, now: () => jobCtx.now }, job.payload);
    },
    [SATISFACTION_SURVEY_KIND]: async (job, jobCtx) => {
      await sendSatisfactionSurvey({ ...ctx, now: () => jobCtx.now }, job, job.payload);
    },
  };
}
