/**
 * Search over complaints through the full-text indexes (migration 0017): words by prefix, fragments of
 * identifiers anywhere in them, best match first, and the index kept right when a customer's details change.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('search', (harness) => {
  let t: TestApi;
  const refs: Record<string, string> = {};
  beforeAll(async () => {
    t = await startApi(harness, { now: '2026-11-02T10:00:00Z' });
    let minute = 0;
    const raise = async (name: string, overrides: Record<string, unknown>) => {
      t.setNow(`2026-11-02T10:0${minute++}:00Z`); // received one after another
      const res = await t.as('agent').post('/complaints', phoneComplaint(overrides));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      refs[name] = res.body.reference;
    };
    await raise('broadband', {
      description: 'Broadband drops every evening; the broadband engineer never came.',
      customer: { name: 'Priya Shah', email: 'priya.shah@example.org', phone: '01632 960 555' },
    });
    await raise('billing', {
      description: 'Charged twice for the broadband bundle in October.',
      customer: { name: 'Tom Okafor', email: 'tom@okafor.example', phone: '01632 960 777' },
    });
    await raise('mobile', {
      description: 'Roaming charges in Spain although roaming was included.',
      customer: { name: 'Ana Lima', email: 'ana@lima.example', phone: '07700 900 123' },
    });
  });
  afterAll(() => t?.close());

  const search = async (q: string) => {
    const res = await t.as('agent').get(`/complaints?q=${encodeURIComponent(q)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.items as { reference: string }[]).map((c) => c.reference);
  };

  it('finds words by their start, every word required, best match first', async () => {
    expect(await search('broadb')).toEqual([refs.broadband, refs.billing]);
    expect(await search('broadband october')).toEqual([refs.billing]);
    expect(await search('roam spain')).toEqual([refs.mobile]);
    expect(await search('satellite')).toEqual([]);
  });

  it('finds fragments of the reference, email and phone number', async () => {
    const reference = refs.mobile ?? '';
    expect(await search(reference)).toEqual([reference]);
    expect(await search(reference.slice(5, 12))).toContain(reference);
    expect(await search('okafor.exa')).toEqual([refs.billing]);
    expect(await search('7700900')).toEqual([refs.mobile]);
  });

  it('finds a reference from its start, in any case, the closest first', async () => {
    const [first = '', second = '', third = ''] = [refs.broadband, refs.billing, refs.mobile];
    // MISO-26-000001-X: the three share all but the sequence's last digit and the check letter.
    const shared = first.slice(0, 13);
    expect(await search(shared)).toEqual([first, second, third]);
    expect(await search(shared.toLowerCase())).toEqual([first, second, third]);
    expect(await search(second.toLowerCase())).toEqual([second]);
    expect(await search(`${shared} roaming`)).toEqual([third]);
    expect(await search('MISO-27-0')).toEqual([]);
  });

  it('sorts matches by another order when asked', async () => {
    const res = await t.as('agent').get('/complaints?q=broadb&sort=received&order=asc');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((c: { reference: string }) => c.reference)).toEqual([
      refs.broadband,
      refs.billing,
    ]);
  });

  it('treats query syntax as plain text', async () => {
    for (const q of ['"', 'a*', 'NEAR(', "o'brien", '%', '-roaming', 'broadband OR', '(:*&|!)']) {
      const res = await t.as('agent').get(`/complaints?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
  });

  it("follows a change to the customer's name", async () => {
    const { body } = await t.as('agent').get(`/complaints/${refs.mobile}`);
    const res = await t.as('agent').patch(`/customers/${body.customer.id}`, { name: 'Ana Ferreira' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await search('ferreira')).toEqual([refs.mobile]);
    expect(await search('lima ana')).toEqual([refs.mobile]); // still in her email address
    expect(await search('Ana Lima')).toEqual([refs.mobile]);
  });
});
