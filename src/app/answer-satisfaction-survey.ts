/**
 * The customer answers the satisfaction survey: from the emailed link (no password: the link's token, unexpired)
 * or in the portal (signed in). One tap records the score; a comment may come with it or just after. The
 * answer is recorded once and goes on the complaint's trail (and so its timeline); a replayed request, a
 * second tab or a link clicked again changes nothing and reads the answer as given. The management figures
 * (response rate, scores) move with the answer, in its transaction.
 */
import { appendAuditEvent } from '../db/audit.ts';
import { findComplaintById, findComplaintByReference, lockComplaint } from '../db/complaints.ts';
import { transaction } from '../db/database.ts';
import {
  addSurveyComment,
  answerSurvey,
  findSurvey,
  findSurveyByToken,
  type SatisfactionSurvey,
} from '../db/satisfaction.ts';
import { adrDueOn } from '../domain/clocks.ts';
import type { Procedure } from '../domain/procedure.ts';
import type { AppContext } from './context.ts';
import { AppError, invalidField, notFound } from './errors.ts';
import { keepComplaintInsight } from './keep-insight.ts';
import { canonicalReference } from './reference.ts';
import { sha256 } from './sign-in.ts';

/** The scale, 1 to 5, in the words the question offers. */
export const SATISFACTION_SCALE = {
  1: 'Very dissatisfied',
  2: 'Dissatisfied',
  3: 'Neither satisfied nor dissatisfied',
  4: 'Satisfied',
  5: 'Very satisfied',
} as const;

/** The question as the customer sees it, and their answer once given. */
export interface SurveyQuestion {
  reference: string;
  company: string;
  question: string;
  answered: boolean;
  score: number | null;
  comment: string | null;
}

type Via = 'email-link' | 'portal';
export type SurveyAccess = { token: string } | { reference: string; customerId: string };

const invalidLink = () =>
  new AppError('survey-not-found', 'this survey link has expired or is not known: thank you all the same');

/** The survey and its complaint's reference, for whoever holds the link or the signed-in customer. */
async function open(ctx: AppContext, access: SurveyAccess) {
  const db = ctx.db.kysely;
  if ('token' in access) {
    const survey = await findSurveyByToken(db, sha256(access.token), ctx.now().toISOString());
    const complaint = survey && (await findComplaintById(db, survey.complaintId));
    if (!survey || !complaint) throw invalidLink();
    return {
      survey,
      reference: complaint.reference,
      customerId: complaint.customerId,
      via: 'email-link' as Via,
    };
  }
  const reference = canonicalReference(ctx.procedure, access.reference);
  const complaint = await findComplaintByReference(db, reference);
  // Another customer's complaint reads as none, as everywhere in the portal.
  const survey =
    complaint && complaint.customerId === access.customerId ? await findSurvey(db, complaint.id) : undefined;
  if (!complaint || !survey) throw notFound(`a satisfaction survey for ${reference}`);
  return { survey, reference, customerId: complaint.customerId, via: 'portal' as Via };
}

/** The one question, in the customer's words. */
export function surveyQuestion(procedure: Pick<Procedure, 'company'>): string {
  return `How satisfied are you with the way ${procedure.company.tradingName} handled your complaint?`;
}

function question(ctx: AppContext, reference: string, survey: SatisfactionSurvey): SurveyQuestion {
  return {
    reference,
    company: ctx.procedure.company.tradingName,
    question: surveyQuestion(ctx.procedure),
    answered: survey.answeredAt !== null,
    score: survey.score,
    comment: survey.comment,
  };
}

/** The question, and the answer if given. */
export async function readSatisfactionSurvey(ctx: AppContext, access: SurveyAccess): Promise<SurveyQuestion> {
  const { survey, reference } = await open(ctx, access);
  return question(ctx, reference, survey);
}

/**
 * Records the answer (a score of 1–5, a comment if given) unless one was given already; either way returns
 * the answer as it stands.
 */
export async function answerSatisfactionSurvey(
  ctx: AppContext,
  access: SurveyAccess,
  answer: { score: number; comment?: string | undefined },
): Promise<SurveyQuestion> {
  if (!Number.isInteger(answer.score) || answer.score < 1 || answer.score > 5) {
    throw invalidField('score', 'must be a whole number from 1 to 5');
  }
  const { survey, customerId, via } = await open(ctx, access);
  const at = ctx.now().toISOString();
  const comment = answer.comment?.trim() || null;
  await transaction(ctx.db, async (trx) => {
    // Locked as every change to the complaint locks it, so its figures move by one writer at a time.
    const complaint = await lockComplaint(trx, { id: survey.complaintId });
    if (!(await answerSurvey(trx, survey.complaintId, { score: answer.score, comment, at }))) return;
    // The survey's figures move in the answer's transaction, as a change's do in its own.
    if (complaint) await keepComplaintInsight(trx, complaint, adrDueOn(complaint, ctx.procedure));
    await appendAuditEvent(trx, {
      complaintId: survey.complaintId,
      type: 'satisfaction-recorded',
      actor: `customer:${customerId}`,
      at,
      payload: { score: answer.score, comment, via, stageReached: survey.stageReached },
    });
  });
  return readSatisfactionSurvey(ctx, access);
}

/** Adds a comment to an answer given without one (the tap came first); a second comment changes nothing. */
export async function commentOnSatisfactionSurvey(
  ctx: AppContext,
  access: SurveyAccess,
  comment: string,
): Promise<SurveyQuestion> {
  const { survey, customerId, via } = await open(ctx, access);
  const text = comment.trim();
  if (!text) throw invalidField('comment', 'must not be empty');
  if (survey.answeredAt === null) throw new AppError('not-allowed-now', 'answer the question first');
  const at = ctx.now().toISOString();
  await transaction(ctx.db, async (trx) => {
    if (!(await addSurveyComment(trx, survey.complaintId, text))) return;
    await appendAuditEvent(trx, {
      complaintId: survey.complaintId,
      type: 'satisfaction-comment-added',
      actor: `customer:${customerId}`,
      at,
      payload: { comment: text, via },
    });
  });
  return readSatisfactionSurvey(ctx, access);
}
