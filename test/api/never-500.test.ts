/** Whatever a client sends, the answer is a clear 4xx problem, never a 500. */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/http/routes/complaints/command-schemas.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('arbitrary input', (harness) => {
  let t: TestApi;
  let reference: string;
  beforeAll(async () => {
    t = await startApi(harness);
    reference = (await t.as('agent').post('/complaints', phoneComplaint())).body.reference;
  });
  afterAll(() => t.close());

  const anyJson = fc.oneof(
    fc.jsonValue(),
    fc.record(
      {
        summary: fc.oneof(fc.string(), fc.integer()),
        steps: fc.array(
          fc.record({
            description: fc.string(),
            ownerId: fc.oneof(fc.string(), fc.constant(null)),
            dueOn: fc.string(),
          }),
        ),
        outcome: fc.constantFrom('agreed', 'declined', 'satisfied', 'no-response', 'upheld', 'x'),
        stepId: fc.string(),
        reason: fc.string(),
        occurredAt: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.string(),
        ),
        referredOn: fc.string(),
        channel: fc.constantFrom('phone', 'email', 'fax'),
      },
      { requiredKeys: [] },
    ),
  );

  it('answers every command with a 2xx or a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMAND_NAMES), anyJson, async (command, body) => {
        const res = await t.as('director').post(`/complaints/${reference}/${command}`, body);
        expect(res.status, JSON.stringify({ command, body, reply: res.body })).toBeLessThan(500);
        if (res.status >= 400) expect(res.body.code).toEqual(expect.any(String));
      }),
      { numRuns: 150 },
    );
  });

  it('answers arbitrary complaint bodies and list queries with a 2xx or a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyJson,
        fc.dictionary(
          fc.constantFrom('stage', 'owner', 'overdue', 'adrDueWithinDays', 'q', 'sort', 'limit', 'cursor'),
          fc.string(),
        ),
        async (body, query) => {
          const created = await t.as('agent').post('/complaints', body);
          expect(created.status, JSON.stringify(created.body)).toBeLessThan(500);
          const listed = await t.as('agent').get(`/complaints?${new URLSearchParams(query)}`);
          expect(listed.status, JSON.stringify({ query, reply: listed.body })).toBeLessThan(500);
        },
      ),
      { numRuns: 100 },
    );
  });
});
