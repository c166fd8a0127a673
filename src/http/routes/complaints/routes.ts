/**
 * `/api/v1/complaints`: record, list, read, and one endpoint per procedure command.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignComplaints } from '../../../app/assign-complaints.ts';
import type { AppContext } from '../../../app/context.ts';
import { exportComplaintsCsv } from '../../../app/export-complaints.ts';
import { getComplaint } from '../../../app/get-complaint.ts';
import { listComplaints } from '../../../app/list-complaints.ts';
import { listQueues, QUEUE_IDS } from '../../../app/queues.ts';
import { recordComplaint } from '../../../app/record-complaint.ts';
import { londonDate } from '../../../domain/time.ts';
import { staffActor } from '../../auth.ts';
import { binary, sendFile } from '../../downloads.ts';
import { id, problems } from '../../schemas.ts';
import { registerCommandRoutes } from './command-routes.ts';
import {
  complaintSchema,
  createComplaintBody,
  createdSchema,
  exportQuery,
  listQuery,
  listSchema,
  referenceParams,
} from './schemas.ts';

const tags = ['complaints'];

export function registerComplaintRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/complaints',
    {
      schema: {
        tags,
        summary: 'Record a complaint (Complaint Initiation)',
        description:
          'Issues the Complaint Reference Number and starts Resolution Attempt 1 and the ADR clock. Send an ' +
          '`Idempotency-Key` header to make a retry return the first result instead of a second complaint.',
        headers: z.looseObject({ 'idempotency-key': z.string().min(8).max(200).optional() }),
        body: createComplaintBody,
        response: { 201: createdSchema, ...problems, 422: problems[400] },
      },
    },
    async (request, reply) => {
      const actor = staffActor(request);
      const key = request.headers['idempotency-key'];
      const result = await recordComplaint(
        ctx,
        request.body,
        actor,
        typeof key === 'string' ? { scope: actor.id, key } : undefined,
      );
      const location = `${app.prefix}/complaints/${result.reference}`;
      return reply
        .code(201)
        .header('location', location)
        .send({ ...result, location });
    },
  );

  api.get(
    '/complaints',
    {
      schema: {
        tags,
        summary: 'List complaints',
        description:
          'Filters combine with AND. Pages are keyset-paginated: pass `nextCursor` back as `cursor`.',
        querystring: listQuery,
        response: { 200: listSchema, ...problems },
      },
    },
    async (request) => {
      const actor = staffActor(request);
      const { q, owner, ...rest } = request.query;
      return listComplaints(ctx, { ...rest, text: q, owner: owner === 'me' ? actor.id : owner }, actor.id);
    },
  );

  api.get(
    '/complaints/export.csv',
    {
      schema: {
        tags,
        summary: 'Download a complaint list as CSV',
        description:
          'The complaints the same filters list (`GET /complaints`, without `limit` and `cursor`), all of them, ' +
          'streamed as CSV (UTF-8 with a byte-order mark, for Excel). Columns: Reference, Received, First ' +
          'expressed, Channel, Category, Customer type, Stage, Owner, ADR due, Closed, Closure reason, Root ' +
          'cause; times in London time. No customer name, contact details or words. A cell starting with = + - ' +
          "@ is prefixed with ' so that a spreadsheet does not run it as a formula. A search (`q`) is exported " +
          'newest first unless `sort` says otherwise.',
        querystring: exportQuery,
        response: binary('The complaints, as CSV', 'text/csv'),
      },
    },
    async (request, reply) => {
      const actor = staffActor(request);
      const { q, owner, ...rest } = request.query;
      const filter = { ...rest, text: q, owner: owner === 'me' ? actor.id : owner };
      return sendFile(reply, {
        filename: `complaints-${londonDate(ctx.now())}.csv`,
        type: 'text/csv; charset=utf-8',
        body: exportComplaintsCsv(ctx, filter, actor.id),
      });
    },
  );

  api.post(
    '/complaints/assign',
    {
      schema: {
        tags,
        summary: 'Assign several complaints at once (from a queue)',
        description:
          'Each complaint is assigned by the `assign` command in its own transaction: one that may not go to ' +
          'that person (their role does not fit its stage, or it closed meanwhile) is reported in `results` ' +
          'with the reason, and the others are still assigned.',
        body: z.strictObject({
          references: z.array(z.string().min(1).max(40)).min(1).max(200),
          ownerId: id.nullable().describe('A member of staff, or null: back to each complaint’s stage queue'),
        }),
        response: {
          200: z.object({
            results: z.array(
              z.object({
                reference: z.string(),
                ok: z.boolean(),
                problem: z.object({ code: z.string(), message: z.string() }).optional(),
              }),
            ),
          }),
          ...problems,
        },
      },
    },
    async (request) => ({
      results: await assignComplaints(
        ctx,
        request.body.references,
        request.body.ownerId,
        staffActor(request),
      ),
    }),
  );

  api.get(
    '/queues',
    {
      schema: {
        tags,
        summary: 'The staff queues, with how many complaints are in each now',
        description: 'List a queue with `GET /complaints?queue={id}`. `count` is null for closed and all.',
        response: {
          200: z.object({
            items: z.array(
              z
                .object({
                  id: z.enum(QUEUE_IDS),
                  name: z.string(),
                  description: z.string(),
                  count: z.number().int().nullable(),
                })
                .meta({ id: 'Queue' }),
            ),
            landing: z
              .enum(QUEUE_IDS)
              .describe(
                'The queue this user starts on: the most senior stage queue their roles work from that has complaints waiting for their role, else their own complaints when they have some, else their stage’s queue',
              ),
          }),
          ...problems,
        },
      },
    },
    async (request) => listQueues(ctx, staffActor(request)),
  );

  api.get(
    '/complaints/:reference',
    {
      schema: {
        tags,
        summary: 'Get a complaint',
        description:
          'The state, attempts, steps, contacts, timeline, the ADR block and `nextActions` for the caller.',
        params: referenceParams,
        response: { 200: complaintSchema, ...problems },
      },
    },
    async (request) => getComplaint(ctx, request.params.reference, staffActor(request)),
  );

  registerCommandRoutes(api, ctx);
}
