/** Request and response schemas of the satisfaction survey, by its emailed link and in the portal. */
import { z } from 'zod';
import { reference, text } from '../../schemas.ts';

export const surveyToken = z.string().min(20).max(200).describe('The token from the emailed link (after #)');

export const score = z
  .number()
  .int()
  .min(1)
  .max(5)
  .describe('1 very dissatisfied, 2 dissatisfied, 3 neither, 4 satisfied, 5 very satisfied');

export const surveyComment = text(2000).describe('Anything the customer wants to add, in their words');

export const answerBody = z.strictObject({ score, comment: surveyComment.optional() });
export const commentBody = z.strictObject({ comment: surveyComment });

export const surveyQuestionSchema = z
  .object({
    reference,
    company: z.string(),
    question: z.string().describe('The one question, in the words the customer sees'),
    answered: z.boolean(),
    score: z.number().int().nullable().describe('The answer, once given; never changed after'),
    comment: z.string().nullable(),
  })
  .meta({ id: 'SatisfactionSurvey' });
