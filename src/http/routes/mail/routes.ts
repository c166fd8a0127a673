/** `/api/v1/mail`: the mail log — every message sent and received, for staff. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { listMail, readMail } from '../../../app/read-mail-log.ts';
import { convertTriagedEmail, dismissTriagedEmail } from '../../../app/triage-email.ts';
import { staffActor } from '../../auth.ts';
import { category, id, problems, reference, text } from '../../schemas.ts';

const tags = ['mail'];
const direction = z.enum(['in', 'out']);
const status = z.enum(['queued', 'sent', 'failed', 'received', 'ignored', 'rejected']);

const mailFields = {
  id: z.string(),
  direction,
  kind: z
    .string()
    .describe('Outbound: the template (acknowledgement, proposal…); inbound: how it was handled'),
  status,
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  note: z.string().nullable().describe('Why a message was ignored or refused, or what staff should know'),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  reference: z.string().nullable().describe('The complaint it belongs to, if any'),
};

export function registerMailRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/mail',
    {
      schema: {
        tags,
        summary: 'The mail log, newest first',
        description:
          'Everything sent and received, including mail that was ignored (auto-replies, bounces) or refused, ' +
          'with the reason. Without SMTP_URL this is where the dev mailbox is read.',
        querystring: z.strictObject({
          direction: direction.optional(),
          status: status.optional(),
          kind: z
            .string()
            .max(40)
            .optional()
            .describe('e.g. `triage` for messages awaiting triage, `acknowledgement` for those sent'),
          signInLinks: z
            .enum(['include', 'exclude'])
            .optional()
            .describe(
              '`exclude` leaves out the customer portal’s sign-in-link emails (kind `portal-link`); default `include`',
            ),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          cursor: z.string().max(500).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(z.object(mailFields).meta({ id: 'MailSummary' })),
            nextCursor: z.string().nullable(),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      staffActor(request);
      return listMail(ctx, request.query);
    },
  );
  api.get(
    '/mail/:id',
    {
      schema: {
        tags,
        summary: 'One message: headers, text and its attachments',
        params: z.strictObject({ id }),
        response: {
          200: z
            .object({
              ...mailFields,
              messageId: z.string(),
              inReplyTo: z.string().nullable(),
              text: z.string(),
              attachments: z.array(
                z.object({
                  id: z.string(),
                  filename: z.string(),
                  contentType: z.string(),
                  sizeBytes: z.number().int(),
                }),
              ),
            })
            .meta({ id: 'Mail' }),
          ...problems,
        },
      },
    },
    async (request) => {
      staffActor(request);
      return readMail(ctx, request.params.id);
    },
  );
  api.post(
    '/mail/:id/convert',
    {
      schema: {
        tags,
        summary:
          'Make a message awaiting triage a complaint (channel email); its acknowledgement replies to it',
        description: 'Refused with 409 when the message is not awaiting triage or someone settled it first.',
        params: z.strictObject({ id }),
        body: z.strictObject({ category: category.optional(), formal: z.boolean().optional() }),
        response: { 201: z.object({ reference }), ...problems },
      },
    },
    async (request, reply) => {
      const actor = staffActor(request);
      return reply.code(201).send(await convertTriagedEmail(ctx, request.params.id, actor, request.body));
    },
  );
  api.post(
    '/mail/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Dismiss a message awaiting triage (not a complaint), with the reason',
        params: z.strictObject({ id }),
        body: z.strictObject({ reason: text(500) }),
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      staffActor(request);
      await dismissTriagedEmail(ctx, request.params.id, request.body.reason);
      return reply.code(204).send(null);
    },
  );
}
