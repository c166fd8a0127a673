/**
 * SQLite with a full disk: writes are refused with a clear 507 naming the cause, the log keeps SQLite's own
 * SQLITE_FULL (not the failed ROLLBACK that used to replace it), `/readyz` says writes fail, and everything
 * recovers by itself once there is room again, with nothing acknowledged lost.
 *
 * The full disk is SQLite's `max_page_count`, set on the application's own connection: past it, a write
 * fails with SQLITE_FULL exactly as on a full disk, without root or a small filesystem.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeDialect } from '../support/databases.ts';
import { describeRun, redressEnv, runCli } from '../support/processes.ts';

describeDialect('sqlite', 'a full disk', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startApi(harness);
  });
  afterAll(() => t?.close());

  const pragma = async (text: string) =>
    (await sql.raw<Record<string, number>>(`pragma ${text}`).execute(t.ctx.db.kysely)).rows[0];

  it('answers 507 storage-full, logs SQLITE_FULL, fails /readyz, and recovers when space returns', async () => {
    const acknowledged: string[] = [];
    const create = async (i: number) => {
      const res = await t.as('agent').post('/complaints', phoneComplaint({ description: `disk test #${i}` }));
      if (res.status === 201) acknowledged.push(res.body.reference);
      return res;
    };
    for (let i = 0; i < 3; i++) expect((await create(i)).status).toBe(201);

    // Fill the disk again and again, each time leaving room for 0-6 more pages, so the write that finds no
    // room is a different statement of the transaction each time: some fail alone (SQLite undoes just that
    // statement), others make SQLite roll the whole transaction back, the case whose cause used to be lost.
    const refusals: Awaited<ReturnType<typeof create>>[] = [];
    for (let round = 0, i = 3; round < 21; round++) {
      const pages = (await pragma('page_count'))?.page_count ?? 0;
      expect(pages).toBeGreaterThan(0);
      await pragma(`max_page_count = ${pages + (round % 7)}`);
      for (let tries = 0; tries < 50; tries++) {
        const res = await create(i++);
        if (res.status !== 201) {
          refusals.push(res);
          break;
        }
      }
    }
    expect(refusals.length, 'every round ends in a refused write').toBe(21);
    for (const refused of refusals) {
      expect(refused.status, JSON.stringify(refused.body)).toBe(507);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(refused.body).toMatchObject({
        status: 507,
        code: 'storage-full',
        type: '/problems/storage-full',
      });
      expect(refused.body.detail).toMatch(/disk is full/);
    }
    await pragma(`max_page_count = ${(await pragma('page_count'))?.page_count}`);
    expect((await create(999)).status).toBe(507);

    const logged = t.logs.filter((line) => line.includes('"storage-full"'));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).toMatch(/SQLITE_FULL/);
    expect(t.logs.join('\n')).not.toMatch(/cannot rollback/);

    const notReady = await fetch(`${t.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ code: 'storage-full' });
    // Reads still work while writes fail.
    expect((await t.as('agent').get(`/complaints/${acknowledged[0]}`)).status).toBe(200);

    // Space returns (SQLite's default limit): readiness clears on its own probe, before anyone writes.
    await pragma('max_page_count = 1073741823');
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect((await create(1000)).status).toBe(201);

    for (const reference of acknowledged) {
      const read = await t.as('agent').get(`/complaints/${reference}`);
      expect(read.status, reference).toBe(200);
    }
    const verified = await runCli(['audit', 'verify'], redressEnv(t.db.options));
    expect(verified.code, describeRun(verified)).toBe(0);
    expect(verified.stdout).toMatch(/audit trail intact/);
  });
});
