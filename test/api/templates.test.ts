/**
 * Response templates over HTTP: admins keep them, staff list the ones offered at a stage and fill one for a
 * complaint; a template with a mistyped placeholder is refused with its field and nothing is written.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDefaultTemplates } from '../../src/app/seed-default-templates.ts';
import { DEFAULT_TEMPLATES } from '../../src/config/default-templates.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('response templates', (harness) => {
  let t: TestApi;
  beforeAll(async () => {
    // Monday 2 November 2026, 10:00 GMT.
    t = await startApi(harness, { now: '2026-11-02T10:00:00Z' });
  });
  afterAll(() => t.close());

  const templateAudit = () =>
    t.db.kysely
      .selectFrom('audit_events')
      .select(['type', 'actor', 'complaint_id'])
      .where('type', 'like', 'template%')
      .orderBy('seq')
      .execute();
  const storedCount = async () => (await t.db.kysely.selectFrom('templates').select('id').execute()).length;

  const newTemplate = (overrides: Record<string, unknown> = {}) => ({
    name: 'Checking in',
    purpose: 'reply',
    stages: ['attempt-2'],
    subject: 'Your complaint {{complaint.reference}}',
    body: 'Dear {{customer.name}},\n\nWe are still on it.\n\n{{handler.name}}, {{handler.role}}',
    ...overrides,
  });

  describe('keeping templates', () => {
    it('lets an admin create, change and archive a template, each change audited with no complaint', async () => {
      const created = await t.as('admin').post('/templates', newTemplate());
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'Checking in',
        purpose: 'reply',
        stages: ['attempt-2'],
        subject: 'Your complaint {{complaint.reference}}',
        createdAt: t.now().toISOString(),
        archivedAt: null,
      });
      const id = created.body.id as string;

      t.setNow('2026-11-02T11:00:00Z');
      const changed = await t
        .as('admin')
        .patch(`/templates/${id}`, { name: 'Still looking into it', stages: ['attempt-2', 'attempt-3'] });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        name: 'Still looking into it',
        stages: ['attempt-2', 'attempt-3'],
        body: created.body.body,
        createdAt: created.body.createdAt,
        updatedAt: '2026-11-02T11:00:00.000Z',
      });

      const offered = await t.as('agent').get('/templates?stage=attempt-3');
      expect(offered.body.items.map((i: { id: string }) => i.id)).toContain(id);

      const archived = await t.as('admin').post(`/templates/${id}/archive`);
      expect(archived.status).toBe(200);
      expect(archived.body.archivedAt).toBe('2026-11-02T11:00:00.000Z');
      // Archived: no longer offered, not editable; archiving again changes nothing.
      const after = await t.as('agent').get('/templates');
      expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
      expect((await t.as('admin').patch(`/templates/${id}`, { name: 'Back' })).status).toBe(404);
      expect((await t.as('admin').post(`/templates/${id}/archive`)).status).toBe(200);

      const audit = await templateAudit();
      expect(audit).toEqual([
        { type: 'template-created', actor: t.users.admin.id, complaint_id: null },
        { type: 'template-updated', actor: t.users.admin.id, complaint_id: null },
        { type: 'template-archived', actor: t.users.admin.id, complaint_id: null },
      ]);
    });

    it('refuses anyone but an admin to change templates, writing nothing', async () => {
      const before = await storedCount();
      const auditBefore = (await templateAudit()).length;
      for (const who of ['agent', 'reviewer', 'director'] as const) {
        const res = await t.as(who).post('/templates', newTemplate());
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('forbidden');
      }
      const created = await t.as('admin').post('/templates', newTemplate({ name: 'Admin only' }));
      const id = created.body.id as string;
      expect((await t.as('director').patch(`/templates/${id}`, { name: 'Mine now' })).status).toBe(403);
      expect((await t.as('agent').post(`/templates/${id}/archive`)).status).toBe(403);
      expect((await t.as(null).get('/templates')).status).toBe(401);
      expect(await storedCount()).toBe(before + 1);
      expect((await templateAudit()).length).toBe(auditBefore + 1);
    });

    it('refuses a mistyped placeholder, naming the field and the placeholder, and writes nothing', async () => {
      const before = await storedCount();
      const auditBefore = (await templateAudit()).length;
      const res = await t
        .as('admin')
        .post('/templates', newTemplate({ body: 'Dear {{customer.nmae}}, about {{complaint.reference}}' }));
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'validation', field: 'body' });
      expect(res.body.detail).toContain('{{customer.nmae}}');
      expect(res.body.errors).toEqual([{ field: 'body', message: expect.stringContaining('customer.nmae') }]);

      const inSubject = await t.as('admin').post('/templates', newTemplate({ subject: 'Re {{crn}}' }));
      expect(inSubject.status).toBe(400);
      expect(inSubject.body.field).toBe('subject');

      // The same check guards a change.
      const good = await t.as('admin').post('/templates', newTemplate({ name: 'To be mistyped' }));
      const bad = await t.as('admin').patch(`/templates/${good.body.id}`, { body: 'Hello {{customer}}' });
      expect(bad.status).toBe(400);
      expect(bad.body.field).toBe('body');
      const stored = await t.db.kysely
        .selectFrom('templates')
        .select('body')
        .where('id', '=', good.body.id)
        .executeTakeFirstOrThrow();
      expect(stored.body).toBe(good.body.body);

      expect(await storedCount()).toBe(before + 1);
      expect((await templateAudit()).length).toBe(auditBefore + 1);
    });

    it('refuses a proposal template with a subject, and bad input with its field path', async () => {
      const withSubject = await t.as('admin').post('/templates', newTemplate({ purpose: 'proposal' }));
      expect(withSubject.status).toBe(400);
      expect(withSubject.body.field).toBe('subject');
      const badStage = await t.as('admin').post('/templates', newTemplate({ stages: ['initiation'] }));
      expect(badStage.status).toBe(400);
      expect(badStage.body.field).toBe('body.stages.0');
      const noName = await t.as('admin').post('/templates', newTemplate({ name: '  ' }));
      expect(noName.status).toBe(400);
      expect(noName.body.field).toBe('body.name');
    });
  });

  describe('offering and filling templates', () => {
    let reference: string;
    let replyId: string;
    let proposalId: string;
    beforeAll(async () => {
      const res = await t
        .as('agent')
        .post('/complaints', phoneComplaint({ customer: { name: 'Jo Bloggs', email: 'jo@example.org' } }));
      expect(res.status).toBe(201);
      reference = res.body.reference;
      const reply = await t.as('admin').post('/templates', {
        name: 'Everything',
        purpose: 'reply',
        stages: [],
        subject: '{{complaint.reference}}: {{stage.name}}',
        body: [
          'Dear {{customer.name}},',
          'Limit: {{complaint.adrDueOn}}',
          'Steps:\n{{proposal.steps}}',
          '{{handler.name}}, {{handler.role}}',
          '{{company.name}} {{company.phone}} {{adrScheme.name}}',
        ].join('\n'),
      });
      replyId = reply.body.id;
      const proposal = await t.as('admin').post('/templates', {
        name: 'A proposal for attempt 2',
        purpose: 'proposal',
        stages: ['attempt-2'],
        body: 'We will put it right, {{customer.name}}.',
      });
      proposalId = proposal.body.id;
    });

    it('fills a template with the complaint’s values', async () => {
      await t.command('agent', reference, 'propose', {
        summary: 'Refund the second charge',
        steps: [{ description: 'Refund £24.99', ownerId: t.users.agent.id, dueOn: '2026-11-06' }],
      });
      const res = await t.as('reviewer').get(`/complaints/${reference}/templates/${replyId}/filled`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        templateId: replyId,
        name: 'Everything',
        purpose: 'reply',
        subject: `${reference}: Resolution Attempt 1`,
        body: [
          'Dear Jo Bloggs,',
          // First expressed on Monday 2 November 2026: six weeks later.
          'Limit: 14 December 2026',
          'Steps:\n- Refund £24.99 (by 6 November 2026)',
          // The agent who logged the call owns the complaint.
          'Test agent, Customer Relations Adviser',
          'Miso Communications 01531 576 006 the Communications Ombudsman',
        ].join('\n'),
      });
      // A lower-case CRN is read as the CRN.
      const lower = await t
        .as('agent')
        .get(`/complaints/${reference.toLowerCase()}/templates/${replyId}/filled`);
      expect(lower.status).toBe(200);
    });

    it('offers templates by purpose and stage, every-stage ones included', async () => {
      const atAttempt1 = await t.as('agent').get('/templates?purpose=reply&stage=attempt-1');
      expect(atAttempt1.status).toBe(200);
      const names = atAttempt1.body.items.map((i: { name: string }) => i.name);
      expect(names).toContain('Everything');
      expect(names).not.toContain('Admin only'); // attempt 2 only
      expect(atAttempt1.body.items.every((i: { purpose: string }) => i.purpose === 'reply')).toBe(true);
      const proposals = await t.as('agent').get('/templates?purpose=proposal&stage=attempt-2');
      expect(proposals.body.items.map((i: { id: string }) => i.id)).toEqual([proposalId]);
      expect((await t.as('agent').get('/templates?stage=initiation')).status).toBe(400);
    });

    it('answers 404 for an archived or unknown template and an unknown complaint, and 400 for a bad CRN', async () => {
      const doomed = await t.as('admin').post('/templates', newTemplate({ name: 'Doomed', stages: [] }));
      await t.as('admin').post(`/templates/${doomed.body.id}/archive`);
      const archived = await t.as('agent').get(`/complaints/${reference}/templates/${doomed.body.id}/filled`);
      expect(archived.status).toBe(404);
      expect((await t.as('agent').get(`/complaints/${reference}/templates/nope/filled`)).status).toBe(404);
      expect((await t.as('agent').get('/complaints/MISO-26-999999-A/templates/x/filled')).status).toBeOneOf([
        400, 404,
      ]);
      const bad = await t.as('agent').get(`/complaints/NOT-A-CRN/templates/${replyId}/filled`);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('invalid-reference');
      expect((await t.as(null).get(`/complaints/${reference}/templates/${replyId}/filled`)).status).toBe(401);
    });

    it('previews text with example values and names unknown placeholders, storing nothing', async () => {
      const before = await storedCount();
      const res = await t.as('admin').post('/templates/preview', {
        subject: 'About {{complaint.reference}}',
        body: 'Dear {{customer.name}}, {{oops}}',
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        subject: 'About MISO-26-000123-C',
        body: 'Dear Sam Taylor, {{oops}}',
        unknownPlaceholders: ['oops'],
      });
      const placeholders = await t.as('agent').get('/templates/placeholders');
      expect(placeholders.body.items.map((p: { written: string }) => p.written)).toContain(
        '{{customer.name}}',
      );
      expect(await storedCount()).toBe(before);
    });
  });

  describe('the default set', () => {
    it('is added once to an installation that never had templates, and never again', async () => {
      const db = await harness.freshDb();
      const ctx = { ...t.ctx, db };
      expect(await seedDefaultTemplates(ctx)).toBe(DEFAULT_TEMPLATES.length);
      expect(await seedDefaultTemplates(ctx)).toBe(0);
      const rows = await db.kysely.selectFrom('templates').select(['id', 'name']).execute();
      expect(rows).toHaveLength(DEFAULT_TEMPLATES.length);
      const seeded = await db.kysely.selectFrom('audit_events').select(['type', 'complaint_id']).execute();
      expect(seeded).toEqual([{ type: 'templates-seeded', complaint_id: null }]);
    });

    it('does not come back once an admin has archived every template', async () => {
      const db = await harness.freshDb();
      const ctx = { ...t.ctx, db };
      await seedDefaultTemplates(ctx);
      await db.kysely.updateTable('templates').set({ archived_at: '2026-11-02T10:00:00.000Z' }).execute();
      expect(await seedDefaultTemplates(ctx)).toBe(0);
    });
  });

  // Last: what it creates must not change what the tests above expect to be offered.
  it('answers arbitrary input with a 4xx problem, never a 500', async () => {
    const existing = await t.as('admin').post('/templates', newTemplate({ name: 'Target of junk' }));
    const field = fc.oneof(fc.string(), fc.constant('a\u0000b'), fc.integer(), fc.constant(null));
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          name: field,
          purpose: fc.oneof(fc.constantFrom('reply', 'proposal', 'x'), field),
          stages: fc.oneof(fc.array(fc.constantFrom('attempt-1', 'closed', 'initiation', '')), field),
          subject: field,
          body: fc.oneof(fc.constant('{{customer.name}} {{x'), field),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(body, async (junk) => {
        for (const res of [
          await t.as('admin').post('/templates', junk),
          await t.as('admin').patch(`/templates/${existing.body.id}`, junk),
          await t.as('admin').post('/templates/preview', junk),
        ]) {
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        }
      }),
      { numRuns: 40 },
    );
  });
});
