/** `/api/v1/customers`: create, read, update, search; find likely duplicates and merge them. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { createCustomer, getCustomer, searchCustomers, updateCustomer } from '../../../app/customers.ts';
import { findCustomerDuplicates } from '../../../app/find-customer-duplicates.ts';
import { mergeCustomers } from '../../../app/merge-customers.ts';
import { staffActor } from '../../auth.ts';
import { id, problems } from '../../schemas.ts';
import { customerSchema, newCustomerBody } from '../complaints/schemas.ts';
import { registerPrivacyRoutes } from './privacy-routes.ts';
import { duplicatesSchema, mergeBody, mergedSchema } from './schemas.ts';

const tags = ['customers'];
const params = z.strictObject({ id });

export function registerCustomerRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/customers',
    {
      schema: {
        tags,
        summary: 'Create a customer',
        body: newCustomerBody,
        response: { 201: customerSchema, ...problems },
      },
    },
    async (request, reply) => {
      staffActor(request);
      return reply.code(201).send(await createCustomer(ctx, request.body));
    },
  );
  api.get(
    '/customers',
    {
      schema: {
        tags,
        summary:
          'Search customers by name, email, phone or postcode (records merged into another are left out)',
        querystring: z.strictObject({
          q: z.string().trim().min(2).max(200),
          limit: z.coerce.number().int().min(1).max(100).optional(),
        }),
        response: { 200: z.object({ items: z.array(customerSchema) }), ...problems },
      },
    },
    async (request) => {
      staffActor(request);
      return { items: await searchCustomers(ctx, request.query.q, request.query.limit) };
    },
  );
  api.get(
    '/customers/:id',
    {
      schema: {
        tags,
        summary: 'Get a customer (a merged record says which record it was merged into)',
        params,
        response: { 200: customerSchema, ...problems },
      },
    },
    async (request) => {
      staffActor(request);
      return getCustomer(ctx, request.params.id);
    },
  );
  api.patch(
    '/customers/:id',
    {
      schema: {
        tags,
        summary: 'Update a customer (fields left out keep their values; a merged record cannot change)',
        description:
          "A change of `type` to one the ADR scheme takes issues, in the same transaction, the time-limit ADR letter of each of the customer's open complaints already past its ADR date without one, dated today.",
        params,
        body: newCustomerBody.partial(),
        response: { 200: customerSchema, ...problems },
      },
    },
    async (request) => {
      return updateCustomer(ctx, request.params.id, request.body, staffActor(request));
    },
  );
  api.get(
    '/customers/:id/duplicates',
    {
      schema: {
        tags,
        summary:
          'Likely duplicates of a customer: the same email, the same phone number (UK national form), or the same postcode and a similar name',
        params,
        response: { 200: duplicatesSchema, ...problems },
      },
    },
    async (request) => {
      staffActor(request);
      return { items: await findCustomerDuplicates(ctx, request.params.id) };
    },
  );
  api.post(
    '/customers/:id/merge',
    {
      schema: {
        tags,
        summary:
          'Merge this customer record into another (`into`): its complaints, emails and portal sign-ins follow; it is kept as a tombstone pointing to the survivor. Reviewers, directors and admins only (403 for agents)',
        params,
        body: mergeBody,
        response: { 200: mergedSchema, ...problems },
      },
    },
    async (request) => {
      const actor = staffActor(request);
      return mergeCustomers(ctx, request.params.id, request.body, actor);
    },
  );
  registerPrivacyRoutes(app, ctx);
}
