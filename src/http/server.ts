/**
 * What every Redress HTTP listener is built from, the whole application (app.ts `buildApp`) and the small
 * endpoint of a worker or mail process (`buildOperationsApp`) alike: the logger that never writes a token
 * from an address, problem+json for errors and unknown routes, and the three endpoints an orchestrator and
 * Prometheus ask of every process: /healthz (alive), /readyz (the database answers and takes writes) and
 * /metrics (this process's own counters and timings, with the database gauges).
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { databaseFailureCode } from '../app/errors.ts';
import type { TrustProxy } from '../config/env.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { registerMetrics } from './metrics.ts';
import { errorHandler, problem, RETRY_AFTER_SECONDS, sendProblem } from './problem.ts';

export interface ServerOptions {
  /** Proxies whose X-Forwarded-For is believed (default: none, the client is the peer). */
  trustProxy?: TrustProxy | undefined;
  /** Request bodies above this are refused with 413 before they are parsed (Fastify's default: 1 MiB). */
  bodyLimit?: number | undefined;
}

export interface OperationsOptions {
  /** The process's metrics (serve makes one set per process). */
  metrics: Metrics;
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

/** A Fastify server logging through the context's logger, answering every failure as problem+json. */
export function createServer(ctx: AppContext, options: ServerOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: ctx.logger.child({}, { serializers: { req: requestForLog } }) as FastifyBaseLogger,
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    trustProxy: options.trustProxy ?? false,
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problem('route-not-found', 404, `${request.method} ${request.url} is not an endpoint`),
    ),
  );
  return app;
}

/**
 * /healthz, /readyz and /metrics, hidden from the OpenAPI document. Register before other routes: the
 * metrics' request timing covers only routes registered after it.
 */
export function registerOperationsRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  options: OperationsOptions,
): void {
  registerMetrics(app, ctx, options.metrics, { token: options.metricsToken });
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
}

/**
 * The HTTP endpoint of a process without the web app (`serve --role worker|mail`): /healthz, /readyz and
 * /metrics only, so that an orchestrator can see it is alive and Prometheus can read the jobs it ran, the
 * mail it counted and its query timings, which no other process knows.
 */
export async function buildOperationsApp(
  ctx: AppContext,
  options: ServerOptions & OperationsOptions,
): Promise<FastifyInstance> {
  const app = createServer(ctx, options);
  registerOperationsRoutes(app, ctx, options);
  await app.ready();
  return app;
}
