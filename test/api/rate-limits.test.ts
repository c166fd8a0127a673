/**
 * The endpoints anyone can call — password sign-in and the portal's forms — refuse a flood from one address
 * with 429 problem+json, and every other endpoint is unaffected.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('rate limits', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startApi(harness, { formsPerMinute: 3 });
  });
  afterAll(() => t.close());

  it('limits password sign-in per address, with problem+json and Retry-After', async () => {
    const attempt = () => t.as(null).post('/auth/login', { email: 'nobody@example.org', password: 'wrong' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body.code).toBe('rate-limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits the portal’s anonymous forms, and leaves staff endpoints alone', async () => {
    const ask = () =>
      t.as(null).post('/portal/sign-in-link', { reference: 'MISO-26-000001-E', contact: 'x@example.org' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask()).status);
    expect(statuses.at(-1)).toBe(429);
    for (let i = 0; i < 5; i++) expect((await t.as('agent').get('/complaints')).status).toBe(200);
  });
});
