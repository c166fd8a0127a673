/**
 * What insight needs recorded (issue 12), through the API on each dialect: a root cause from the procedure's
 * tree at closure (required from attempt 2), remedies by type with proposals and ombudsman decisions, and the
 * one-question satisfaction survey after closure — emailed as a link that needs no password and answered
 * once, or answered in the portal — never put to a customer who asked not to be contacted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SATISFACTION_SURVEY_KIND } from '../../src/app/offer-satisfaction-survey.ts';
import { startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { complaintAt } from '../support/factories.ts';
import { portalSessionCookie } from '../support/portal-sign-in.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';

const SURVEY_LINK = /\/survey#([A-Za-z0-9_-]{20,})/;

describeEachDialect('insight records', (harness) => {
  let t: TestApi;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startApi(harness, { mail: { smtpUrl: sink.url }, now: '2026-11-02T10:00:00Z' });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  /** A complaint at attempt 2 whose agreed proposal (with `remedies`) is done: the follow-up is next. */
  async function atFollowUp(email: string, remedies: unknown[] = []) {
    const complaint = await complaintAt(t, {
      at: 'attempt-2',
      owner: 'reviewer',
      facts: { customer: { name: 'Sam Survey', email } },
    });
    const { reference } = complaint;
    const proposed = await t.command('reviewer', reference, 'propose', {
      summary: 'Refund the second charge and apologise',
      steps: [{ description: 'Refund £12.50', ownerId: t.users.reviewer.id }],
      remedies,
    });
    await t.command('reviewer', reference, 'record-response', { outcome: 'agreed' });
    const stepId = proposed.attempts[1].proposal.steps[0].id;
    await t.command('reviewer', reference, 'complete-step', { stepId });
    return complaint;
  }

  /** The token of the survey link emailed for `reference`, the latest one. */
  async function surveyToken(reference: string): Promise<string | undefined> {
    const mails = (await sink.parsed()).filter(
      (m) => m.subject?.includes(`[${reference}]`) && m.subject.includes('How did we handle'),
    );
    return SURVEY_LINK.exec(mails.at(-1)?.text ?? '')?.[1];
  }

  describe('root causes at closure', () => {
    it('refuses closing at attempt 2 without a root cause, or with one not in the tree, then shows the one chosen', async () => {
      const { reference } = await atFollowUp('rc@example.org');
      const close = (body: object) =>
        t.as('reviewer').post(`/complaints/${reference}/record-follow-up`, { outcome: 'satisfied', ...body });

      const missing = await close({});
      expect(missing.status).toBe(422);
      expect(missing.body).toMatchObject({ code: 'root-cause-required', field: 'rootCause' });
      expect(missing.body.detail).toContain('Resolution Attempt 2');

      const unknown = await close({ rootCause: 'Billing run' });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ code: 'validation', field: 'rootCause' });

      const closed = await close({ rootCause: 'billing-wrong-charge', lessons: 'Check the billing run' });
      expect(closed.status).toBe(200);
      expect(closed.body.closure).toMatchObject({
        reason: 'resolved',
        rootCause: 'billing-wrong-charge',
        rootCauseLabel: 'Billing error › Charged wrongly or twice',
        lessons: 'Check the billing run',
      });
      expect(closed.body.stageReached).toBe('attempt-2');
    });

    it('lets staff record the root cause of a complaint the customer closed in the portal', async () => {
      const { reference } = await atFollowUp('portal-closer@example.org');
      const cookie = await portalSessionCookie(t, sink, reference, 'portal-closer@example.org');
      const said = await t.as(null).raw(`/portal/complaints/${reference}/follow-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ resolved: true }),
      });
      expect(said.status, JSON.stringify(said.body)).toBe(200);
      const closed = await t.as('agent').get(`/complaints/${reference}`);
      expect(closed.body.closure.rootCause).toBeNull();
      expect(closed.body.nextActions).toContain('record-root-cause');
      const recorded = await t.command('agent', reference, 'record-root-cause', {
        rootCause: 'fault-repeat',
      });
      expect(recorded.closure).toMatchObject({
        rootCause: 'fault-repeat',
        rootCauseLabel: 'Fault or repair › Repeat fault',
      });
    });

    it('publishes the tree with the procedure, for the closing forms', async () => {
      const res = await t.as(null).get('/procedure');
      expect(res.body.procedure.rootCauses[0]).toMatchObject({
        code: 'billing-error',
        label: 'Billing error',
      });
      expect(res.body.procedure.rootCauseRequiredAt).toEqual(['attempt-2', 'attempt-3', 'deadlock']);
    });
  });

  describe('remedies by type', () => {
    it('records a proposal’s remedies, accepted with the proposal, and an ombudsman decision’s', async () => {
      const { reference } = await atFollowUp('remedies@example.org', [
        { type: 'apology' },
        { type: 'credit-refund', amountPence: 1_250 },
      ]);
      const view = await t.as('reviewer').get(`/complaints/${reference}`);
      expect(view.body.remedies).toMatchObject([
        {
          source: 'proposal',
          attemptNumber: 2,
          type: 'apology',
          amountPence: null,
          acceptedAt: '2026-11-02T10:00:00.000Z',
        },
        { source: 'proposal', attemptNumber: 2, type: 'credit-refund', amountPence: 1_250 },
      ]);

      const refused = await t.as('reviewer').post(`/complaints/${reference}/propose`, {
        summary: 'x',
        steps: [{ description: 'y', ownerId: null }],
        remedies: [{ type: 'goodwill' }],
      });
      expect(refused.status).toBe(409); // not now: already agreed; the amount rule is the domain's (unit tests)

      const deadlocked = await complaintAt(t, { at: 'deadlock', owner: 'director' });
      const ref = deadlocked.reference;
      await t.command('agent', ref, 'record-referral', {
        schemeCaseReference: 'CO-77',
        referredOn: '2026-11-02',
      });
      const decided = await t.command('reviewer', ref, 'record-ombudsman-outcome', {
        outcome: 'upheld',
        decidedOn: '2026-11-02',
        remedy: { apology: true, explanation: false, action: null, awardPence: 7_500 },
        customerAccepted: true,
        remedies: [
          { type: 'apology' },
          { type: 'credit-refund', amountPence: 2_500 },
          { type: 'goodwill', amountPence: 5_000 },
        ],
      });
      expect(
        decided.remedies.map((r: { type: string; amountPence: number | null }) => [r.type, r.amountPence]),
      ).toEqual([
        ['apology', null],
        ['credit-refund', 2_500],
        ['goodwill', 5_000],
      ]);
      expect(decided.remedies.every((r: { acceptedAt: string | null }) => r.acceptedAt !== null)).toBe(true);
    });
  });

  describe('the satisfaction survey', () => {
    it('is emailed at closure as a link that needs no password, and answered once: a replay changes nothing', async () => {
      const { reference } = await atFollowUp('survey@example.org');
      await t.command('reviewer', reference, 'record-follow-up', {
        outcome: 'satisfied',
        rootCause: 'billing-error',
      });
      const offered = await t.as('reviewer').get(`/complaints/${reference}`);
      expect(offered.body.satisfaction).toMatchObject({
        stageReached: 'attempt-2',
        sentAt: '2026-11-02T10:00:00.000Z',
        answeredAt: null,
        score: null,
      });
      await t.runJobs();
      const token = await surveyToken(reference);
      expect(token, 'a survey link was emailed').toBeTruthy();
      // The stored copy of the email keeps no token.
      const stored = await t.db.kysely
        .selectFrom('emails')
        .select('text_body')
        .where('kind', '=', 'satisfaction-survey')
        .where('text_body', 'like', `%${reference}%`)
        .execute();
      expect(stored.map((e) => e.text_body).join()).not.toContain(token);

      const opened = await t.as(null).post('/survey', { token });
      expect(opened.status).toBe(200);
      expect(opened.body).toMatchObject({ reference, answered: false, score: null });
      expect(opened.body.question).toContain('handled your complaint');

      const answered = await t.as(null).post('/survey/answer', { token, score: 4 });
      expect(answered.body).toMatchObject({ answered: true, score: 4, comment: null });
      const replayed = await t
        .as(null)
        .post('/survey/answer', { token, score: 1, comment: 'Changed my mind' });
      expect(replayed.body).toMatchObject({ answered: true, score: 4, comment: null });

      const commented = await t.as(null).post('/survey/comment', { token, comment: 'Quick and polite' });
      expect(commented.body.comment).toBe('Quick and polite');
      const again = await t.as(null).post('/survey/comment', { token, comment: 'Something else' });
      expect(again.body.comment).toBe('Quick and polite');

      const view = await t.as('reviewer').get(`/complaints/${reference}`);
      expect(view.body.satisfaction).toMatchObject({ score: 4, comment: 'Quick and polite' });
      const events = view.body.timeline.filter((e: { type: string }) => e.type.startsWith('satisfaction'));
      expect(events.map((e: { type: string; details: unknown }) => [e.type, e.details])).toEqual([
        ['satisfaction-recorded', { score: 4, comment: null, via: 'email-link', stageReached: 'attempt-2' }],
        ['satisfaction-comment-added', { comment: 'Quick and polite', via: 'email-link' }],
      ]);

      expect((await t.as(null).post('/survey/answer', { token, score: 9 })).status).toBe(400);
      t.setNow('2027-01-05T10:00:00Z'); // past the link's 60 days
      const expired = await t.as(null).post('/survey', { token });
      expect(expired.status).toBe(404);
      expect(expired.body.code).toBe('survey-not-found');
      t.setNow('2026-11-02T10:00:00Z');
      expect((await t.as(null).post('/survey', { token: 'x'.repeat(43) })).status).toBe(404);
    });

    it('is asked in the portal too, and an answer there stands for the emailed link', async () => {
      const { reference } = await atFollowUp('portal-survey@example.org');
      await t.command('reviewer', reference, 'record-follow-up', {
        outcome: 'satisfied',
        rootCause: 'other',
      });
      await t.runJobs();
      const cookie = await portalSessionCookie(t, sink, reference, 'portal-survey@example.org');
      const portal = (path: string, body?: unknown) =>
        t.as(null).raw(`/portal/complaints/${reference}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      const before = await portal('');
      expect(before.body.satisfaction).toMatchObject({ answered: false, score: null });
      const answered = await portal('/satisfaction', { score: 5, comment: 'Sorted in a day' });
      expect(answered.status, JSON.stringify(answered.body)).toBe(200);
      expect(answered.body.satisfaction).toMatchObject({
        answered: true,
        score: 5,
        comment: 'Sorted in a day',
      });
      const token = await surveyToken(reference);
      const viaLink = await t.as(null).post('/survey/answer', { token, score: 2 });
      expect(viaLink.body).toMatchObject({ answered: true, score: 5 });
    });

    it('is never put to a customer who asked not to be contacted; the preference is staff’s to change, audited', async () => {
      const complaint = await complaintAt(t, {
        at: 'attempt-1',
        facts: { customer: { name: 'Nora Contact', email: 'no-contact@example.org' } },
      });
      const changed = await t
        .as('agent')
        .patch(`/customers/${complaint.customerId}`, { contactOptOut: true });
      expect(changed.status).toBe(200);
      expect(changed.body.contactOptOut).toBe(true);
      const trail = await t.db.kysely
        .selectFrom('audit_events')
        .select(['type', 'actor', 'payload'])
        .where('type', '=', 'customer-contact-preference-changed')
        .execute();
      expect(trail).toHaveLength(1);
      expect(trail[0]?.actor).toBe(t.users.agent.id);
      expect(JSON.parse(trail[0]?.payload ?? '{}')).toEqual({
        customerId: complaint.customerId,
        contactOptOut: true,
      });

      await t.command('agent', complaint.reference, 'withdraw', { reason: 'Sorted elsewhere' });
      const view = await t.as('agent').get(`/complaints/${complaint.reference}`);
      expect(view.body.satisfaction).toBeNull();
      const jobs = await t.db.kysely
        .selectFrom('jobs')
        .select('payload')
        .where('kind', '=', SATISFACTION_SURVEY_KIND)
        .execute();
      expect(jobs.map((j) => j.payload).join()).not.toContain(complaint.id);
    });
  });
});
