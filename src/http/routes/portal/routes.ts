/**
 * `/api/v1/portal`: the customer portal's API. A customer signs in with a one-time link sent for a CRN and
 * the email or phone on their record, then sees and answers their own complaints only.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actAsCustomer, type PortalAction } from '../../../app/act-as-customer.ts';
import {
  answerSatisfactionSurvey,
  commentOnSatisfactionSurvey,
} from '../../../app/answer-satisfaction-survey.ts';
import type { AppContext } from '../../../app/context.ts';
import { getPortalComplaint } from '../../../app/get-portal-complaint.ts';
import { raiseComplaintOnline } from '../../../app/raise-complaint-online.ts';
import { linkChannel, PORTAL_LINK_MINUTES, requestPortalLink } from '../../../app/request-portal-link.ts';
import { PORTAL_SESSION_HOURS, signInCustomer, signOutCustomer } from '../../../app/sign-in-customer.ts';
import type { AppOptions } from '../../app.ts';
import { PORTAL_COOKIE, portalCustomer } from '../../auth.ts';
import { formLimit } from '../../limits.ts';
import { category, customerType, localDate, problems, reference, text } from '../../schemas.ts';
import {
  portalFileSchema,
  uploadBodyLimit,
  uploadedFiles,
  uploadsInput,
  uploadsTooLarge,
} from '../attachments/schemas.ts';
import { newCustomerBody, referenceParams } from '../complaints/schemas.ts';
import { answerBody, commentBody } from '../survey/schemas.ts';

const tags = ['portal'];
const security: [] = [];

const portalComplaintSchema = z
  .object({
    reference,
    status: z.string().describe('Where the complaint stands, in plain words'),
    stageName: z.string(),
    open: z.boolean(),
    receivedAt: z.string(),
    description: z.string(),
    nextStep: z
      .object({
        text: z.string().describe('What happens next and by when, in plain words (dates written out)'),
        by: localDate.nullable().describe('The date the text names, if any'),
      })
      .nullable()
      .describe('Null once the complaint is closed'),
    adr: z
      .object({
        from: localDate
          .nullable()
          .describe(
            'From when the customer may take the complaint to the ADR scheme (the ombudsman): the ADR time ' +
              'limit, or the ADR letter’s date; null for a customer type the schemes do not take',
          ),
        text: z.string().describe('The same, in plain words'),
      })
      .nullable()
      .describe('Null for a closed complaint that had no ADR letter'),
    proposal: z
      .object({
        summary: z.string(),
        steps: z.array(z.object({ description: z.string(), dueOn: localDate, done: z.boolean() })),
      })
      .nullable(),
    adrLetters: z.array(
      z.object({ trigger: z.enum(['deadlock', 'time-limit']), issuedOn: localDate, windowEndsOn: localDate }),
    ),
    letters: z
      .array(
        z.object({
          id: z.string(),
          title: z.string(),
          issuedOn: localDate,
          pages: z.number().int(),
          largePrint: z.boolean(),
          sizeBytes: z.number().int(),
        }),
      )
      .describe('Letters we sent; download each from /portal/complaints/{reference}/letters/{id}'),
    files: z.array(portalFileSchema).describe('Files the customer uploaded, oldest first'),
    timeline: z.array(
      z.object({ at: z.string(), kind: z.enum(['update', 'from-you', 'from-us']), text: z.string() }),
    ),
    satisfaction: z
      .object({
        question: z.string(),
        answered: z.boolean(),
        score: z.number().int().nullable(),
        comment: z.string().nullable(),
      })
      .nullable()
      .describe(
        'The satisfaction survey put at closure (answer it at /portal/complaints/{reference}/satisfaction); null when none was',
      ),
    actions: z
      .array(z.enum(['respond', 'follow-up', 'add-information']))
      .describe('What the customer can do now'),
  })
  .meta({ id: 'PortalComplaint' });

const customerFields = newCustomerBody.shape;

const onlineComplaintBody = z
  .strictObject({
    name: text(200),
    email: customerFields.email.describe('Email and/or phone: at least one, so that we can reply'),
    phone: customerFields.phone,
    addressLines: customerFields.addressLines,
    postcode: customerFields.postcode,
    customerType: customerType.describe(
      'Only residential and small business / not-for-profit (10 or fewer workers) customers can use ADR',
    ),
    category,
    whatHappened: text(20_000),
    whatYouWant: text(4000).optional(),
    firstComplainedOn: localDate
      .optional()
      .describe('The day they first complained about this, if before today (starts the ADR clock)'),
    needs: customerFields.needs,
    support: text(2000)
      .optional()
      .describe('Anything that makes it harder to deal with us, in the customer’s words'),
    formal: z.boolean().describe('The customer asks for a formal complaint'),
    attachments: uploadsInput,
  })
  .meta({ id: 'OnlineComplaint' });

export function registerPortalRoutes(app: FastifyInstance, ctx: AppContext, options: AppOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const secure = options.publicUrl.startsWith('https://');
  const takesFiles = {
    bodyLimit: uploadBodyLimit(ctx),
    config: { bodyTooLarge: { detail: uploadsTooLarge(ctx), field: 'attachments' } },
  };

  api.post(
    '/portal/complaints',
    {
      bodyLimit: takesFiles.bodyLimit,
      config: { ...formLimit(options), ...takesFiles.config },
      schema: {
        tags,
        security,
        summary: 'Raise a complaint on the website (no account needed)',
        description:
          'Records a new customer every time (never matched to an existing one) and the complaint, channel ' +
          '`web`, with the customer’s web contact. Send an `Idempotency-Key` header to make a retry return ' +
          'the first reference instead of a second complaint (the same key with other files is refused ' +
          'with 422). Files come in the JSON body, base64: one request, checked whole before anything is ' +
          'stored. A body too large for the files allowed is refused with 413 (`field`: `attachments`).',
        headers: z.looseObject({ 'idempotency-key': z.string().min(8).max(200).optional() }),
        body: onlineComplaintBody,
        response: {
          201: z
            .object({
              reference,
              acknowledgeBy: localDate.describe('The London date by which we acknowledge the complaint'),
              adrDueOn: localDate.describe(
                'The London date from which the customer may take the complaint to the ADR scheme if it is ' +
                  'not resolved (if their customer type can use ADR)',
              ),
            })
            .meta({ id: 'RaisedComplaint' }),
          ...problems,
          422: problems[400],
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { attachments, ...form } = request.body;
      const result = await raiseComplaintOnline(
        ctx,
        { ...form, attachments: uploadedFiles(attachments) },
        typeof key === 'string' ? key : undefined,
      );
      const { acknowledgeBy, adrDueOn } = result;
      return reply.code(201).send({ reference: result.reference, acknowledgeBy, adrDueOn });
    },
  );

  api.post(
    '/portal/sign-in-link',
    {
      config: formLimit(options),
      schema: {
        tags,
        security,
        summary: 'Ask for a one-time sign-in link to track a complaint',
        description:
          'Always 202 when accepted: whether the CRN and contact matched is never said. The link is emailed to ' +
          'an email address, and texted to a phone number (a UK mobile) when an SMS gateway is configured ' +
          '(`signInLinksBy` in `GET /procedure`); without one, a phone number is a 400 (`field` `contact`) ' +
          'that says to use email or to call the company. A CRN with a wrong check character is a 400.',
        body: z.strictObject({
          reference,
          contact: text(254).describe(
            'The email address or phone number on the customer’s record (any UK way of writing it)',
          ),
        }),
        response: { 202: z.object({ message: z.string() }), ...problems },
      },
    },
    async (request, reply) => {
      await requestPortalLink(ctx, request.body);
      const sent =
        linkChannel(request.body.contact) === 'email'
          ? 'we have emailed you a link to sign in'
          : 'we have sent a link to sign in to your mobile phone by text message';
      return reply.code(202).send({
        message: `If those details match our records, ${sent}. It works once, for ${PORTAL_LINK_MINUTES} minutes.`,
      });
    },
  );

  api.post(
    '/portal/sign-in',
    {
      config: { ...formLimit(options), signIn: true },
      schema: {
        tags,
        security,
        summary:
          'Sign in with a one-time link’s token; sets the portal cookie. Only from Redress’s own page: otherwise 403 `cross-site-request`',
        body: z.strictObject({ token: z.string().min(20).max(200) }),
        response: { 200: z.object({ reference: reference.nullable(), expiresAt: z.string() }), ...problems },
      },
    },
    async (request, reply) => {
      const session = await signInCustomer(ctx, request.body.token);
      reply.setCookie(PORTAL_COOKIE, session.secret, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: PORTAL_SESSION_HOURS * 3_600,
      });
      return { reference: session.reference, expiresAt: session.expiresAt.toISOString() };
    },
  );

  api.post(
    '/portal/sign-out',
    { schema: { tags, security, summary: 'Sign out of the portal', response: { 204: z.null() } } },
    async (request, reply) => {
      const secret = request.cookies[PORTAL_COOKIE];
      if (secret) await signOutCustomer(ctx, secret);
      reply.clearCookie(PORTAL_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/portal/complaints/:reference',
    {
      schema: {
        tags,
        security,
        summary: 'The signed-in customer’s complaint (404 for anyone else’s)',
        params: referenceParams,
        response: { 200: portalComplaintSchema, ...problems },
      },
    },
    async (request) => getPortalComplaint(ctx, request.params.reference, portalCustomer(request)),
  );

  api.post(
    '/portal/complaints/:reference/satisfaction',
    {
      schema: {
        tags,
        security,
        summary:
          'Answer the satisfaction survey of a closed complaint (one tap: the score; a comment if wished)',
        description:
          'Recorded once, on the complaint’s trail; answered already (by the emailed link, say), the answer as given stands.',
        params: referenceParams,
        body: answerBody,
        response: { 200: portalComplaintSchema, ...problems },
      },
    },
    async (request) => {
      const customerId = portalCustomer(request);
      const { reference } = request.params;
      await answerSatisfactionSurvey(ctx, { reference, customerId }, request.body);
      return getPortalComplaint(ctx, reference, customerId);
    },
  );
  api.post(
    '/portal/complaints/:reference/satisfaction/comment',
    {
      schema: {
        tags,
        security,
        summary: 'Add a comment to a survey answered without one (once)',
        params: referenceParams,
        body: commentBody,
        response: { 200: portalComplaintSchema, ...problems },
      },
    },
    async (request) => {
      const customerId = portalCustomer(request);
      const { reference } = request.params;
      await commentOnSatisfactionSurvey(ctx, { reference, customerId }, request.body.comment);
      return getPortalComplaint(ctx, reference, customerId);
    },
  );

  // Each action: its body, and how a valid body becomes the use case's action. Typed per action, so a body
  // that does not fit its action does not compile.
  const action = <B extends z.ZodType, A extends PortalAction['action']>(
    body: B,
    toAction: (input: z.output<B>) => Extract<PortalAction, { action: A }>,
  ) => ({ body, toAction: toAction as (input: unknown) => PortalAction });
  const actions = {
    respond: action(
      z
        .strictObject({ agree: z.boolean(), note: text(4000).optional() })
        .describe('Accept or decline the proposal'),
      (input) => ({ action: 'respond', ...input }),
    ),
    'follow-up': action(
      z
        .strictObject({ resolved: z.boolean(), note: text(4000).optional() })
        .describe('Has this resolved your complaint? Yes or no'),
      (input) => ({ action: 'follow-up', ...input }),
    ),
    'add-information': action(
      z
        .strictObject({ text: text(10_000), attachments: uploadsInput })
        .describe('Add information to the complaint, with files if the customer has them'),
      ({ attachments, ...input }) => ({
        action: 'add-information',
        ...input,
        ...(attachments ? { attachments: uploadedFiles(attachments) } : {}),
      }),
    ),
  } satisfies Record<PortalAction['action'], unknown>;
  for (const [name, { body, toAction }] of Object.entries(actions)) {
    api.post(
      `/portal/complaints/:reference/${name}`,
      {
        ...(name === 'add-information' ? takesFiles : {}),
        schema: {
          tags,
          security,
          summary: body.description ?? name,
          params: referenceParams,
          body,
          response: { 200: portalComplaintSchema, ...problems },
        },
      },
      async (request) => {
        const customerId = portalCustomer(request);
        await actAsCustomer(ctx, request.params.reference, customerId, toAction(request.body));
        return getPortalComplaint(ctx, request.params.reference, customerId);
      },
    );
  }
}
