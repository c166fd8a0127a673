/**
 * The endpoints anyone can call — password sign-in and the portal's forms — refuse a flood from one address
 * with 429 problem+json, and every other endpoint is unaffected. The counts live in the database, so two
 * processes on one database share them, and housekeeping deletes ended windows.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pruneRequestCounts } from '../../src/app/count-request.ts';
import { type App, buildApp } from '../../src/http/app.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('rate limits', (harness) => {
  let t: TestApi;
  let other: App;
  beforeAll(async () => {
    t = await startApi(harness, { formsPerMinute: 3 });
    // A second process: its own app and its own connection to the same database.
    const db = await harness.reopen(t.db);
    other = await buildApp({ ...t.ctx, db }, { publicUrl: 'http://localhost', formsPerMinute: 3 });
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  const signInTo = (app: 'first' | 'second') => {
    const body = { email: 'nobody@example.org', password: 'wrong' };
    if (app === 'first') return t.as(null).post('/auth/login', body);
    // From Redress's own sign-in page, as the test client's requests are (a sign-in from elsewhere is refused).
    const headers = { 'sec-fetch-site': 'same-origin' };
    return other
      .inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, headers })
      .then((res) => ({
        status: res.statusCode,
        headers: new Headers(res.headers as Record<string, string>),
        body: res.json(),
      }));
  };

  it('limits password sign-in per address across processes, with problem+json and Retry-After', async () => {
    // 10:00:15 — a quarter into the minute's window.
    t.setNow('2026-11-02T10:00:15Z');
    expect((await signInTo('first')).status).toBe(401);
    expect((await signInTo('second')).status).toBe(401);
    expect((await signInTo('first')).status).toBe(401);
    const limited = await signInTo('second');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate-limited');
    const again = await signInTo('first');
    expect(again.status).toBe(429);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.headers.get('retry-after')).toBe('45');
    // The next window starts afresh.
    t.setNow('2026-11-02T10:01:00Z');
    expect((await signInTo('second')).status).toBe(401);
  });

  it('limits the portal’s anonymous forms apart from sign-in, and leaves staff endpoints alone', async () => {
    const ask = () =>
      t.as(null).post('/portal/sign-in-link', { reference: 'MISO-26-000001-E', contact: 'x@example.org' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask()).status);
    expect(statuses.slice(0, 3)).not.toContain(429);
    expect(statuses.at(-1)).toBe(429);
    for (let i = 0; i < 5; i++) expect((await t.as('agent').get('/complaints')).status).toBe(200);
  });

  it('housekeeping deletes the windows older than an hour and keeps the current ones', async () => {
    const rows = () => t.db.kysely.selectFrom('rate_limit_hits').select('window_start').execute();
    expect((await rows()).length).toBeGreaterThan(0);
    t.setNow('2026-11-02T11:02:30Z');
    await t.as(null).post('/auth/login', { email: 'nobody@example.org', password: 'wrong' });
    expect(await pruneRequestCounts(t.ctx)).toBeGreaterThan(0);
    expect((await rows()).map((r) => r.window_start)).toEqual(['2026-11-02T11:02:00.000Z']);
  });
});
