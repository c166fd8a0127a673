/**
 * `redress serve` stopped with SIGTERM while it is busy: requests in flight are answered (a 201 is a
 * committed complaint), the jobs the worker holds finish, nothing is left leased to the stopped process,
 * every email it sent is recorded as sent, once, and it exits 0 with its pools closed.
 */
import { afterAll, afterEach, expect, it, vi } from 'vitest';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { apiClient, redressEnv, staffToken, startServe, stopAllProcesses } from '../support/processes.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';

describeEachDialect('graceful shutdown', (harness) => {
  let sink: SmtpSink | undefined;
  afterEach(stopAllProcesses);
  afterAll(() => sink?.close());

  it('SIGTERM under load: requests in flight answered, jobs in hand finished, nothing left leased, exit 0', async () => {
    const db = await harness.freshDb();
    sink = await startSmtpSink({ closeTimeoutMs: 200 });
    const env = redressEnv(db.options, {
      SMTP_URL: sink.url,
      WORKER_INTERVAL_MS: '20',
      WORKER_CONCURRENCY: '4',
      RENDER_THREADS: '1',
      LOG_LEVEL: 'info',
    });
    const { token } = await staffToken(env);
    const server = await startServe(env);
    const api = apiClient(server.api, token);
    const raise = (label: string, count: number) =>
      Array.from({ length: count }, (_, i) =>
        api
          .post(
            '/complaints',
            phoneComplaint({
              customer: { name: `Customer ${label}${i}`, email: `${label}${i}@example.org` },
            }),
          )
          .catch((error: unknown) => ({ status: 0, body: String(error) })),
      );

    const first = await Promise.all(raise('a', 30));
    expect(first.map((r) => r.status)).toEqual(Array(30).fill(201));
    // The worker is busy with the acknowledgements (letters rendering, mail leaving) ...
    await vi.waitFor(() => expect(sink?.messages.length).toBeGreaterThan(0), { timeout: 30_000 });
    // ... and more requests are on their way when the signal comes.
    const second = raise('b', 10);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const ended = await server.stop(30_000);
    const replies = [...first, ...(await Promise.all(second))];

    expect(
      ended,
      `${server.stderr()}\n${server
        .stdout()
        .split('\n')
        .filter((l) => !l.includes('"level":30'))
        .slice(-30)
        .join('\n')}`,
    ).toEqual({ code: 0, signal: null });
    expect(server.stdout()).toContain('"msg":"stopped"');
    // Answered, or turned away as the server closed: never a 500, never a 201 that was not kept.
    for (const reply of replies) expect([201, 503, 0], JSON.stringify(reply.body)).toContain(reply.status);
    const created = replies.filter((r) => r.status === 201).map((r) => r.body.reference as string);
    const stored = await db.kysely.selectFrom('complaints').select('reference').execute();
    expect(stored.map((c) => c.reference).sort()).toEqual([...created].sort());

    const running = await db.kysely
      .selectFrom('jobs')
      .select(['kind', 'status'])
      .where('status', '=', 'running');
    expect(await running.execute(), 'no job left leased to the stopped process').toEqual([]);
    const sent = await db.kysely
      .selectFrom('emails')
      .select('message_id')
      .where('direction', '=', 'out')
      .where('status', '=', 'sent')
      .execute();
    const received = sink.messages.map((m) => /^Message-ID:\s*(\S+)/im.exec(m.raw.toString())?.[1]);
    expect(received.length).toBeGreaterThan(0);
    expect(new Set(received).size, 'no email sent twice').toBe(received.length);
    expect(sent.map((e) => e.message_id).sort()).toEqual([...received].sort());
  }, 180_000);
});
