/**
 * `GET /metrics` in Prometheus's text format, and the request timings behind it. Not part of /api/v1 and
 * hidden from the OpenAPI document: it is for the monitoring system, not for API clients.
 *
 * Who may read it: with METRICS_TOKEN set, whoever sends `Authorization: Bearer <METRICS_TOKEN>`; without
 * it, only a client on this machine (loopback) that did not come through a proxy. The counts are not
 * personal data, but queue sizes and route timings tell an outsider more than they need to know.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { readOperationalGauges } from '../app/read-operational-gauges.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { problem, sendProblem } from './problem.ts';

export interface MetricsOptions {
  /** The bearer token a scraper must send (METRICS_TOKEN); unset: loopback only. */
  token?: string | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Times every request by route pattern and serves /metrics. Register before the routes it should time. */
export function registerMetrics(
  app: FastifyInstance,
  ctx: AppContext,
  metrics: Metrics,
  options: MetricsOptions,
): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpRequestDuration.observe(
      {
        method: request.method,
        // The pattern, never request.url: that would carry CRNs and tokens, and a label per complaint.
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/metrics', { schema: { hide: true }, config: { ownBearer: true } }, async (request, reply) => {
    if (!mayRead(request, options.token)) {
      return sendProblem(
        reply,
        problem(
          'metrics-forbidden',
          403,
          options.token
            ? 'Send the metrics token as Authorization: Bearer'
            : 'Metrics are served to this machine only unless METRICS_TOKEN is set',
        ),
      );
    }
    await refreshGauges(ctx, metrics);
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

function mayRead(request: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const sent = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    // Hashes first: timingSafeEqual needs equal lengths, and the comparison must not leak the length.
    const digest = (text: string) => createHash('sha256').update(text).digest();
    return timingSafeEqual(digest(sent), digest(token));
  }
  // A proxy on this machine makes every outside client look local: a forwarded request is not local.
  const forwarded =
    request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  return !forwarded && LOOPBACK.has(request.ip);
}

/** Sets the database gauges afresh; a database that cannot be read leaves them out, and says so. */
async function refreshGauges(ctx: AppContext, metrics: Metrics): Promise<void> {
  metrics.jobs.reset();
  metrics.jobOldestDueAge.reset();
  metrics.adrLettersDueSoon.reset();
  try {
    const gauges = await readOperationalGauges(ctx);
    const now = ctx.now().getTime();
    for (const row of gauges.jobs) {
      metrics.jobs.set({ kind: row.kind, status: row.status }, row.count);
      if (row.status === 'pending' && row.oldestRunAt) {
        metrics.jobOldestDueAge.set({ kind: row.kind }, (now - Date.parse(row.oldestRunAt)) / 1000);
      }
    }
    metrics.adrLettersDueSoon.set(gauges.adrLettersDueWithin7Days);
    metrics.gaugesReadable.set(1);
  } catch (error) {
    ctx.logger.warn({ err: error }, 'metrics: the database gauges could not be read');
    metrics.gaugesReadable.set(0);
  }
}
