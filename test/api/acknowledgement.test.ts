/** Every new complaint gets exactly one acknowledgement job, written with the complaint (the outbox). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { jobHandlers } from '../../src/app/job-handlers.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('acknowledgement', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startApi(harness);
  });
  afterAll(() => t.close());

  it('queues one acknowledgement per complaint, even when the request is retried', async () => {
    const headers = { 'idempotency-key': 'ack-test-0001' };
    const first = await t.as('agent').post('/complaints', phoneComplaint(), headers);
    const retry = await t.as('agent').post('/complaints', phoneComplaint(), headers);
    expect(retry.body.reference).toBe(first.body.reference);
    const jobs = await t.db.kysely
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'acknowledgement')
      .execute();
    expect(jobs).toHaveLength(1);

    await runDueJobs(t.db, jobHandlers(t.ctx), { now: t.now, owner: 'test' });
    await runDueJobs(t.db, jobHandlers(t.ctx), { now: t.now, owner: 'test' });
    const letters = await t.db.kysely
      .selectFrom('documents')
      .select(['kind', 'complaint_id'])
      .where('complaint_id', '=', first.body.id)
      .execute();
    expect(letters).toEqual([{ kind: 'acknowledgement', complaint_id: first.body.id }]);
    const emails = await t.db.kysely
      .selectFrom('emails')
      .select('kind')
      .where('complaint_id', '=', first.body.id)
      .execute();
    expect(emails).toEqual([{ kind: 'acknowledgement' }]);
  });
});
