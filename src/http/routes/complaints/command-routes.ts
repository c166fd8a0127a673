/**
 * One endpoint per procedure command, `POST /complaints/{reference}/{command}`, and its preview,
 * `…/{command}/preview`. Each is registered by a generic function, so the request body the handler gets is
 * the command's own schema's output and turns into the domain command without a cast.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { getComplaint } from '../../../app/get-complaint.ts';
import { issueCommand } from '../../../app/issue-command.ts';
import { previewCommand } from '../../../app/preview-command.ts';
import { replyToCustomer } from '../../../app/reply-to-customer.ts';
import { staffActor } from '../../auth.ts';
import { problems } from '../../schemas.ts';
import { uploadBodyLimit, uploadedFiles, uploadsTooLarge } from '../attachments/schemas.ts';
import {
  type Bodies,
  COMMAND_BODIES,
  COMMAND_NAMES,
  type CommandName,
  toCommand,
} from './command-schemas.ts';
import { complaintSchema, referenceParams } from './schemas.ts';

type Api = ReturnType<typeof withZod>;
const withZod = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

const previewSchema = z
  .object({
    items: z.array(
      z.object({
        kind: z.string().describe('reply, proposal, escalation, follow-up, closure, adr-letter'),
        delivery: z.enum(['email', 'post']),
        email: z.object({ subject: z.string(), text: z.string() }).nullable(),
        letter: z
          .object({
            title: z.string(),
            text: z.string().describe('The letter as plain text, word for word as the PDF'),
            pages: z.number().int(),
            pdf: z.string().describe('The PDF, base64'),
          })
          .nullable(),
      }),
    ),
  })
  .meta({ id: 'CustomerFacingPreview' });

const refusals =
  'Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at ' +
  'this point, and 403 when the caller’s role may not.';

/** A reply may carry files: its body may be as large as the files allowed. */
function limitsOf(ctx: AppContext, name: CommandName) {
  return name === 'reply'
    ? {
        bodyLimit: uploadBodyLimit(ctx),
        config: { bodyTooLarge: { detail: uploadsTooLarge(ctx), field: 'attachments' } },
      }
    : {};
}

function registerCommand<N extends CommandName>(api: Api, ctx: AppContext, name: N): void {
  const body = COMMAND_BODIES[name];
  // Fastify validated the body with exactly COMMAND_BODIES[name]; its type provider's conditional type does
  // not resolve through the generic N, so the body is named as that schema's output here, once.
  const bodyOf = (request: { body: unknown }) => request.body as Bodies[N];
  const schema = {
    tags: ['procedure'],
    params: referenceParams,
    body,
  };
  if (name !== 'reply') {
    api.post(
      `/complaints/:reference/${name}`,
      {
        config: { command: name },
        schema: {
          ...schema,
          operationId: name,
          summary: body.description ?? name,
          description: `${body.description ?? ''} ${refusals}`,
          response: { 200: complaintSchema, ...problems },
        },
      },
      async (request) => {
        const actor = staffActor(request);
        await issueCommand(ctx, request.params.reference, toCommand(name, bodyOf(request)), actor);
        return getComplaint(ctx, request.params.reference, actor);
      },
    );
  }
  api.post(
    `/complaints/:reference/${name}/preview`,
    {
      ...limitsOf(ctx, name),
      config: { ...limitsOf(ctx, name).config, command: name },
      schema: {
        ...schema,
        operationId: `preview-${name}`,
        summary: `Preview what ${name} would send the customer`,
        description:
          'Decides the command on the complaint as it stands, without recording anything, and renders every ' +
          'email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as ' +
          'text). Refused as the command itself would be; an empty list when it sends the customer nothing.',
        response: { 200: previewSchema, ...problems },
      },
    },
    async (request) => {
      const previews = await previewCommand(
        ctx,
        request.params.reference,
        toCommand(name, bodyOf(request)),
        staffActor(request),
      );
      return {
        items: previews.map((p) => ({
          ...p,
          letter: p.letter && { ...p.letter, pdf: p.letter.pdf.toString('base64') },
        })),
      };
    },
  );
}

/** A reply stores the files sent with it, through its own use case. */
function registerReply(api: Api, ctx: AppContext): void {
  const body = COMMAND_BODIES.reply;
  api.post(
    '/complaints/:reference/reply',
    {
      ...limitsOf(ctx, 'reply'),
      config: { ...limitsOf(ctx, 'reply').config, command: 'reply' },
      schema: {
        tags: ['procedure'],
        operationId: 'reply',
        summary: body.description ?? 'reply',
        description: `${body.description ?? ''} ${refusals}`,
        params: referenceParams,
        body,
        response: { 200: complaintSchema, ...problems },
      },
    },
    async (request) => {
      const actor = staffActor(request);
      const { attachments, ...reply } = request.body;
      await replyToCustomer(
        ctx,
        request.params.reference,
        { ...reply, attachments: uploadedFiles(attachments) },
        actor,
      );
      return getComplaint(ctx, request.params.reference, actor);
    },
  );
}

export function registerCommandRoutes(api: Api, ctx: AppContext): void {
  registerReply(api, ctx);
  for (const name of COMMAND_NAMES) registerCommand(api, ctx, name);
}
