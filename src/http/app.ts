/**
 * The Fastify application: the REST API under /api/v1, its OpenAPI document, health checks, /metrics, and
 * the web app's pages. The server it starts from, and the health and metrics routes, are server.ts's: a worker
 * or mail process serves those alone.
 * Routes are thin: they validate with zod, call one use case, and map the result.
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.ts';
import type { TrustProxy } from '../config/env.ts';
import { createMetrics, type Metrics } from '../metrics/metrics.ts';
import { authPlugin } from './auth.ts';
import { databaseRateLimitStore } from './limits.ts';
import { registerAttachmentRoutes } from './routes/attachments/routes.ts';
import { registerAuditRoutes } from './routes/audit/routes.ts';
import { registerAuthRoutes } from './routes/auth/routes.ts';
import { registerComplaintRoutes } from './routes/complaints/routes.ts';
import { registerCustomerRoutes } from './routes/customers/routes.ts';
import { registerDocumentRoutes } from './routes/documents/routes.ts';
import { registerImprovementRoutes } from './routes/improvements/routes.ts';
import { registerInsightReportRoute } from './routes/insight/report.ts';
import { registerInsightRoutes } from './routes/insight/routes.ts';
import { registerMailRoutes } from './routes/mail/routes.ts';
import { registerPortalRoutes } from './routes/portal/routes.ts';
import { registerProcedureRoutes } from './routes/procedure/routes.ts';
import { registerPublicRoutes } from './routes/public/routes.ts';
import { registerSurveyRoutes } from './routes/survey/routes.ts';
import { registerTemplateRoutes } from './routes/templates/routes.ts';
import { registerTokenRoutes } from './routes/tokens/routes.ts';
import { registerUserRoutes } from './routes/users/routes.ts';
import { registerWorkloadRoutes } from './routes/workload/routes.ts';
import { docsContentSecurityPolicy, registerSecurityHeaders } from './security-headers.ts';
import { createServer, registerOperationsRoutes } from './server.ts';
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
   * default 20. Counted in the database, so shared by every process on it.
   */
  formsPerMinute?: number | undefined;
  /** The process's metrics (serve makes one per process); a fresh set when not given. */
  metrics?: Metrics | undefined;
  /** Bearer token for /metrics; without it, /metrics answers loopback only. */
  metricsToken?: string | undefined;
}

/** Builds the HTTP application around a context (database, procedure, clock). */
export async function buildApp(ctx: AppContext, options: AppOptions): Promise<App> {
  const app = createServer(ctx, {
    trustProxy: options.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

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
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'redress_session',
            description:
              'The web app’s session. A POST, PUT, PATCH or DELETE with it (or the portal’s cookie) must come from Redress’s own pages ' +
              '(Sec-Fetch-Site: same-origin, else an Origin or Referer of the public address): otherwise 403 `cross-site-request`.',
          },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  const https = new URL(options.publicUrl).protocol === 'https:';
  registerSecurityHeaders(app, options);
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (policy) => docsContentSecurityPolicy(policy, https),
    // No call to swagger.io's validator with our document's address.
    uiConfig: { validatorUrl: null },
  });
  await app.register(cookie);
  // Only the routes that name a limit are limited (sign-in and the portal's anonymous forms).
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(ctx) });
  await app.register(authPlugin, { ctx });
  // Before the routes, so that its request timing hook covers every one of them.
  registerOperationsRoutes(app, ctx, {
    metrics: options.metrics ?? createMetrics(),
    metricsToken: options.metricsToken,
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
      registerSurveyRoutes(api, ctx, options);
      registerProcedureRoutes(api, ctx);
      registerMailRoutes(api, ctx);
      registerWorkloadRoutes(api, ctx);
      registerInsightRoutes(api, ctx);
      registerInsightReportRoute(api, ctx);
      registerDocumentRoutes(api, ctx);
      registerAttachmentRoutes(api, ctx);
      registerTemplateRoutes(api, ctx);
      registerImprovementRoutes(api, ctx);
    },
    { prefix: API_PREFIX },
  );
  await app.ready();
  return app;
}
