/**
 * PostgreSQL killed under create load: the `redress serve` process stays up, answers 503
 * `database-unavailable` with Retry-After while the database is away (and /readyz says so), and carries on
 * by itself once the database is back, with every acknowledged (201) complaint still there.
 *
 * The server here is this file's own embedded PostgreSQL, so killing it disturbs no other test file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneComplaint } from '../support/api.ts';
import { dialects } from '../support/databases.ts';
import { type RunningServer, startEmbeddedPostgres } from '../support/embedded-postgres-server.ts';
import {
  describeRun,
  type Env,
  redressEnv,
  runCli,
  type ServeProcess,
  staffToken,
  startServe,
  stopAllProcesses,
} from '../support/processes.ts';

interface Outcome {
  status: number;
  code?: string;
  reference?: string;
  retryAfter: string | null;
  contentType: string | null;
}

(dialects.includes('postgres') ? describe : describe.skip)('a PostgreSQL outage [postgres]', () => {
  let postgres: RunningServer;
  let databaseUrl: string;
  let dataDir: string;
  let env: Env;
  let token: string;
  let server: ServeProcess;

  beforeAll(async () => {
    postgres = await startEmbeddedPostgres({ durableCommits: true });
    const admin = new pg.Client({ connectionString: postgres.adminUrl });
    await admin.connect();
    await admin.query('create database redress_outage');
    await admin.end();
    const url = new URL(postgres.adminUrl);
    url.pathname = '/redress_outage';
    databaseUrl = url.toString();
    dataDir = mkdtempSync(join(tmpdir(), 'redress-outage-'));
    env = redressEnv({ dataDir, databaseUrl }, { WORKER_INTERVAL_MS: '100' });
    ({ token } = await staffToken(env));
    // The whole process (API, worker polling every 100 ms, mail listener), as deployed.
    server = await startServe(env);
  });
  afterAll(async () => {
    await stopAllProcesses();
    await postgres?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  let sent = 0;
  const create = async (): Promise<Outcome> => {
    const response = await fetch(`${server.api}/complaints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(phoneComplaint({ description: `outage load #${sent++}` })),
    });
    const body = (await response.json()) as { code?: string; reference?: string };
    return {
      status: response.status,
      ...(body.code ? { code: body.code } : {}),
      ...(body.reference ? { reference: body.reference } : {}),
      retryAfter: response.headers.get('retry-after'),
      contentType: response.headers.get('content-type'),
    };
  };
  /** `total` creates, `inFlight` at a time; `onEach` sees the count of answers so far. */
  const load = async (total: number, inFlight: number, onEach: (answered: number) => void = () => {}) => {
    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < total) {
          next++;
          outcomes.push(await create());
          onEach(outcomes.length);
        }
      }),
    );
    return outcomes;
  };

  it('survives the kill, answers 503 while the database is away, and recovers with nothing acknowledged lost', async () => {
    // Killed in the middle of a burst: 4 creates in flight, the kill after the 30th answer.
    let crashing: Promise<void> | undefined;
    const during = await load(120, 4, (answered) => {
      if (answered === 30) crashing = postgres.crash();
    });
    await crashing;
    const statuses = new Set(during.map((o) => o.status));
    expect(
      [...statuses].filter((s) => s !== 201 && s !== 503),
      JSON.stringify(during),
    ).toEqual([]);
    expect(during.filter((o) => o.status === 201).length).toBeGreaterThanOrEqual(30);

    // Well after the kill (the crash used to come within 74-157 ms), the process is still serving.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.running(), server.stderr()).toBe(true);
    const away = await load(40, 4);
    for (const outcome of away) {
      expect(outcome).toMatchObject({ status: 503, code: 'database-unavailable' });
      expect(outcome.contentType).toMatch(/application\/problem\+json/);
      expect(Number(outcome.retryAfter)).toBeGreaterThan(0);
    }
    const notReady = await fetch(`${server.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(notReady.headers.get('retry-after')).toBeTruthy();
    expect(await notReady.json()).toMatchObject({ code: 'database-unavailable' });

    // The database comes back on the same data directory and port; the process finds it by itself.
    await postgres.restart();
    const back = Date.now();
    let first: Outcome | undefined;
    while (Date.now() - back < 5_000) {
      first = await create();
      if (first.status === 201) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const recoveredMs = Date.now() - back;
    console.info(`creates succeeded again ${recoveredMs} ms after PostgreSQL was back`);
    expect(first?.status).toBe(201);
    expect(recoveredMs).toBeLessThan(1_000);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const after = await load(40, 4);
    expect(after.map((o) => o.status)).toEqual(after.map(() => 201));

    // Nothing acknowledged is lost, and the process never restarted.
    const acknowledged = [...during, first, ...after].flatMap((o) =>
      o?.status === 201 ? [o.reference] : [],
    );
    const check = new pg.Client({ connectionString: databaseUrl });
    await check.connect();
    const { rows } = await check.query<{ reference: string }>(
      'select reference from complaints where reference = any($1)',
      [acknowledged],
    );
    await check.end();
    expect(rows.map((r) => r.reference).sort()).toEqual([...acknowledged].sort());
    expect(server.running()).toBe(true);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    const verified = await runCli(['audit', 'verify'], env);
    expect(verified.code, describeRun(verified)).toBe(0);
    expect(verified.stdout).toMatch(/audit trail intact/);
  });
});
