/** What staff log: complaints taken in person, and contacts whose summary the customer may or may not see. */
import { expect, it } from 'vitest';
import { phoneComplaint } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { useApiWithSink } from '../support/mail-api.ts';
import { portalSessionCookie } from '../support/portal-sign-in.ts';

describeEachDialect('contacts and channels', (harness) => {
  const env = useApiWithSink(harness, '2026-11-02T10:00:00Z');

  it('records a complaint made in person, and its acknowledgement letter says so', async () => {
    const made = await env.t.as('agent').post(
      '/complaints',
      phoneComplaint({
        channel: 'in-person',
        customer: { name: 'Ida Inperson', addressLines: ['2 Shop Street', 'Ledbury'], postcode: 'HR8 1AB' },
      }),
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    await env.t.runJobs();
    const view = await env.t.as('agent').get(`/complaints/${made.body.reference}`);
    expect(view.body.channel).toBe('in-person');
    const letter = view.body.documents.find((d: { kind: string }) => d.kind === 'acknowledgement');
    const text = await env.t
      .as('agent')
      .get(`/complaints/${made.body.reference}/letters/${letter.id}?format=text`);
    expect(text.body).toContain('in person');
  });

  it('shows the customer only the contact summaries staff mark for them, and always their own', async () => {
    const made = await env.t
      .as('agent')
      .post('/complaints', phoneComplaint({ customer: { name: 'Vic Visible', email: 'vic@example.org' } }));
    const reference = made.body.reference;
    await env.t.command('agent', reference, 'log-contact', {
      channel: 'phone',
      direction: 'out',
      summary: 'Internal: rang back, customer angry',
    });
    await env.t.command('agent', reference, 'log-contact', {
      channel: 'in-person',
      direction: 'in',
      summary: 'We met you at the shop and took your router',
      visibleToCustomer: true,
    });
    const bad = await env.t.as('agent').post(`/complaints/${reference}/log-contact`, {
      channel: 'phone',
      direction: 'out',
      summary: 'x',
      visibleToCustomer: 'yes',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('body.visibleToCustomer');

    const staffView = await env.t.as('agent').get(`/complaints/${reference}`);
    expect(
      staffView.body.contacts.map((c: { summary: string; visibleToCustomer: boolean }) => [
        c.summary,
        c.visibleToCustomer,
      ]),
    ).toEqual([
      ['Internal: rang back, customer angry', false],
      ['We met you at the shop and took your router', true],
    ]);

    // The customer, signed in to the portal, adds information and reads the timeline.
    const cookie = await portalSessionCookie(env.t, env.sink, reference, 'vic@example.org');
    const portal = (path: string, body?: unknown) =>
      env.t.as(null).raw(`/portal/complaints/${reference}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    expect((await portal('/add-information', { text: 'My router is still blinking' })).status).toBe(200);
    const seen = JSON.stringify((await portal('')).body.timeline);
    expect(seen).toContain('We met you at the shop and took your router');
    expect(seen).toContain('My router is still blinking');
    expect(seen).not.toContain('Internal: rang back');
  });
});
