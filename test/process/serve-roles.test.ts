/**
 * Every `serve` role can be watched: a worker or mail process, which has no web app, still answers
 * /healthz, /readyz and /metrics on PORT, and its /metrics shows what only it knows: the jobs it ran.
 */
import { afterAll, afterEach, expect, it } from 'vitest';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { apiClient, redressEnv, staffToken, startServe, stopAllProcesses } from '../support/processes.ts';

/** Polls `check` until it gives a value; fails after `ms` naming `what`. */
async function until<T>(ms: number, what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not true after ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeEachDialect('serve roles', (harness) => {
  afterEach(stopAllProcesses);
  afterAll(stopAllProcesses);

  it('A `--role worker` process serves /healthz, /readyz and /metrics with the jobs it ran, and nothing else', async () => {
    const db = await harness.freshDb();
    const env = redressEnv(db.options);
    const { token } = await staffToken(env);
    // The complaint is raised by a web process, and its acknowledgement left for the worker. On SQLite the
    // two take turns (one process at a time); on PostgreSQL they could as well run side by side.
    const web = await startServe(env, { role: 'web' });
    const created = await apiClient(web.api, token).post('/complaints', phoneComplaint());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const webMetrics = await (await fetch(`${web.url}/metrics`)).text();
    expect(webMetrics, 'the web process runs no jobs').not.toMatch(/^redress_job_duration_seconds_count/m);
    expect(await web.stop()).toEqual({ code: 0, signal: null });

    const worker = await startServe({ ...env, WORKER_INTERVAL_MS: '100' }, { role: 'worker' });
    expect(await (await fetch(`${worker.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${worker.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: harness.dialect });

    const acknowledged = await until(30_000, 'the acknowledgement counted in /metrics', async () => {
      const text = await (await fetch(`${worker.url}/metrics`)).text();
      const ran = /^redress_job_duration_seconds_count\{kind="acknowledgement",outcome="done"\} 1$/m;
      // Its own counters and timings, beside the gauges every process reads from the database.
      const sent = /^redress_mail_sent_total\{result="sent"\} [1-9]/m;
      return ran.test(text) && sent.test(text) ? text : undefined;
    });
    expect(acknowledged).toMatch(/^redress_db_query_duration_seconds_count\{operation="update"\} [1-9]/m);
    expect(acknowledged).toMatch(/^redress_metrics_database_readable 1$/m);
    expect(acknowledged).toMatch(/^process_resident_memory_bytes [1-9]/m);

    // Only those three: the API is the web role's, and /metrics keeps its rules.
    const api = await fetch(`${worker.api}/complaints`, { headers: { authorization: `Bearer ${token}` } });
    expect(api.status).toBe(404);
    expect(((await api.json()) as { code: string }).code).toBe('route-not-found');
    const proxied = await fetch(`${worker.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.status).toBe(403);
    expect(await worker.stop()).toEqual({ code: 0, signal: null });
  });

  it('A `--role mail` process serves /healthz, /readyz and /metrics with its mail counters', async () => {
    const db = await harness.freshDb();
    const mail = await startServe(redressEnv(db.options), { role: 'mail' });
    expect(mail.stdout()).toMatch(/^Redress is receiving email at /m);
    expect((await fetch(`${mail.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${mail.url}/readyz`)).status).toBe(200);
    const text = await (await fetch(`${mail.url}/metrics`)).text();
    expect(text).toMatch(/^# TYPE redress_mail_received_total counter$/m);
    expect(await mail.stop()).toEqual({ code: 0, signal: null });
  });
});
