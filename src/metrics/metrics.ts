/**
 * The process's Prometheus metrics (prom-client), in one registry per process rather than prom-client's
 * global one, so that several apps in one test process never collide. What a scrape shows:
 * - `http_request_duration_seconds{method,route,status_code}`: `route` is the route's pattern
 *   (`/api/v1/complaints/:reference`), never the address, so no CRN or token becomes a label;
 * - `redress_db_query_duration_seconds{operation}`, timed by the Kysely plugin in query-timing.ts;
 * - `redress_jobs{kind,status}`, `redress_job_oldest_due_age_seconds{kind}` and
 *   `redress_adr_letters_due_within_7_days`, read from the database on each scrape (operational-gauges);
 * - `redress_job_duration_seconds{kind,outcome}`: the jobs this process ran, how each ended and how long it took;
 * - `redress_mail_received_total{outcome}` and `redress_mail_sent_total{result}`;
 * - Node's default process metrics (`process_*`, `nodejs_*`).
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { MailCounters } from '../app/context.ts';

export interface Metrics {
  registry: Registry;
  httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
  dbQueryDuration: Histogram<'operation'>;
  jobs: Gauge<'kind' | 'status'>;
  jobOldestDueAge: Gauge<'kind'>;
  adrLettersDueSoon: Gauge;
  /** Jobs this process ran: `outcome` is done, retry, failed (for good) or lost (its lease had passed on). */
  jobDuration: Histogram<'kind' | 'outcome'>;
  /** 1 when the last scrape could read the database gauges, 0 when it could not. */
  gaugesReadable: Gauge;
  mail: MailCounters;
}

/** A new registry with every Redress metric and Node's defaults in it. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const mailReceived = new Counter({
    name: 'redress_mail_received_total',
    help: 'Inbound emails by what became of them (complaint, joined, triage, rejected, duplicate, ...)',
    labelNames: ['outcome'],
    registers,
  });
  const mailSent = new Counter({
    name: 'redress_mail_sent_total',
    help: 'Tries to send a customer email: sent, retry (will be tried again) or failed (for good)',
    labelNames: ['result'],
    registers,
  });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by route pattern and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    dbQueryDuration: new Histogram({
      name: 'redress_db_query_duration_seconds',
      help: 'Database queries (waiting for a connection included) by operation',
      labelNames: ['operation'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    jobs: new Gauge({
      name: 'redress_jobs',
      help: 'Jobs due and waiting (pending), running, or failed for good, by kind',
      labelNames: ['kind', 'status'],
      registers,
    }),
    jobOldestDueAge: new Gauge({
      name: 'redress_job_oldest_due_age_seconds',
      help: 'How long the longest-waiting due job of each kind has been due',
      labelNames: ['kind'],
      registers,
    }),
    adrLettersDueSoon: new Gauge({
      name: 'redress_adr_letters_due_within_7_days',
      help: 'Open complaints without an ADR letter whose ADR time limit falls in the next 7 days',
      registers,
    }),
    jobDuration: new Histogram({
      name: 'redress_job_duration_seconds',
      help: 'Jobs run by this process, by kind and how they ended (done, retry, failed, lost)',
      labelNames: ['kind', 'outcome'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    gaugesReadable: new Gauge({
      name: 'redress_metrics_database_readable',
      help: '1 when this scrape read the job and ADR gauges from the database, 0 when it could not',
      registers,
    }),
    mail: {
      received: (outcome) => mailReceived.inc({ outcome }),
      sent: (result) => mailSent.inc({ result }),
    },
  };
}
