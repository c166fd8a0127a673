/**
 * A `redress serve` killed with SIGKILL (power cut, OOM killer) loses nothing it has acknowledged: a 201 is
 * only sent once the complaint is committed, and a complaint is committed whole or not at all.
 */
import pg from 'pg';
import { afterAll, afterEach, beforeAll, expect, inject, it } from 'vitest';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect, type TestDb } from '../support/databases.ts';
import {
  apiClient,
  describeRun,
  type Env,
  redressEnv,
  runCli,
  staffToken,
  startServe,
  stopAllProcesses,
} from '../support/processes.ts';

describeEachDialect('crash safety', (harness) => {
  let db: TestDb;
  let env: Env;
  let token: string;
  beforeAll(async () => {
    db = await harness.freshDb();
    env = redressEnv(db.options);
    ({ token } = await staffToken(env));
  });
  afterEach(stopAllProcesses);
  afterAll(stopAllProcesses);

  it('SIGKILL right after a 201: the complaint is there after restart, and its Idempotency-Key still answers', async () => {
    const first = await startServe(env);
    const key = `crash-${Date.now()}`;
    const description = `Charged twice, then the server was killed: ${key}`;
    const request = {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(phoneComplaint({ description })),
    };
    const response = await fetch(`${first.api}/complaints`, request);
    // The moment the status line arrives, before even reading the body.
    if (response.status === 201) first.kill('SIGKILL');
    const body = (await response.json()) as { reference: string };
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const second = await startServe(env);
    const read = await apiClient(second.api, token).get(`/complaints/${body.reference}`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body).toMatchObject({ reference: body.reference, description, stage: 'attempt-1' });
    // The client never saw the 201 as far as it knows: its retry gets the same complaint, not a second one.
    const retried = await fetch(`${second.api}/complaints`, request);
    expect(((await retried.json()) as { reference: string }).reference).toBe(body.reference);
    const stored = await db.kysely
      .selectFrom('complaints')
      .select('reference')
      .where('description', '=', description)
      .execute();
    expect(stored).toEqual([{ reference: body.reference }]);
    expect(await second.stop()).toEqual({ code: 0, signal: null });

    const verified = await runCli(['audit', 'verify'], env);
    expect(verified.code, describeRun(verified)).toBe(0);
    expect(verified.stdout).toMatch(/audit trail intact/);
  });

  it('SIGKILL amid 20 concurrent creations: every acknowledged complaint survives, none is half-written', async () => {
    const server = await startServe(env);
    const tag = `burst-${Date.now()}`;
    const acknowledged: { reference: string; description: string }[] = [];
    let killed = false;
    await Promise.allSettled(
      Array.from({ length: 20 }, async (_, i) => {
        const description = `${tag} #${i}`;
        const response = await fetch(`${server.api}/complaints`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(phoneComplaint({ description })),
        });
        if (response.status === 201 && !killed) {
          killed = true;
          server.kill('SIGKILL');
        }
        const body = (await response.json()) as { reference: string };
        if (response.status === 201) acknowledged.push({ reference: body.reference, description });
      }),
    );
    expect(killed, `no 201 arrived; server stderr:\n${server.stderr()}`).toBe(true);
    expect((await server.exited).signal).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThan(0);

    // Whatever was committed is whole: a complaint row always comes with its attempt, its first audit
    // event and its ADR timer, because they share one transaction.
    const rows = await db.kysely
      .selectFrom('complaints')
      .select(['id', 'reference', 'description'])
      .where('description', 'like', `${tag} #%`)
      .execute();
    for (const row of rows) {
      const attempt = await db.kysely
        .selectFrom('attempts')
        .select('number')
        .where('complaint_id', '=', row.id)
        .execute();
      const recorded = await db.kysely
        .selectFrom('audit_events')
        .select('seq')
        .where('complaint_id', '=', row.id)
        .where('type', '=', 'complaint-recorded')
        .execute();
      const timer = await db.kysely
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'adr-time-limit')
        .where('payload', 'like', `%${row.id}%`)
        .execute();
      expect({
        reference: row.reference,
        attempts: attempt.length,
        recorded: recorded.length,
        timers: timer.length,
      }).toEqual({ reference: row.reference, attempts: 1, recorded: 1, timers: 1 });
    }

    const restarted = await startServe(env);
    const client = apiClient(restarted.api, token);
    for (const { reference, description } of acknowledged) {
      const read = await client.get(`/complaints/${reference}`);
      expect(read.status, `${reference}: ${JSON.stringify(read.body)}`).toBe(200);
      expect(read.body.description).toBe(description);
    }
    // Every committed complaint is served, acknowledged or not.
    for (const row of rows) expect((await client.get(`/complaints/${row.reference}`)).status).toBe(200);

    const verified = await runCli(['audit', 'verify'], env);
    expect(verified.code, describeRun(verified)).toBe(0);
  });

  it.skipIf(harness.dialect !== 'postgres')(
    'keeps serving after PostgreSQL drops its idle connections (restart, failover, an admin)',
    async () => {
      // Tagged connections, so that only the server's are cut, not this test's own.
      const url = new URL(db.options.databaseUrl ?? '');
      url.searchParams.set('application_name', 'redress-under-test');
      const server = await startServe({ ...env, DATABASE_URL: url.toString() }, { role: 'web' });
      const client = apiClient(server.api, token);
      // Requests at once leave several connections idle in the server's pool.
      await Promise.all(Array.from({ length: 4 }, () => client.get('/auth/me')));

      const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
      await admin.connect();
      try {
        const cut = await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
          ['redress-under-test'],
        );
        expect(cut.rowCount).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(server.running(), `redress serve died:\n${server.stderr()}`).toBe(true);

      const me = await client.get('/auth/me');
      expect(me.status, `server output:\n${server.stderr()}`).toBe(200);
      const created = await client.post('/complaints', phoneComplaint());
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    },
  );
});
