/**
 * Keeps a complaint's management figures (insight facts and the running totals) as it is now, in the
 * caller's transaction: every change to the complaint (record-decision.ts) and every answer to its
 * satisfaction survey (answer-satisfaction-survey.ts), which happens outside the complaint's events.
 */
import type { Executor } from '../db/database.ts';
import { keepInsightFacts } from '../db/insight.ts';
import { findSurvey } from '../db/satisfaction.ts';
import type { Complaint } from '../domain/complaint.ts';
import { insightFacts } from '../domain/insight.ts';
import type { LocalDate } from '../domain/time.ts';

/** Stores the complaint's facts, with its survey's, and moves the totals by the difference. */
export async function keepComplaintInsight(trx: Executor, complaint: Complaint, adrDueOn: LocalDate) {
  // Only a closed complaint has a survey: an open one costs no read.
  const survey = complaint.closure ? await findSurvey(trx, complaint.id) : undefined;
  await keepInsightFacts(
    trx,
    insightFacts(complaint, adrDueOn, survey && { sentAt: survey.sentAt, score: survey.score }),
  );
}
