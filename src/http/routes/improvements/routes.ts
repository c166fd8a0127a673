/**
 * `/api/v1/improvements`: the improvement log. Any member of staff reads it; reviewers and directors raise
 * items, change them and link complaints; an item's owner moves it along and records the action taken (the
 * use cases check). A complaint's items are at `/complaints/{reference}/improvements`.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { createImprovement } from '../../../app/create-improvement.ts';
import { getImprovement } from '../../../app/get-improvement.ts';
import { linkImprovementComplaint } from '../../../app/link-improvement-complaint.ts';
import { listComplaintImprovements } from '../../../app/list-complaint-improvements.ts';
import { listImprovements } from '../../../app/list-improvements.ts';
import { listImprovementsDone } from '../../../app/list-improvements-done.ts';
import { summariseImprovements } from '../../../app/summarise-improvements.ts';
import { unlinkImprovementComplaint } from '../../../app/unlink-improvement-complaint.ts';
import { updateImprovement } from '../../../app/update-improvement.ts';
import { staffActor } from '../../auth.ts';
import { problems, reference } from '../../schemas.ts';
import {
  createBody,
  doneQuery,
  improvementDetailSchema,
  improvementSchema,
  itemParams,
  linkBody,
  linkParams,
  listQuery,
  listSchema,
  summarySchema,
  updateBody,
} from './schemas.ts';

const tags = ['improvements'];

export function registerImprovementRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/improvements',
    {
      schema: {
        tags,
        summary: 'List improvement items, newest first (or by due date), one page at a time',
        querystring: listQuery,
        response: { 200: listSchema, ...problems },
      },
    },
    async (request) => {
      const actor = staffActor(request);
      const { owner, ...rest } = request.query;
      return listImprovements(ctx, { ...rest, owner: owner === 'me' ? actor.id : owner });
    },
  );
  api.post(
    '/improvements',
    {
      schema: {
        tags,
        summary: 'Raise an improvement item (reviewer or director)',
        description:
          'From a complaint or an ombudsman decision (`sourceComplaint`, linked at once; an ombudsman ' +
          'decision must have been recorded on it), a root-cause trend (`rootCause`; with ' +
          '`rootCausePeriod`, the newest 200 complaints closed in it with that cause are linked), or anything else ' +
          '(`other`). Refused with 400 and the `field` for a bad owner, a due date in the past, an unknown ' +
          'root cause or complaint; nothing is written then.',
        body: createBody,
        response: { 201: improvementSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createImprovement(ctx, staffActor(request), request.body)),
  );
  api.get(
    '/improvements/summary',
    {
      schema: {
        tags,
        summary: 'How many items are still to be worked, and how many of them are overdue (the dashboard)',
        response: { 200: summarySchema, ...problems },
      },
    },
    async (request) => {
      staffActor(request);
      return summariseImprovements(ctx);
    },
  );
  api.get(
    '/improvements/done',
    {
      schema: {
        tags,
        summary: 'The items marked done in a month (UK time), in the order they were done: what was fixed',
        querystring: doneQuery,
        response: {
          200: z.object({
            items: z.array(improvementSchema.extend({ complaints: z.array(reference) })),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      staffActor(request);
      return { items: await listImprovementsDone(ctx, request.query.month) };
    },
  );
  api.get(
    '/improvements/:reference',
    {
      schema: {
        tags,
        summary: 'An improvement item with the complaints that showed the problem',
        params: itemParams,
        response: { 200: improvementDetailSchema, ...problems },
      },
    },
    async (request) => {
      staffActor(request);
      return getImprovement(ctx, request.params.reference);
    },
  );
  api.patch(
    '/improvements/:reference',
    {
      schema: {
        tags,
        summary: 'Change an item (reviewer or director); its owner may change `status` and `actionTaken`',
        description:
          'Marking it `done` needs `actionTaken` (given now or before): refused with 400 and `field` ' +
          '`actionTaken` otherwise. Done or dropped sets `closedAt`; opening it again clears it.',
        params: itemParams,
        body: updateBody,
        response: { 200: improvementSchema, ...problems },
      },
    },
    async (request) => updateImprovement(ctx, staffActor(request), request.params.reference, request.body),
  );
  api.post(
    '/improvements/:reference/complaints',
    {
      schema: {
        tags,
        summary: 'List a further complaint on the item (reviewer or director); linking it again does nothing',
        params: itemParams,
        body: linkBody,
        response: { 200: improvementDetailSchema, ...problems },
      },
    },
    async (request) =>
      linkImprovementComplaint(ctx, staffActor(request), request.params.reference, request.body.reference),
  );
  api.delete(
    '/improvements/:reference/complaints/:complaintReference',
    {
      schema: {
        tags,
        summary: 'Take a complaint off the item (reviewer or director)',
        params: linkParams,
        response: { 200: improvementDetailSchema, ...problems },
      },
    },
    async (request) =>
      unlinkImprovementComplaint(
        ctx,
        staffActor(request),
        request.params.reference,
        request.params.complaintReference,
      ),
  );
  api.get(
    '/complaints/:reference/improvements',
    {
      schema: {
        tags: [...tags, 'complaints'],
        summary: 'The improvement items that list this complaint, newest first',
        params: z.strictObject({ reference }),
        response: { 200: z.object({ items: z.array(improvementSchema) }), ...problems },
      },
    },
    async (request) => {
      staffActor(request);
      return { items: await listComplaintImprovements(ctx, request.params.reference) };
    },
  );
}
