/**
 * /metrics as Prometheus scrapes it: request timings by route pattern (never a CRN), query timings, the job
 * and ADR gauges read from the database, mail counters and Node's process metrics; and who may read it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enqueue } from '../../src/db/jobs.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

const TOKEN = 'metrics-token-for-tests-0123456789';
const DAY = 86_400_000;

describeEachDialect('metrics', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startApi(harness, { metrics: { token: TOKEN } });
  });
  afterAll(() => t.close());

  const scrape = (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
    fetch(`${t.url}/metrics`, { headers });

  it('shows request timings by route pattern, query timings, the gauges and the process metrics', async () => {
    const created = await t
      .as('agent')
      .post(
        '/complaints',
        phoneComplaint({ firstExpressedAt: new Date(t.now().getTime() - 40 * DAY).toISOString() }),
      );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const reference = created.body.reference as string;
    expect((await t.as('agent').get(`/complaints/${reference}`)).status).toBe(200);
    expect((await t.as('agent').get('/complaints/NOT-A-CRN')).status).toBe(400);
    await enqueue(
      t.db.kysely,
      { kind: 'stuck', payload: null, runAt: new Date(t.now().getTime() - 90_000) },
      t.now(),
    );

    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const name of [
      'http_request_duration_seconds',
      'redress_db_query_duration_seconds',
      'redress_jobs',
      'redress_job_oldest_due_age_seconds',
      'redress_adr_letters_due_within_7_days',
      'redress_mail_received_total',
      'redress_mail_sent_total',
      'process_cpu_user_seconds_total',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(text).toMatch(new RegExp(`^# TYPE ${name} `, 'm'));
    }
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/complaints\/:reference",status_code="200"\} 1$/m,
    );
    expect(text).toMatch(/route="\/api\/v1\/complaints\/:reference",status_code="400"\} 1$/m);
    expect(text, 'no CRN ever becomes a label').not.toContain(reference);
    expect(text).not.toContain('NOT-A-CRN');
    expect(text).toMatch(/^redress_db_query_duration_seconds_count\{operation="select"\} [1-9]/m);
    expect(text).toMatch(/^redress_jobs\{kind="stuck",status="pending"\} 1$/m);
    expect(text).toMatch(/^redress_job_oldest_due_age_seconds\{kind="stuck"\} 90$/m);
    expect(text).toMatch(/^redress_adr_letters_due_within_7_days 1$/m);
    expect(text).toMatch(/^redress_metrics_database_readable 1$/m);
  });

  it('counts customer emails sent by the worker', async () => {
    await t.runJobs();
    const text = await (await scrape()).text();
    // The acknowledgement of the complaint above: no mail settings, so it is recorded as sent nowhere.
    expect(text).toMatch(/^redress_mail_sent_total\{result="sent"\} [1-9]/m);
  });

  it('refuses a scraper without the token, or with a wrong one', async () => {
    expect((await scrape({})).status).toBe(403);
    expect((await scrape({ authorization: 'Bearer wrong' })).status).toBe(403);
    expect((await scrape({ authorization: `Bearer ${TOKEN}x` })).status).toBe(403);
  });

  it('is not part of the API document', async () => {
    const doc = await t.as(null).get('/openapi.json');
    expect(Object.keys(doc.body.paths)).not.toContain('/metrics');
  });
});

describeEachDialect('metrics without a token', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startApi(harness, { metrics: {} });
  });
  afterAll(() => t.close());

  it('answers a client on this machine, but not one that came through a proxy', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(200);
    const proxied = await fetch(`${t.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.status).toBe(403);
  });
});
