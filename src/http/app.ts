/**
 * The Fastify application: the REST API under /api/v1, its OpenAPI document, health checks, /metrics, and
 * the web app's pages.
 * Routes are thin: they validate with zod, call one use case, and map the result.
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.ts';
import { databaseFailureCode } from '../app/errors.ts';
import type { TrustProxy } from '../config/env.ts';
import { createMetrics, type Metrics } from '../metrics/metrics.ts';
import { authPlugin } from './auth.ts';
import { registerMetrics } from './metrics.ts';
import { errorHandler, problem, RETRY_AFTER_SECONDS, sendProblem } from './problem.ts';
import { registerAttachmentRoutes } from './routes/attachments/routes.ts';
import { registerAuditRoutes } from './routes/audit/routes.ts';
import { registerAuthRoutes } from './routes/auth/routes.ts';
import { registerComplaintRoutes } from './routes/complaints/routes.ts';
import { registerCustomerRoutes } from './routes/customers/routes.ts';
import { registerDocumentRoutes } from './routes/documents/routes.ts';
import { registerMailRoutes } from './routes/mail/routes.ts';
import { registerPortalRoutes } from './routes/portal/routes.ts';
import { registerProcedureRoutes } from './routes/procedure/routes.ts';
import { registerPublicRoutes } from './routes/public/routes.ts';
import { registerTemplateRoutes } from './routes/templates/routes.ts';
import { registerTokenRoutes } from './routes/tokens/routes.ts';
import { registerUserRoutes } from './routes/users/routes.ts';
import { registerWorkloadRoutes } from './routes/workload/routes.ts';
import { registerWebApp } from './web.ts';

export type App = FastifyInstance;
export const API_PREFIX = '/api/v1';
/** Request bodies above this are refused with 413 before they are parsed. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface AppOptions {
  /** Where the API is reached from outside (links in responses, cookie security). */
  publicUrl: string;
  /** Proxies whose X-Forwarded-For is believed (default: none, the client is the peer). */
  trustProxy?: TrustProxy | undefined;
  /**
   * Requests a minute from one address to each endpoint anyone can call (sign-in, the portal's forms):
   * default 20. Counted per process.
   */
  formsPerMinute?: number | undefined;
  /** The process's metrics (serve makes one per process); a fresh set when not given. */
  metrics?: Metrics | undefined;
  /** Bearer token for /metrics; without it, /metrics answers loopback only. */
  metricsToken?: string | undefined;
}

/** An address as the request log shows it: a sign-in link's token (`/track/sign-in?token=…`) is hidden. */
export function loggableUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1(hidden)');
}

/** Fastify's own request serializer, but never writing a secret that rides in the address. */
function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: loggableUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** Builds the HTTP application around a context (database, procedure, clock). */
export async function buildApp(ctx: AppContext, options: AppOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: ctx.logger.child({}, { serializers: { req: requestForLog } }) as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problem('route-not-found', 404, `${request.method} ${request.url} is not an endpoint`),
    ),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Redress API',
        version: '1',
        description:
          'Complaint handling for UK communications providers: the formal procedure, the ADR clock and the ombudsman. ' +
          'Errors are RFC 9457 problem+json with a stable `code`.',
      },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'Personal API token (`POST /api/v1/tokens` or `redress token create`)',
          },
          session: { type: 'apiKey', in: 'cookie', name: 'redress_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(cookie);
  // Only the routes that name a limit are limited (sign-in and the portal's anonymous forms).
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin, { ctx });
  // Before the routes, so that its request timing hook covers every one of them.
  registerMetrics(app, ctx, options.metrics ?? createMetrics(), { token: options.metricsToken });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await ctx.db.checkReady();
      return { status: 'ok', database: ctx.db.dialect };
    } catch (error) {
      // Not ready is 503 whatever the cause (a balancer reads only the status); the code says which.
      const code = databaseFailureCode(error) ?? 'database-unavailable';
      ctx.logger.warn({ err: error, code }, 'not ready');
      const detail =
        code === 'storage-full'
          ? 'Writes fail: the database has no space left to write'
          : 'The database is not reachable';
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return sendProblem(reply, problem(code, 503, detail));
    }
  });
  registerPublicRoutes(app, ctx);
  await registerWebApp(app, { procedure: ctx.procedure });
  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      registerAuthRoutes(api, ctx, options);
      registerComplaintRoutes(api, ctx);
      registerCustomerRoutes(api, ctx);
      registerUserRoutes(api, ctx);
      registerTokenRoutes(api, ctx);
      registerAuditRoutes(api, ctx);
      registerPortalRoutes(api, ctx, options);
      registerProcedureRoutes(api, ctx);
      registerMailRoutes(api, ctx);
      registerWorkloadRoutes(api, ctx);
      registerDocumentRoutes(api, ctx);
      registerAttachmentRoutes(api, ctx);
      registerTemplateRoutes(api, ctx);
    },
    { prefix: API_PREFIX },
  );
  await app.ready();
  return app;
}
