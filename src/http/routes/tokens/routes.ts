/**
 * `/api/v1/tokens`: personal API tokens. Anyone signed in creates their own only (a token acts as its
 * holder); admins also see and revoke anyone's. The token is in the creation answer only.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { createApiTokenFor, revokeApiToken } from '../../../app/create-api-token.ts';
import { listApiTokens } from '../../../app/list-api-tokens.ts';
import { staffActor } from '../../auth.ts';
import { id, instant, problems, text } from '../../schemas.ts';

const tags = ['tokens'];

const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string().meta({ description: 'What the token is for, as its holder named it' }),
    userId: z.string(),
    ownerName: z.string(),
    ownerEmail: z.string(),
    createdAt: instant,
    lastUsedAt: instant
      .nullable()
      .meta({ description: 'When it was last used, to the minute (recorded at most once a minute)' }),
    expiresAt: instant.nullable().meta({ description: 'When it stops working (401 after); null: never' }),
    scope: z.string().meta({
      description:
        'full: all its holder may; read: GET only; commands:a,b: reading and those procedure commands. Outside it: 403 `token-scope`',
      example: 'commands:log-contact,add-note',
    }),
  })
  .meta({ id: 'ApiToken', description: 'A personal API token, without its secret' });

const createdTokenSchema = apiTokenSchema
  .extend({
    token: z.string().meta({
      description: 'The token itself, to send as Authorization: Bearer. Shown in this answer only.',
      example: 'rdr_…',
    }),
  })
  .meta({ id: 'CreatedApiToken' });

export function registerTokenRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'List unrevoked API tokens: your own; an admin sees everyone’s, or one person’s with userId',
        querystring: z.strictObject({ userId: id.optional() }),
        response: { 200: z.object({ items: z.array(apiTokenSchema) }), ...problems },
      },
    },
    async (request) => ({
      items: await listApiTokens(ctx, staffActor(request), { userId: request.query.userId }),
    }),
  );
  api.post(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token for yourself; the token is shown once',
        description:
          'A token acts as the person who created it, with their roles, so nobody (not even an admin) can ' +
          'create one for someone else here; an operator can, with the CLI (`redress token create`).',
        body: z.strictObject({
          name: text(100).meta({ example: 'Billing system integration' }),
          expiresAt: instant
            .optional()
            .meta({ description: 'When it stops working; in the future. Default: never' }),
          scope: z.string().max(1000).optional().meta({
            description:
              'full (default), read, or commands: and procedure command names, e.g. commands:log-contact,add-note',
          }),
        }),
        response: { 201: createdTokenSchema, ...problems },
      },
    },
    async (request, reply) => {
      const created = await createApiTokenFor(ctx, staffActor(request), request.body);
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  );
  api.delete(
    '/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API token (your own, or anyone’s as an admin); it stops working at once',
        params: z.strictObject({ id }),
        response: { 204: z.null().meta({ description: 'Revoked' }), ...problems },
      },
    },
    async (request, reply) => {
      await revokeApiToken(ctx, staffActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
