/**
 * `/api/v1/survey`: the satisfaction survey by its emailed link, without a password. The token travels in
 * the body (the link carries it after `#`, so no server or proxy log ever sees it). An answer is recorded
 * once; a replay reads it back unchanged.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerSatisfactionSurvey,
  commentOnSatisfactionSurvey,
  readSatisfactionSurvey,
} from '../../../app/answer-satisfaction-survey.ts';
import type { AppContext } from '../../../app/context.ts';
import type { AppOptions } from '../../app.ts';
import { formLimit } from '../../limits.ts';
import { problems } from '../../schemas.ts';
import { answerBody, commentBody, surveyQuestionSchema, surveyToken } from './schemas.ts';

const tags = ['survey'];
const security: [] = [];

export function registerSurveyRoutes(app: FastifyInstance, ctx: AppContext, options: AppOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const config = formLimit(options);
  api.post(
    '/survey',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Open the satisfaction survey of an emailed link: the question, and the answer once given',
        description: 'A link expired or unknown is a 404 with the code `survey-not-found`.',
        body: z.strictObject({ token: surveyToken }),
        response: { 200: surveyQuestionSchema, ...problems },
      },
    },
    async (request) => readSatisfactionSurvey(ctx, request.body),
  );
  api.post(
    '/survey/answer',
    {
      config,
      schema: {
        tags,
        security,
        summary:
          'Answer the satisfaction survey of an emailed link (one tap: the score; a comment if wished)',
        description:
          'Recorded once, on the complaint’s trail and timeline; answered already, the answer as given comes back unchanged.',
        body: answerBody.extend({ token: surveyToken }),
        response: { 200: surveyQuestionSchema, ...problems },
      },
    },
    async (request) => {
      const { token, ...answer } = request.body;
      return answerSatisfactionSurvey(ctx, { token }, answer);
    },
  );
  api.post(
    '/survey/comment',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Add a comment to a survey answered without one (once)',
        body: commentBody.extend({ token: surveyToken }),
        response: { 200: surveyQuestionSchema, ...problems },
      },
    },
    async (request) => commentOnSatisfactionSurvey(ctx, { token: request.body.token }, request.body.comment),
  );
}
