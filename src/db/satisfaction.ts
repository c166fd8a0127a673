/**
 * Satisfaction surveys: one per closed complaint, put to the customer at closure (0020). The answer is
 * written once: every write that records it is conditional on there being none, so a replayed request, a
 * second tab or a link clicked twice cannot change it.
 */
import type { Selectable } from 'kysely';
import type { StageReached } from '../domain/procedure.ts';
import type { Executor } from './database.ts';
import type { SatisfactionSurveysTable } from './schema.ts';

export interface SatisfactionSurvey {
  complaintId: string;
  sentAt: string;
  answeredAt: string | null;
  score: number | null;
  comment: string | null;
  stageReached: StageReached;
}

/** The columns a survey is read from (also by complaint-view.ts, as JSON); never the token's hash. */
export const SURVEY_COLUMNS = [
  'complaint_id',
  'sent_at',
  'answered_at',
  'score',
  'comment',
  'stage_reached',
] as const satisfies readonly (keyof SatisfactionSurveysTable)[];

export type SurveyRow = Pick<Selectable<SatisfactionSurveysTable>, (typeof SURVEY_COLUMNS)[number]>;

export function toSurvey(row: SurveyRow): SatisfactionSurvey {
  return {
    complaintId: row.complaint_id,
    sentAt: row.sent_at,
    answeredAt: row.answered_at,
    score: row.score,
    comment: row.comment,
    stageReached: row.stage_reached as StageReached,
  };
}

/** Puts the survey to the customer; a complaint has one, so a second offer does nothing. */
export async function insertSurvey(
  trx: Executor,
  survey: { complaintId: string; sentAt: string; stageReached: StageReached },
) {
  await trx
    .insertInto('satisfaction_surveys')
    .values({
      complaint_id: survey.complaintId,
      sent_at: survey.sentAt,
      answered_at: null,
      score: null,
      comment: null,
      stage_reached: survey.stageReached,
      token_hash: null,
      token_expires_at: null,
    })
    .onConflict((oc) => oc.column('complaint_id').doNothing())
    .execute();
}

export async function findSurvey(
  executor: Executor,
  complaintId: string,
): Promise<SatisfactionSurvey | undefined> {
  const row = await executor
    .selectFrom('satisfaction_surveys')
    .select(SURVEY_COLUMNS)
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  return row && toSurvey(row);
}

/** The survey an unexpired link's token (its hash) opens, by the token's unique index. */
export async function findSurveyByToken(
  executor: Executor,
  tokenHash: string,
  now: string,
): Promise<SatisfactionSurvey | undefined> {
  const row = await executor
    .selectFrom('satisfaction_surveys')
    .select(SURVEY_COLUMNS)
    .where('token_hash', '=', tokenHash)
    .where('token_expires_at', '>', now)
    .executeTakeFirst();
  return row && toSurvey(row);
}

/** Names the token of the emailed link (its hash), replacing any earlier one that never reached the customer. */
export async function setSurveyToken(
  trx: Executor,
  complaintId: string,
  token: { hash: string; expiresAt: string },
) {
  await trx
    .updateTable('satisfaction_surveys')
    .set({ token_hash: token.hash, token_expires_at: token.expiresAt })
    .where('complaint_id', '=', complaintId)
    .execute();
}

/** Records the answer if there is none yet; whether this call recorded it. */
export async function answerSurvey(
  trx: Executor,
  complaintId: string,
  answer: { score: number; comment: string | null; at: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('satisfaction_surveys')
    .set({ answered_at: answer.at, score: answer.score, comment: answer.comment })
    .where('complaint_id', '=', complaintId)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Adds the comment to an answer given without one; whether this call added it. */
export async function addSurveyComment(
  trx: Executor,
  complaintId: string,
  comment: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('satisfaction_surveys')
    .set({ comment })
    .where('complaint_id', '=', complaintId)
    .where('answered_at', 'is not', null)
    .where('comment', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
