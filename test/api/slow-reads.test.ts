/**
 * A slow report does not freeze everyone else's screen: on SQLite it reads on a reader thread, and the API
 * goes on answering meanwhile. And a GET straight after a command shows the command's effect.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeDialect, describeEachDialect } from '../support/databases.ts';

describeDialect(
  'sqlite',
  'a slow read',
  (harness) => {
    let t: TestApi;
    beforeAll(async () => {
      t = await startApi(harness);
    });
    afterAll(() => t?.close());

    it('does not stop a GET of a complaint from answering while it runs', async () => {
      const created = await t.as('agent').post('/complaints', phoneComplaint());
      expect(created.status).toBe(201);
      const reference: string = created.body.reference;

      // As slow as a report over a million complaints, and reading no table: counting to ten million.
      let slowFinished = false;
      const slow = sql<{ n: number }>`with recursive c(i) as (select 1 union all select i + 1 from c
      where i < 10000000) select count(*) as n from c`
        .execute(t.ctx.db.kysely)
        .then(({ rows }) => {
          slowFinished = true;
          return rows[0]?.n;
        });

      const got = await t.as('agent').get(`/complaints/${reference}`);
      expect(got.status).toBe(200);
      expect(got.body.reference).toBe(reference);
      expect(slowFinished, 'the GET was answered while the slow read still ran').toBe(false);
      expect(await slow).toBe(10_000_000);
    });
  },
  { sqliteReaders: 2 },
);

describeEachDialect(
  'read after write',
  (harness) => {
    let t: TestApi;
    beforeAll(async () => {
      t = await startApi(harness);
    });
    afterAll(() => t?.close());

    it('shows a command and a new complaint in the very next GET', async () => {
      for (let i = 0; i < 5; i++) {
        const created = await t
          .as('agent')
          .post('/complaints', phoneComplaint({ description: `Read back #${i}` }));
        expect(created.status).toBe(201);
        const reference: string = created.body.reference;
        const listed = await t.as('agent').get(`/complaints?q=${encodeURIComponent(`Read back #${i}`)}`);
        expect(listed.body.items.map((item: { reference: string }) => item.reference)).toContain(reference);

        await t.command('agent', reference, 'not-practical', { reason: 'Needs the billing team' });
        const got = await t.as('agent').get(`/complaints/${reference}`);
        expect(got.body.stage).toBe('attempt-2');
      }
    });
  },
  { sqliteReaders: 2 },
);
