/** `/api/v1/users`: staff accounts, for admins. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addUser } from '../../../app/add-user.ts';
import type { AppContext } from '../../../app/context.ts';
import { listStaff } from '../../../app/list-staff.ts';
import { resetSecondFactor } from '../../../app/reset-second-factor.ts';
import { unlockSignIn } from '../../../app/sign-in-lockout.ts';
import { updateUser } from '../../../app/update-user.ts';
import { EMAIL_ADDRESS } from '../../../domain/contact-details.ts';
import { requireBrowserSession, requireRole, staffActor } from '../../auth.ts';
import { id, instant, problems, role, text } from '../../schemas.ts';
import { userSchema } from '../auth/routes.ts';

const tags = ['users'];

const staffMemberSchema = userSchema
  .extend({
    lockedUntil: instant
      .nullable()
      .describe(
        'Until when failed password sign-ins lock them out (5 in a row: a minute, doubling each time to an hour); null when they are not. Shown to admins only: null to anyone else',
      ),
    twoStep: z
      .boolean()
      .nullable()
      .describe(
        'Whether 2-step verification (an authenticator app) is on for their password sign-in. Shown to admins only: null to anyone else',
      ),
  })
  .meta({ id: 'StaffMember' });

export function registerUserRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'List staff (any signed-in staff: needed to assign complaints and steps)',
        response: { 200: z.object({ items: z.array(staffMemberSchema) }), ...problems },
      },
    },
    async (request) => ({ items: await listStaff(ctx, staffActor(request)) }),
  );
  api.post(
    '/users/:id/unlock',
    {
      schema: {
        tags,
        summary:
          'Lift a member of staff’s sign-in lockout and forget their failed sign-ins (admin); audited as sign-in-unlocked',
        params: z.strictObject({ id }),
        response: { 204: z.null().meta({ description: 'Unlocked' }), ...problems },
      },
    },
    async (request, reply) => {
      await unlockSignIn(ctx, requireRole(request, 'admin'), request.params.id);
      return reply.code(204).send(null);
    },
  );
  api.post(
    '/users/:id/second-factor/reset',
    {
      schema: {
        tags,
        summary:
          'Reset a member of staff’s 2-step verification (admin): their authenticator and recovery codes are deleted and their sessions end; audited as second-factor-reset. If their role requires it, they set up a new one at their next sign-in. Only in a browser session: 403 with an API token',
        params: z.strictObject({ id }),
        response: { 204: z.null().meta({ description: 'Reset' }), ...problems },
      },
    },
    async (request, reply) => {
      const admin = requireRole(request, 'admin');
      requireBrowserSession(request, 'Resetting 2-step verification');
      await resetSecondFactor(ctx, admin, request.params.id);
      return reply.code(204).send(null);
    },
  );
  /** A password someone sets: the policy beyond its length (app/password-policy.ts) answers 400 on `password`. */
  const newPassword = z
    .string()
    .min(12)
    .max(1024)
    .describe(
      'A one-time password (the user chooses their own at first sign-in): 12 characters or more, not easily guessed (a zxcvbn score of 3 or more), and not containing their name or email address',
    );
  api.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Add a member of staff (admin)',
        body: z.strictObject({
          email: z.email({ pattern: EMAIL_ADDRESS }).max(254),
          name: text(200),
          roles: z.array(role).min(1),
          password: newPassword.optional(),
        }),
        response: { 201: userSchema, ...problems },
      },
    },
    async (request, reply) => {
      requireRole(request, 'admin');
      return reply.code(201).send(await addUser(ctx, request.body));
    },
  );
  api.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a member of staff’s name, roles, password or active flag (admin)',
        params: z.strictObject({ id }),
        body: z.strictObject({
          name: text(200).optional(),
          roles: z.array(role).min(1).optional(),
          active: z.boolean().optional(),
          password: newPassword.optional(),
        }),
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) => {
      const admin = requireRole(request, 'admin');
      return updateUser(ctx, request.params.id, request.body, admin.id);
    },
  );
}
