/**
 * A `redress serve` killed with SIGKILL (power cut, OOM killer) loses nothing it has acknowledged: a 201 is
 * only sent once the complaint is committed, and a complaint is committed whole or not at all. Documents too:
 * every letter and file a committed row names is whole in the document store (DATA_DIR/documents) after it.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, expect, inject, it } from 'vitest';
import { fileDocumentStore } from '../../src/storage/file-store.ts';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect, type TestDb } from '../support/databases.ts';
import { PDF } from '../support/files.ts';
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

  it('SIGKILL amid files and letters being stored: every document a committed row names is whole after restart', async () => {
    // The worker polls often, so acknowledgement letters are being rendered and stored during the burst.
    const server = await startServe({ ...env, WORKER_INTERVAL_MS: '50' });
    const client = apiClient(server.api, token);
    const tag = `files-${Date.now()}`;
    const created = await client.post('/complaints', phoneComplaint({ description: `${tag} first` }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const reference = (created.body as { reference: string }).reference;
    const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    const acknowledged: string[] = [];
    let killed = false;
    const send = (path: string, body: unknown) =>
      fetch(`${server.api}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await Promise.allSettled([
      ...Array.from({ length: 6 }, (_, i) =>
        send('/complaints', phoneComplaint({ description: `${tag} letter #${i}` })),
      ),
      ...Array.from({ length: 12 }, async (_, i) => {
        // Each file different, so each is a new document in the store, not one already there.
        const file = Buffer.concat([PDF, Buffer.from(`%${tag} #${i}\n`)]);
        const response = await send(`/complaints/${reference}/reply`, {
          subject: `Your bill ${i}`,
          body: 'A corrected bill.',
          attachments: [
            { filename: `bill-${i}.pdf`, contentType: 'application/pdf', content: file.toString('base64') },
          ],
        });
        if (response.status === 200) acknowledged.push(sha256(file));
        if (acknowledged.length === 3 && !killed) {
          killed = true;
          server.kill('SIGKILL');
        }
      }),
    ]);
    expect(killed, `fewer than 3 files were acknowledged; server stderr:\n${server.stderr()}`).toBe(true);
    expect((await server.exited).signal).toBe('SIGKILL');

    // Straight from the store, before anything could repair it: every named document is there and whole.
    const store = fileDocumentStore(join(db.options.dataDir, 'documents'));
    const uploads = await db.kysely.selectFrom('uploads').select(['id', 'sha256']).execute();
    const letters = await db.kysely
      .selectFrom('documents')
      .innerJoin('complaints', 'complaints.id', 'documents.complaint_id')
      .select(['documents.id', 'documents.sha256', 'complaints.reference'])
      .execute();
    for (const acked of acknowledged) expect(uploads.map((u) => u.sha256)).toContain(acked);
    for (const row of [...uploads, ...letters]) expect(sha256(await store.get(row.sha256))).toBe(row.sha256);

    // And served byte for byte by the restarted server.
    const restarted = await startServe(env);
    const download = async (path: string) => {
      const response = await fetch(`${restarted.api}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status, path).toBe(200);
      return sha256(Buffer.from(await response.arrayBuffer()));
    };
    for (const u of uploads) expect(await download(`/attachments/${u.id}`)).toBe(u.sha256);
    for (const l of letters) {
      expect(await download(`/complaints/${l.reference}/letters/${l.id}`)).toBe(l.sha256);
    }
    const checked = await runCli(['documents', 'check', '--verify'], env);
    expect(checked.code, describeRun(checked)).toBe(0);
  }, 180_000); // two servers and a command, each a process

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
