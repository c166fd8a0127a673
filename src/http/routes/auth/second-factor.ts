/**
 * A member of staff's own 2-step verification (TOTP): its state, setting it up and confirming it, new
 * recovery codes, turning it off. Like changing one's password, open to a session that must still set it up
 * (MFA_REQUIRED_ROLES), not to one whose password must first be changed. Browser sessions only: an API
 * token gets 403, so that a leaked token cannot enrol another authenticator or turn 2-step off.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePasswordChosen } from '../../../app/change-password.ts';
import { confirmSecondFactorSetUp } from '../../../app/confirm-second-factor.ts';
import type { AppContext } from '../../../app/context.ts';
import { replaceMyRecoveryCodes } from '../../../app/replace-recovery-codes.ts';
import { secondFactorStatus } from '../../../app/second-factor-codes.ts';
import { setUpSecondFactor } from '../../../app/set-up-second-factor.ts';
import { turnOffSecondFactor } from '../../../app/turn-off-second-factor.ts';
import type { User } from '../../../db/users.ts';
import type { AppOptions } from '../../app.ts';
import { requireBrowserSession, SESSION_COOKIE, signedInStaff } from '../../auth.ts';
import { formLimit } from '../../limits.ts';
import { problems } from '../../schemas.ts';

const tags = ['auth'];

/** Six digits from the authenticator app (spaces or a dash allowed), or, where said, a recovery code. */
export const secondFactorCode = z.string().min(6).max(40);

const recoveryCodesSchema = z
  .object({
    recoveryCodes: z
      .array(z.string())
      .describe(
        'Ten single-use recovery codes, each good for one sign-in without the authenticator. Shown this once: only their hashes are kept',
      ),
  })
  .meta({ id: 'RecoveryCodes' });

/** The member of staff managing their own second factor in a browser, their password already their own. */
function owner(request: FastifyRequest): User {
  const user = signedInStaff(request);
  requireBrowserSession(request, '2-step verification');
  requirePasswordChosen(user);
  return user;
}

export function registerSecondFactorRoutes(app: FastifyInstance, ctx: AppContext, options: AppOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/auth/second-factor',
    {
      schema: {
        tags,
        summary:
          'Your 2-step verification: whether it is on, whether your role requires it, recovery codes left. Browser sessions only: 403 with an API token',
        response: {
          200: z
            .object({
              enabled: z.boolean(),
              required: z
                .boolean()
                .describe('Your role requires it (MFA_REQUIRED_ROLES): it cannot be turned off'),
              recoveryCodesLeft: z.number().int(),
            })
            .meta({ id: 'SecondFactorStatus' }),
          ...problems,
        },
      },
    },
    async (request) => secondFactorStatus(ctx, owner(request)),
  );
  api.post(
    '/auth/second-factor/setup',
    {
      config: formLimit(options),
      schema: {
        tags,
        summary:
          'Start setting up an authenticator app: a new secret, as a QR code and as text. Nothing changes at sign-in until it is confirmed (POST /auth/second-factor/confirm); calling this again replaces the secret. 409 while 2-step verification is on. Browser sessions only: 403 with an API token',
        response: {
          200: z
            .object({
              secret: z.string().describe('Base32, to type into an app that cannot scan the QR code'),
              uri: z.string().describe('The otpauth:// URI the QR code holds'),
              qrCode: z.string().describe('The QR code, an SVG data URL'),
            })
            .meta({ id: 'SecondFactorSetup' }),
          ...problems,
        },
      },
    },
    async (request) => setUpSecondFactor(ctx, owner(request)),
  );
  api.post(
    '/auth/second-factor/confirm',
    {
      config: formLimit(options),
      schema: {
        tags,
        summary:
          'Confirm the authenticator with the code it shows: 2-step verification is then on, your other sessions end (this one stays), and the answer carries ten recovery codes (shown once). A wrong code is 400 on body.code and counts as a failed sign-in. Browser sessions only: 403 with an API token',
        body: z.strictObject({ code: secondFactorCode }),
        response: { 200: recoveryCodesSchema, ...problems },
      },
    },
    async (request) =>
      confirmSecondFactorSetUp(
        ctx,
        owner(request),
        request.body.code,
        request.cookies[SESSION_COOKIE],
        request.ip,
      ),
  );
  api.post(
    '/auth/second-factor/recovery-codes',
    {
      config: formLimit(options),
      schema: {
        tags,
        summary:
          'Replace your recovery codes with ten new ones (the old stop working), given a code from your authenticator. Browser sessions only: 403 with an API token',
        body: z.strictObject({ code: secondFactorCode }),
        response: { 200: recoveryCodesSchema, ...problems },
      },
    },
    async (request) => replaceMyRecoveryCodes(ctx, owner(request), request.body.code, request.ip),
  );
  api.post(
    '/auth/second-factor/turn-off',
    {
      config: formLimit(options),
      schema: {
        tags,
        summary:
          'Turn 2-step verification off, given your password and a code (from the authenticator, or a recovery code). 403 when your role requires it. Browser sessions only: 403 with an API token',
        body: z.strictObject({ password: z.string().min(1).max(1024), code: secondFactorCode }),
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await turnOffSecondFactor(ctx, owner(request), request.body, request.ip);
      return reply.code(204).send(null);
    },
  );
}
