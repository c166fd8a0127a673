/**
 * The dashboard's figures are right: a known set of complaints across stages, dates, categories, channels,
 * customer types, ADR triggers, a referral, root causes, remedies and satisfaction surveys (and an
 * improvement done), built through the use cases, and every number of
 * `GET /api/v1/insight` checked against values worked out by hand (below, beside each complaint). Then the
 * running totals, kept change by change, equal a recomputation from scratch, and the monthly report (PDF and
 * XLSX) carries the same figures.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSatisfactionSurvey } from '../../src/app/answer-satisfaction-survey.ts';
import { updateCustomer } from '../../src/app/customers.ts';
import { issueCommand } from '../../src/app/issue-command.ts';
import { monthlyReportFile } from '../../src/app/monthly-report.ts';
import { type ComplaintFacts, recordComplaint } from '../../src/app/record-complaint.ts';
import { MISO_PROCEDURE } from '../../src/config/miso.ts';
import { findClosedWithRootCause } from '../../src/db/improvements.ts';
import { OWNER_TOTALS_KEY, ROLLUPS_KEY, TOTALS_KEY } from '../../src/db/insight.ts';
import { rebuildInsight } from '../../src/db/insight-rebuild.ts';
import { type InsightFilter, SURVEY_READ, sumInsightTotals } from '../../src/db/insight-totals.ts';
import * as m0024 from '../../src/db/migrations/0024-insight-facts.ts';
import * as m0025 from '../../src/db/migrations/0025-insight-panels.ts';
import * as m0026 from '../../src/db/migrations/0026-insight-month-totals.ts';
import * as m0033 from '../../src/db/migrations/0033-insight-rollups.ts';
import * as m0035 from '../../src/db/migrations/0035-insight-owner-totals.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { Command, RemedyInput } from '../../src/domain/commands.ts';
import {
  type Granularity,
  granularityFor,
  type InsightTotal,
  periodOf,
} from '../../src/domain/insight-figures.ts';
import { addDays } from '../../src/domain/time.ts';
import { type ApiPaths, STAFF, type StaffName, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { readPdf } from '../support/pdf.ts';

type Query = NonNullable<ApiPaths['/api/v1/insight']['get']['parameters']['query']>;

describeEachDialect('insight figures', (harness) => {
  let t: TestApi;
  const refs: Record<string, string> = {};
  const customers: Record<string, string> = {};
  let improvement = '';

  beforeAll(async () => {
    t = await startApi(harness, { procedure: { ...MISO_PROCEDURE, customerCount: 200_000 } });
    const as = (name: StaffName): Actor => ({ kind: 'staff', id: t.users[name].id, roles: [...STAFF[name]] });
    const run = (who: StaffName, name: string, command: Command) =>
      issueCommand(t.ctx, refs[name]!, command, as(who));
    const at = (instant: string) => t.setNow(instant);
    const raise = async (
      name: string,
      facts: Partial<ComplaintFacts> & { type?: 'small-business' | 'large-business' },
    ) => {
      const { type, ...rest } = facts;
      const recorded = await recordComplaint(
        t.ctx,
        {
          customer: { name: `Customer ${name}`, email: `${name}@example.org`, ...(type ? { type } : {}) },
          channel: 'phone',
          category: 'billing',
          description: `Complaint ${name}`,
          ...rest,
        },
        as('agent'),
      );
      refs[name] = recorded.reference;
      const complaint = await run('agent', name, { type: 'add-note', text: 'seen' });
      customers[name] = complaint.customerId;
    };
    const resolveAtAttempt1 = async (
      name: string,
      who: StaffName,
      dueOn: string,
      satisfiedAt: string,
      rootCause?: string,
      remedies?: RemedyInput[],
    ) => {
      const proposed = await run(who, name, {
        type: 'propose',
        summary: 'Put it right',
        steps: [{ description: 'Refund', ownerId: t.users[who].id, dueOn }],
        ...(remedies ? { remedies } : {}),
      });
      await run(who, name, { type: 'record-response', outcome: 'agreed' });
      const stepId = proposed.attempts.at(-1)!.proposal!.steps[0]!.id;
      await run(who, name, { type: 'complete-step', stepId });
      at(satisfiedAt);
      await run(who, name, {
        type: 'record-follow-up',
        outcome: 'satisfied',
        ...(rootCause ? { rootCause } : {}),
      });
    };

    // G: first raised before 2026-04-08, so its ADR limit is 8 weeks (27 April): resolved on 22 April, day 51,
    // is within it (6 weeks would have made it late). Attempt 1 took 51 days.
    at('2026-03-02T10:00:00Z');
    await raise('G', {});
    await resolveAtAttempt1('G', 'agent', '2026-03-05', '2026-04-22T09:00:00Z', 'billing-wrong-charge');

    // J: before the year (received 1 October 2025, by web), resolved on 3 October 2025 with the root cause
    // "credit not applied": the year before's only root cause. Its survey (sent then) is outside the year.
    at('2025-10-01T10:00:00Z');
    await raise('J', { channel: 'web' });
    await resolveAtAttempt1('J', 'agent', '2025-10-02', '2025-10-03T10:00:00Z', 'billing-credit-not-applied');

    // F: a large business, open at attempt 1, received 15 August (agent).
    at('2026-08-15T10:00:00Z');
    await raise('F', { category: 'other', type: 'large-business' });

    // A: resolved at attempt 1 on day 3: within a week. Its proposal, agreed on 1 September, gave an apology
    // and a £25 credit.
    at('2026-09-01T09:00:00Z');
    await raise('A', {});
    await resolveAtAttempt1('A', 'agent', '2026-09-03', '2026-09-04T09:00:00Z', 'billing-wrong-charge', [
      { type: 'apology' },
      { type: 'credit-refund', amountPence: 2500 },
    ]);

    // B: attempt 1 not practical (0 days); attempt 2 declined on 10 September (9 days; a declined proposal
    // in service quality, whose £15 credit was never accepted, so no remedy counts) escalates to attempt 3;
    // deadlock on 20 September (10 days) with a deadlock letter; referred on 1 October with a £300 fee; upheld
    // on 20 October and accepted, remedy due 17 November: an apology and £50 (goodwill) accepted that day.
    at('2026-09-01T10:00:00Z');
    await raise('B', { category: 'service-quality', channel: 'email' });
    await run('agent', 'B', { type: 'not-practical', reason: 'Needs a detailed review' });
    await run('reviewer', 'B', { type: 'take' });
    await run('reviewer', 'B', { type: 'record-review', findings: 'Line faults' });
    await run('reviewer', 'B', {
      type: 'propose',
      summary: 'An engineer',
      steps: [{ description: 'Engineer visit', ownerId: t.users.reviewer.id, dueOn: '2026-09-15' }],
      remedies: [{ type: 'credit-refund', amountPence: 1500 }],
    });
    at('2026-09-10T10:00:00Z');
    await run('reviewer', 'B', { type: 'record-response', outcome: 'declined' });
    await run('director', 'B', { type: 'take' });
    await run('director', 'B', { type: 'record-review', findings: 'A director looked again' });
    at('2026-09-20T10:00:00Z');
    await run('director', 'B', { type: 'declare-deadlock', reason: 'Nothing more we can offer' });
    at('2026-10-01T10:00:00Z');
    await run('director', 'B', {
      type: 'record-referral',
      schemeCaseReference: 'CO-0001',
      referredOn: '2026-10-01',
      caseFeePence: 30_000,
    });
    at('2026-10-20T10:00:00Z');
    await run('director', 'B', {
      type: 'record-ombudsman-outcome',
      outcome: 'upheld',
      decidedOn: '2026-10-20',
      remedy: { apology: true, explanation: false, action: null, awardPence: 5000 },
      customerAccepted: true,
    });

    // C: a small business, first complained on 1 August, received 2 September: the clock issues the
    // time-limit letter on 12 September (6 weeks); withdrawn on 15 September (attempt 1: 13 days). The
    // customer asked not to be contacted, so no survey is put to them.
    at('2026-09-02T10:00:00Z');
    await raise('C', { channel: 'web', type: 'small-business', firstExpressedAt: '2026-08-01T10:00:00Z' });
    await updateCustomer(t.ctx, customers.C!, { contactOptOut: true }, as('admin'));
    at('2026-09-12T10:00:00Z');
    await t.runJobs();
    at('2026-09-15T10:00:00Z');
    await run('agent', 'C', { type: 'withdraw', reason: 'Sorted it out themselves' });

    // D: attempt 1 not practical (0 days), attempt 2 resolved on 20 November (46 days): past its ADR limit
    // of 16 November (no jobs run, so no letter: the bucket is what is tested). Its proposal, agreed on 5
    // October, was a practical action.
    at('2026-10-05T10:00:00Z');
    await raise('D', { category: 'contract' });
    await run('agent', 'D', { type: 'not-practical', reason: 'Needs a detailed review' });
    await run('reviewer', 'D', { type: 'take' });
    await run('reviewer', 'D', { type: 'record-review', findings: 'Contract terms' });
    await resolveAtAttempt1('D', 'reviewer', '2026-10-10', '2026-11-20T10:00:00Z', 'contract-exit-charges', [
      { type: 'practical-action' },
    ]);

    // E: resolved at attempt 1 on day 14: within the ADR limit, not within a week. Its proposal, agreed on
    // 6 October, was £10 of goodwill.
    at('2026-10-06T10:00:00Z');
    await raise('E', { category: 'equipment', channel: 'letter' });
    await resolveAtAttempt1('E', 'agent', '2026-10-08', '2026-10-20T10:00:00Z', 'equipment-faulty', [
      { type: 'goodwill', amountPence: 1000 },
    ]);

    // I: 23:30 UTC on 31 May is 1 June in London (BST): counted in June. H: 30 November 2025, before the range.
    at('2026-05-31T23:30:00Z');
    await raise('I', { channel: 'email' });
    at('2025-11-30T23:59:00Z');
    await raise('H', {});

    // Surveys went at closure to G (22 April), A (4 September), E (20 October), D (20 November) and J (3
    // October 2025); not to C (opted out). A answers 5, E 4, D 2 (each some days later: an answer counts on
    // its survey's day); G and J never answer.
    const answer = (name: string, score: number) =>
      answerSatisfactionSurvey(t.ctx, { reference: refs[name]!, customerId: customers[name]! }, { score });
    at('2026-11-25T10:00:00Z');
    await answer('A', 5);
    await answer('E', 4);
    await answer('D', 2);

    // An improvement raised from the billing root cause on 10 September, done on 25 September.
    at('2026-09-10T10:00:00Z');
    const raised = await t.as('director').post('/improvements', {
      title: 'Plan changes charge twice',
      description: 'The billing run charges twice when a plan changes mid-month.',
      ownerId: t.users.reviewer.id,
      dueOn: '2026-10-31',
      source: 'root-cause-trend',
      rootCause: 'billing-wrong-charge',
      complaints: [refs.A],
    });
    improvement = raised.body.reference;
    at('2026-09-25T10:00:00Z');
    await t
      .as('reviewer')
      .patch(`/improvements/${improvement}`, { status: 'done', actionTaken: 'Billing run fixed' });

    at('2026-12-01T10:00:00Z');
  }, 120_000);
  afterAll(() => t.close());

  async function insight(query: Query, who: StaffName = 'director') {
    const { data, error } = await t.typed(who).GET('/api/v1/insight', { params: { query } });
    if (!data) throw new Error(`insight: ${JSON.stringify(error)}`);
    return data;
  }
  const year = { from: '2025-12-01', to: '2026-11-30' };

  it('gives every figure of a year, by month', async () => {
    const f = await insight(year);
    expect(f.granularity).toBe('month');
    expect(f.received).toBe(8);
    expect(f.customerCount).toBe(200_000);
    expect(f.perThousandCustomers).toBe(0.04);
    expect(f.perHundredThousandCustomers).toBe(4);
    expect(f.volumes.map((v) => [v.period, v.total])).toEqual([
      ['2025-12', 0],
      ['2026-01', 0],
      ['2026-02', 0],
      ['2026-03', 1],
      ['2026-04', 0],
      ['2026-05', 0],
      ['2026-06', 1],
      ['2026-07', 0],
      ['2026-08', 1],
      ['2026-09', 3],
      ['2026-10', 2],
      ['2026-11', 0],
    ]);
    const sept = f.volumes.find((v) => v.period === '2026-09')!;
    expect(sept.byCategory).toEqual({
      billing: 2,
      'service-quality': 1,
      'customer-service': 0,
      contract: 0,
      equipment: 0,
      other: 0,
    });
    expect(sept.byChannel).toEqual({ phone: 1, email: 1, web: 1, letter: 0, textphone: 0, 'in-person': 0 });
    const sum = (key: 'billing' | 'phone') =>
      f.volumes.reduce((n, v) => n + (key === 'phone' ? v.byChannel.phone : v.byCategory.billing), 0);
    expect(sum('billing')).toBe(4);
    expect(sum('phone')).toBe(4);
    expect(f.funnel).toEqual({
      open: 2,
      'resolved-attempt-1': 3,
      'resolved-attempt-2': 1,
      'resolved-attempt-3': 0,
      withdrawn: 1,
      deadlock: 1,
      'decided-by-scheme': 0,
    });
    expect(f.attempts).toEqual([
      { attempt: 1, ended: 6, medianDays: 8 },
      { attempt: 2, ended: 2, medianDays: 27.5 },
      { attempt: 3, ended: 1, medianDays: 10 },
    ]);
    expect(f.timeToResolve).toEqual({ week: 1, 'adr-limit': 2, later: 1, notResolved: 4 });
    expect(f.adrLetters.deadlock).toBe(1);
    expect(f.adrLetters.timeLimit).toBe(1);
    expect(f.adrLetters.byPeriod.find((p) => p.period === '2026-09')).toEqual({
      period: '2026-09',
      deadlock: 1,
      timeLimit: 1,
    });
    expect(f.referrals).toEqual({
      referred: 1,
      outcomes: { upheld: 1, partlyUpheld: 0, notUpheld: 0, settled: 0 },
      caseFeesPaid: 1,
      caseFeesPence: 30_000,
      remediesOverdue: 1,
    });
    expect(f.declinedProposals.filter((d) => d.declined > 0)).toEqual([
      { category: 'service-quality', declined: 1 },
    ]);
    expect(f.team.map((m) => [m.person?.id ?? null, m.open, m.overdueSteps, m.followUpsWaiting])).toEqual([
      [t.users.agent.id, 3, 0, 0],
      [t.users.director.id, 1, 0, 0],
    ]);
  });

  it('gives root causes against the year before, satisfaction and remedies for a year', async () => {
    const f = await insight(year);
    const zeros = {
      billing: 0,
      'service-quality': 0,
      'customer-service': 0,
      contract: 0,
      equipment: 0,
      other: 0,
    };
    const noChannel = { phone: 0, email: 0, web: 0, letter: 0, textphone: 0, 'in-person': 0 };
    // Closed with a root cause in the year: G (22 April) and A (4 September), billing by phone, charged
    // wrongly; E (20 October), equipment by letter; D (20 November), contract by phone. The year before: J.
    expect(f.rootCauses).toEqual({
      previousFrom: '2024-12-01',
      previousTo: '2025-11-30',
      recorded: 4,
      previousRecorded: 1,
      causes: [
        {
          code: 'billing-error',
          label: 'Billing error',
          count: 2,
          previous: 1,
          byCategory: { ...zeros, billing: 2 },
          byChannel: { ...noChannel, phone: 2 },
          detail: [
            { code: 'billing-wrong-charge', label: 'Charged wrongly or twice', count: 2, previous: 0 },
            {
              code: 'billing-credit-not-applied',
              label: 'Credit or refund not applied',
              count: 0,
              previous: 1,
            },
          ],
        },
        {
          code: 'contract-cancellation',
          label: 'Contract or cancellation',
          count: 1,
          previous: 0,
          byCategory: { ...zeros, contract: 1 },
          byChannel: { ...noChannel, phone: 1 },
          detail: [{ code: 'contract-exit-charges', label: 'Early exit charges', count: 1, previous: 0 }],
        },
        {
          code: 'equipment',
          label: 'Equipment',
          count: 1,
          previous: 0,
          byCategory: { ...zeros, equipment: 1 },
          byChannel: { ...noChannel, letter: 1 },
          detail: [{ code: 'equipment-faulty', label: 'Faulty equipment', count: 1, previous: 0 }],
        },
      ],
    });
    // Sent in the year: G, A, E (attempt 1, agent) and D (attempt 2, reviewer); C opted out. Answered: A 5,
    // E 4, D 2: 3 of 4 (0.75), mean 11 / 3 = 3.67. Attempt 1: 2 of 3 (0.6667), mean 4.5.
    const none = { sent: 0, answered: 0, responseRate: null, averageScore: null };
    expect(f.satisfaction).toEqual({
      sent: 4,
      answered: 3,
      responseRate: 0.75,
      averageScore: 3.67,
      byStageReached: [
        { stageReached: 'initiation', ...none },
        { stageReached: 'attempt-1', sent: 3, answered: 2, responseRate: 0.6667, averageScore: 4.5 },
        { stageReached: 'attempt-2', sent: 1, answered: 1, responseRate: 1, averageScore: 2 },
        { stageReached: 'attempt-3', ...none },
        { stageReached: 'deadlock', ...none },
      ],
      byCategory: [
        { category: 'billing', sent: 2, answered: 1, responseRate: 0.5, averageScore: 5 }, // G, A
        { category: 'service-quality', ...none },
        { category: 'customer-service', ...none },
        { category: 'contract', sent: 1, answered: 1, responseRate: 1, averageScore: 2 }, // D
        { category: 'equipment', sent: 1, answered: 1, responseRate: 1, averageScore: 4 }, // E
        { category: 'other', ...none },
      ],
      byHandler: [
        {
          person: { id: t.users.agent.id, name: 'Test agent' },
          sent: 3,
          answered: 2,
          responseRate: 0.6667,
          averageScore: 4.5,
        },
        {
          person: { id: t.users.reviewer.id, name: 'Test reviewer' },
          sent: 1,
          answered: 1,
          responseRate: 1,
          averageScore: 2,
        },
      ],
    });
    // Accepted: A an apology and £25 credit (1 September), D a practical action (5 October), E £10 goodwill
    // (6 October), B's decision an apology and £50 goodwill (20 October). B's declined £15 credit: never.
    expect(f.remedies).toEqual({
      count: 6,
      pence: 8500,
      byType: [
        { type: 'apology', count: 2, pence: 0 },
        { type: 'explanation', count: 0, pence: 0 },
        { type: 'practical-action', count: 1, pence: 0 },
        { type: 'credit-refund', count: 1, pence: 2500 },
        { type: 'goodwill', count: 2, pence: 6000 },
      ],
    });
  });

  it('narrows the root causes, satisfaction and remedies too', async () => {
    const billing = await insight({ ...year, category: 'billing' });
    expect(billing.rootCauses.causes.map((c) => [c.code, c.count, c.previous])).toEqual([
      ['billing-error', 2, 1],
    ]);
    expect([billing.satisfaction.sent, billing.satisfaction.answered]).toEqual([2, 1]);
    expect([billing.remedies.count, billing.remedies.pence]).toEqual([2, 2500]); // A
    // The handlers' figures are narrowed by the range and the owner, not by category.
    expect(billing.satisfaction.byHandler.map((h) => h.sent)).toEqual([3, 1]);
    const reviewer = await insight({ ...year, owner: t.users.reviewer.id });
    expect(reviewer.rootCauses.causes.map((c) => [c.code, c.count])).toEqual([['contract-cancellation', 1]]);
    expect(reviewer.satisfaction).toMatchObject({ sent: 1, answered: 1, averageScore: 2 });
    expect(reviewer.satisfaction.byHandler.map((h) => h.person?.id)).toEqual([t.users.reviewer.id]);
    expect(reviewer.remedies).toMatchObject({ count: 1, pence: 0 }); // D's practical action
    // October alone against September (30 days before): E and B's remedies; E's root cause against A's.
    const october = await insight({ from: '2026-10-01', to: '2026-10-31' });
    expect(october.rootCauses.previousFrom).toBe('2026-08-31');
    expect(october.rootCauses.causes.map((c) => [c.code, c.count, c.previous])).toEqual([
      ['equipment', 1, 0],
      ['billing-error', 0, 1],
    ]);
    expect(october.remedies).toMatchObject({ count: 4, pence: 6000 });
  });

  it('narrows every figure by category, channel, customer type and stage reached', async () => {
    const billing = await insight({ ...year, category: 'billing' });
    expect(billing.received).toBe(4);
    expect(billing.funnel).toMatchObject({ 'resolved-attempt-1': 2, withdrawn: 1, open: 1, deadlock: 0 });
    expect(billing.adrLetters).toMatchObject({ deadlock: 0, timeLimit: 1 });
    expect(billing.referrals.referred).toBe(0);
    expect((await insight({ ...year, channel: 'email,web' })).received).toBe(3);
    const small = await insight({ ...year, customerType: 'small-business' });
    expect([small.received, small.adrLetters.timeLimit, small.funnel.withdrawn]).toEqual([1, 1, 1]);
    const deadlocked = await insight({ ...year, stageReached: 'deadlock' });
    expect(deadlocked.received).toBe(1);
    expect(deadlocked.adrLetters).toMatchObject({ deadlock: 1, timeLimit: 0 });
    expect(deadlocked.referrals).toMatchObject({ referred: 1, remediesOverdue: 1, caseFeesPence: 30_000 });
    expect(deadlocked.attempts.map((a) => a.medianDays)).toEqual([0, 9, 10]);
  });

  it('counts by week for a short range, each letter and proposal on its own day', async () => {
    const f = await insight({ from: '2026-09-01', to: '2026-09-30' });
    expect(f.granularity).toBe('week');
    expect(f.volumes.map((v) => [v.period, v.total])).toEqual([
      ['2026-08-31', 3],
      ['2026-09-07', 0],
      ['2026-09-14', 0],
      ['2026-09-21', 0],
      ['2026-09-28', 0],
    ]);
    expect(f.adrLetters.byPeriod.filter((p) => p.deadlock + p.timeLimit > 0)).toEqual([
      { period: '2026-09-07', deadlock: 0, timeLimit: 1 },
      { period: '2026-09-14', deadlock: 1, timeLimit: 0 },
    ]);
    expect(f.declinedProposals.find((d) => d.category === 'service-quality')?.declined).toBe(1);
    expect(f.referrals.referred).toBe(0);
    expect(f.funnel).toMatchObject({ 'resolved-attempt-1': 1, deadlock: 1, withdrawn: 1 });
  });

  it('reads whole months and weeks from the rollups and the days at the edges from the daily totals', async () => {
    // 22 April to 1 September: May to August whole; 22–26 April (to a Sunday) and 1 September from the daily
    // totals, the week of 27 April from the weekly rollups. In
    // it: I (1 June) and F (15 August) in whole months; A and B (1 September) and G's resolution, root cause
    // and survey (22 April) at the edges; G's receipt (2 March) and C (2 September) outside it.
    const f = await insight({ from: '2026-04-22', to: '2026-09-01' });
    expect(f.granularity).toBe('month');
    expect(f.received).toBe(4);
    expect(f.volumes.map((v) => [v.period, v.total])).toEqual([
      ['2026-04', 0],
      ['2026-05', 0],
      ['2026-06', 1],
      ['2026-07', 0],
      ['2026-08', 1],
      ['2026-09', 2],
    ]);
    expect(f.timeToResolve).toEqual({ week: 1, 'adr-limit': 0, later: 0, notResolved: 3 });
    // The 133 days before: 10 December 2025 to 21 April 2026, with no root cause.
    expect(f.rootCauses.causes.map((c) => [c.code, c.count, c.previous])).toEqual([['billing-error', 1, 0]]);
    expect([f.satisfaction.sent, f.satisfaction.answered]).toEqual([1, 0]);
    // Narrowed by category and channel: F is "other", I came by email.
    const phoneBilling = await insight({
      from: '2026-04-22',
      to: '2026-09-01',
      category: 'billing',
      channel: 'phone',
    });
    expect(phoneBilling.volumes.map((v) => v.total)).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it('gives the same figures with every customer type or stage asked for as with none, for any range', async () => {
    // Every customer type (or stage reached) asked for is no narrowing, but is read from other rollups (each
    // type's rather than those summed over them). Ranges from a seeded generator, so a failure can be replayed.
    let seed = 12;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const allTypes = 'residential,small-business,not-for-profit,large-business';
    const allStages = 'initiation,attempt-1,attempt-2,attempt-3,deadlock';
    for (let i = 0; i < 12; i++) {
      const from = addDays('2025-09-01', Math.floor(random() * 400));
      const to = addDays(from, 90 + Math.floor(random() * 400));
      const range = { from, to, ...(i % 3 === 0 ? { category: 'billing,service-quality' } : {}) };
      const both = await insight(range);
      expect(both.granularity).toBe('month');
      expect(await insight({ ...range, customerType: allTypes }), `${from} to ${to}`).toEqual(both);
      if (i % 4 === 0) expect(await insight({ ...range, stageReached: allStages })).toEqual(both);
    }
  });

  it('reads a filtered range of part-months and part-weeks from the rollups and the days left over', async () => {
    // 8 July to 10 October by month: 8–12 July as days, the weeks of 13 and 20 July, 27–31 July as days,
    // August and September whole, 1–10 October as days. Only B reached deadlock: received 1 September (its
    // attempts counted then), its deadlock letter 20 September, referred with the £300 fee on 1 October.
    const deadlock = await insight({ from: '2026-07-08', to: '2026-10-10', stageReached: 'deadlock' });
    expect(deadlock.granularity).toBe('month');
    expect(deadlock.volumes.map((v) => [v.period, v.total])).toEqual([
      ['2026-07', 0],
      ['2026-08', 0],
      ['2026-09', 1],
      ['2026-10', 0],
    ]);
    expect(deadlock.adrLetters).toMatchObject({ deadlock: 1, timeLimit: 0 });
    expect(deadlock.referrals).toMatchObject({ referred: 1, caseFeesPaid: 1, caseFeesPence: 30_000 });
    expect(deadlock.attempts.map((a) => a.medianDays)).toEqual([0, 9, 10]);
    // F, the one large business, received 15 August (in a whole month); none in the days at the edges.
    const large = await insight({ from: '2026-07-08', to: '2026-10-10', customerType: 'large-business' });
    expect(large.volumes.map((v) => v.total)).toEqual([0, 1, 0, 0]);
    expect(large.funnel).toMatchObject({ open: 1 });
    // By week, Wednesday 12 August to Wednesday 23 September: 12–16 August and 21–23 September as days, the
    // five weeks between from the weekly rollups. B in the week of 31 August, its letter in that of 14
    // September, its declined proposal (10 September, service quality) in that of 7 September.
    const weekly = await insight({ from: '2026-08-12', to: '2026-09-23', stageReached: 'deadlock' });
    expect(weekly.granularity).toBe('week');
    expect(weekly.volumes.filter((v) => v.total > 0).map((v) => v.period)).toEqual(['2026-08-31']);
    expect(weekly.adrLetters.byPeriod.filter((p) => p.deadlock > 0).map((p) => p.period)).toEqual([
      '2026-09-14',
    ]);
    expect(weekly.declinedProposals.find((d) => d.category === 'service-quality')?.declined).toBe(1);
    expect(weekly.referrals.referred).toBe(0);
  });

  it('sums the same totals from the rollups as from the daily totals alone, for any range and filter', async () => {
    // Ranges and filters from a seeded generator, so a failure can be replayed.
    let seed = 33;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const some = <T>(values: readonly T[]) => {
      const picked = values.filter(() => random() < 0.6);
      return picked.length > 0 && random() < 0.4 ? picked : undefined;
    };
    const normalised = (totals: readonly InsightTotal[], granularity: Granularity) => {
      const sums = new Map<string, [number, number]>();
      for (const r of totals) {
        const key = [
          periodOf(r.period, granularity),
          r.measure,
          r.value,
          r.category,
          r.channel,
          r.stageReached ?? '',
        ].join('|');
        const [n, amount] = sums.get(key) ?? [0, 0];
        sums.set(key, [n + r.n, amount + r.amount]);
      }
      return [...sums]
        .filter(([, [n, amount]]) => n !== 0 || amount !== 0)
        .sort(([a], [b]) => (a < b ? -1 : 1));
    };
    const db = t.db.kysely;
    let compared = 0;
    for (let i = 0; i < 24; i++) {
      const from = addDays('2025-09-01', Math.floor(random() * 420));
      const to = addDays(from, Math.floor(random() * (i % 2 === 0 ? 90 : 420)));
      const filter: InsightFilter = {
        from,
        to,
        categories: some(['billing', 'service-quality', 'other'] as const),
        channels: some(['phone', 'email', 'web'] as const),
        customerTypes: some(['residential', 'small-business', 'large-business'] as const),
        stagesReached: some(['initiation', 'attempt-1', 'attempt-3', 'deadlock'] as const),
      };
      const granularity = granularityFor(filter);
      for (const read of [undefined, SURVEY_READ]) {
        const rollups = await sumInsightTotals(db, filter, granularity, read);
        const daily = await sumInsightTotals(db, filter, granularity, read, 'daily');
        expect(normalised(rollups, granularity), JSON.stringify(filter)).toEqual(
          normalised(daily, granularity),
        );
        if (normalised(daily, granularity).length > 0) compared++;
      }
    }
    // Nearly half of the ranges and filters hold some of the complaints above.
    expect(compared).toBeGreaterThan(20);
  });

  it("gives one owner's figures from their complaints", async () => {
    // The agent owns A, C, E, F, G and I in the range (and H before it); the reviewer D; the director B.
    const agent = await insight({ ...year, owner: t.users.agent.id });
    expect(agent.received).toBe(6);
    expect(agent.funnel).toMatchObject({ 'resolved-attempt-1': 3, withdrawn: 1, open: 2, deadlock: 0 });
    expect(agent.adrLetters.timeLimit).toBe(1);
    expect(agent.team.map((m) => m.person?.id)).toEqual([t.users.agent.id]);
    const reviewer = await insight({ ...year, owner: 'me' }, 'reviewer');
    expect([reviewer.received, reviewer.timeToResolve.later, reviewer.attempts[1]?.medianDays]).toEqual([
      1, 1, 46,
    ]);
    const director = await insight({ ...year, owner: t.users.director.id, category: 'service-quality' });
    expect(director.referrals).toMatchObject({ referred: 1, remediesOverdue: 1 });
    // F changes hands: its figures go with it, to the reviewer and back.
    const assign = (ownerId: string) =>
      issueCommand(
        t.ctx,
        refs.F!,
        { type: 'assign', ownerId },
        {
          kind: 'staff',
          id: t.users.director.id,
          roles: [...STAFF.director],
        },
      );
    await assign(t.users.reviewer.id);
    expect((await insight({ ...year, owner: t.users.agent.id })).received).toBe(5);
    const moved = await insight({ ...year, owner: t.users.reviewer.id });
    expect([moved.received, moved.funnel.open]).toEqual([2, 1]);
    expect((await insight(year)).received).toBe(8);
    await assign(t.users.agent.id);
    expect((await insight({ ...year, owner: t.users.agent.id })).received).toBe(6);
  });

  it('is for reviewers and up, and refuses a range the wrong way round', async () => {
    expect((await t.as('agent').get('/insight')).status).toBe(403);
    expect((await t.as('reviewer').get('/insight')).status).toBe(200);
    const backwards = await t.as('director').get('/insight?from=2026-10-01&to=2026-09-01');
    expect(backwards.status).toBe(400);
  });

  /** A sheet's rows as arrays of cell values, from the first cell in column A that is `from` on. */
  async function sheets(bytes: Buffer) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    return (name: string) => {
      const sheet = book.getWorksheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      const rows: Record<string, unknown[]> = {};
      sheet.eachRow((row) => {
        const values = (row.values as unknown[]).slice(1);
        if (typeof values[0] === 'string') rows[values[0]] = values.slice(1);
      });
      return rows;
    };
  }

  it('puts the same figures in the monthly report, as PDF and XLSX (September 2026 beside August)', async () => {
    const xlsx = await monthlyReportFile(t.ctx, '2026-09', 'xlsx');
    const sheet = await sheets(xlsx.bytes);
    const glance = sheet('At a glance');
    expect(glance['Complaints received']).toEqual([3, 1]); // A, B, C; F
    expect(glance['Complaints per 100,000 customers (Ofcom’s measure)']).toEqual([1.5, 0.5]);
    expect(glance['Resolved within 1 week']).toEqual([1, 0]); // A, day 3
    expect(glance['ADR letters at deadlock']).toEqual([1, 0]); // B, 20 September
    expect(glance['ADR letters at the time limit']).toEqual([1, 0]); // C, 12 September
    expect(glance['Referrals to the ADR scheme']).toEqual([0, 0]); // B was referred in October
    const categories = sheet('By category');
    expect(categories.Billing).toEqual([2, 0]);
    expect(categories['Service quality']).toEqual([1, 0]);
    expect(categories.Other).toEqual([0, 1]);
    const channels = sheet('By channel');
    expect([channels.Phone, channels.Email, channels.Web]).toEqual([
      [1, 1],
      [1, 0],
      [1, 0],
    ]);
    const funnel = sheet('Procedure');
    expect(funnel['Resolved at attempt 1']).toEqual([1, 0]);
    expect(funnel.Withdrawn).toEqual([1, 0]);
    expect(funnel['Reached deadlock']).toEqual([1, 0]);
    expect(funnel['Still open']).toEqual([0, 1]);
    expect(sheet('Time to resolve')['Not resolved (yet)']).toEqual([2, 2 / 3, 1, 1]);
    expect(sheet('Declined proposals')['Service quality']).toEqual([1, 0]); // B, 10 September

    // Root causes closed in September: A's (billing, charged wrongly); none in August.
    expect(sheet('Root causes')['Billing error']).toEqual([1, 0]);
    expect(sheet('Root causes')['   Charged wrongly or twice']).toEqual([1, 0]);
    // Surveys sent in September: A's (answered 5); C opted out. None in August.
    const satisfaction = sheet('Satisfaction');
    expect(satisfaction['September 2026']).toEqual([1, 1, 1, 5]);
    expect(satisfaction['August 2026']?.slice(0, 2)).toEqual([0, 0]);
    expect(satisfaction['Reached attempt 1']).toEqual([1, 1, 1, 5]);
    expect(satisfaction['Category: billing']).toEqual([1, 1, 1, 5]);
    expect(sheet('Satisfaction by handler')['Test agent']).toEqual([1, 1, 1, 5]);
    // Remedies accepted in September: A's apology and £25 credit.
    const remedies = sheet('Remedies');
    expect(remedies['Credit or refund']).toEqual([1, 25, 0, 0]);
    expect(remedies.Apology?.[0]).toBe(1);
    expect(remedies['All remedies']).toEqual([2, 25, 0, 0]);
    expect(sheet('Improvements done')[improvement]).toEqual([
      'Plan changes charge twice: Billing run fixed',
      'Test reviewer',
      '2026-09-25',
      refs.A,
    ]);

    // October: B's referral with its £300 fee and the scheme's decision, upheld.
    const october = await sheets((await monthlyReportFile(t.ctx, '2026-10', 'xlsx')).bytes);
    const scheme = october('ADR scheme');
    expect(scheme.Referred).toEqual([1, 0]);
    expect(scheme['Upheld (fully or partly)']).toEqual([1, 0]);
    expect(scheme['Case fees (total)']).toEqual([300, 0]);

    // October beside September: E's and B's remedies (D's practical action on 5 October too); E's cause.
    const octoberRemedies = october('Remedies');
    expect(octoberRemedies['Goodwill payment']).toEqual([2, 60, 0, 0]);
    expect(octoberRemedies['Practical action']?.[0]).toBe(1);
    expect(octoberRemedies['All remedies']).toEqual([4, 60, 2, 25]);
    expect(october('Root causes').Equipment).toEqual([1, 0]);
    expect(october('Root causes')['Billing error']).toEqual([0, 1]);
    expect(october('Satisfaction')['October 2026']).toEqual([1, 1, 1, 4]); // E
    expect(Object.keys(october('Improvements done'))).not.toContain(improvement);

    const pdf = await readPdf((await monthlyReportFile(t.ctx, '2026-09', 'pdf')).bytes);
    expect(pdf.text).toContain('Complaints management report: September 2026');
    expect(pdf.text).toMatch(/Complaints received 3 1 /);
    expect(pdf.text).toMatch(/Complaints per 100,000 customers \(Ofcom’s measure\) 1\.5 0\.5 /);
    expect(pdf.text).toMatch(/ADR letters at the time limit 1 0 /);
    expect(pdf.text).toMatch(/Not resolved \(yet\) 2 66\.7% 1 100% /);
    expect(pdf.text).toMatch(/Billing error 1 0 /);
    expect(pdf.text).toMatch(/September 2026 1 1 100% 5 /);
    expect(pdf.text).toMatch(/Credit or refund 1 £25\.00 0 £0\.00/);
    expect(pdf.text).toContain(
      `${improvement} Plan changes charge twice: Billing run fixed Test reviewer 2026-09-25 ${refs.A}`,
    );
    const octoberPdf = await readPdf((await monthlyReportFile(t.ctx, '2026-10', 'pdf')).bytes);
    expect(octoberPdf.text).toMatch(/Case fees \(total\) £300\.00 £0\.00/);
  });

  describe('the running totals', () => {
    /** A table of running sums, its non-zero rows in its key's order, amounts as numbers on both dialects. */
    async function sums(
      table: string,
      key: readonly string[],
    ): Promise<({ [column: string]: unknown } & { n: number; amount: number })[]> {
      const { rows } = await sql<Record<string, unknown>>`
        select * from ${sql.table(table)} where n <> 0 or amount <> 0
        order by ${sql.join(key.map((column) => sql.ref(column)))}
      `.execute(t.db.kysely);
      return rows.map((r) => ({ ...r, amount: Number(r.amount), n: Number(r.n) }));
    }

    async function snapshot() {
      return {
        totals: await sums('insight_totals', TOTALS_KEY),
        ownerDaily: await sums('insight_owner_daily', ['owner_id', ...TOTALS_KEY]),
        ownerRollups: await sums('insight_owner_rollups', ['owner_id', ...ROLLUPS_KEY]),
        owners: await sums('insight_owner_totals', OWNER_TOTALS_KEY),
        rollups: await sums('insight_rollups', ROLLUPS_KEY),
        facts: await t.db.kysely.selectFrom('insight_facts').selectAll().orderBy('complaint_id').execute(),
      };
    }

    it('equal a recomputation from scratch, also after a customer changes type', async () => {
      await updateCustomer(
        t.ctx,
        customers.F!,
        { type: 'residential' },
        {
          kind: 'staff',
          id: t.users.admin.id,
          roles: [...STAFF.admin],
        },
      );
      const kept = await snapshot();
      expect(kept.totals.filter((r) => r.customer_type === 'large-business')).toEqual([]);
      // The rollups kept change by change are the daily totals summed (rebuildInsight sums them so): by week
      // and by month, each with type and stage kept and summed over.
      const ways = new Set(
        kept.rollups.map((r) => [r.span, r.customer_type === '*', r.stage_reached === '*'].join(' ')),
      );
      expect(ways.size).toBe(8);
      await rebuildInsight(t.db.kysely);
      expect(await snapshot()).toEqual(kept);
      expect((await insight({ ...year, customerType: 'residential' })).received).toBe(7);
    });

    it('are filled for the complaints already there by the migration that adds them', async () => {
      const kept = await snapshot();
      const db = t.db.kysely;
      await db.schema.dropTable('insight_owner_rollups').execute();
      await db.schema.dropTable('insight_owner_daily').execute();
      await db.schema.dropTable('insight_rollups').execute();
      await db.schema.dropTable('insight_owner_totals').execute();
      await db.schema.dropTable('insight_totals').execute();
      await db.schema.dropTable('insight_facts').execute();
      await db.schema.dropIndex('attempts_follow_up_idx').execute();
      await db.schema.dropIndex('complaints_root_cause_idx').execute();
      // Run as the migrator ran them on a database that had complaints (later migrations are already in):
      // 0025 empties the facts, and 0035 fills them and every total from the complaints.
      for (const migration of [m0024, m0025, m0026, m0033, m0035]) await migration.up(db, t.db.dialect);
      expect(await snapshot()).toEqual(kept);
    });

    it('are given to each owner from the facts by the migration that adds owners', async () => {
      const kept = await snapshot();
      expect(new Set(kept.ownerDaily.map((r) => r.owner_id)).size).toBeGreaterThan(1);
      const db = t.db.kysely;
      // As 0033 left them: no owner's totals, and the facts' owner index.
      await db.schema.dropTable('insight_owner_rollups').execute();
      await db.schema.dropTable('insight_owner_daily').execute();
      await db.schema
        .createIndex('insight_facts_owner_idx')
        .on('insight_facts')
        .columns(['owner_id', 'received_on'])
        .execute();
      await m0035.up(db, t.db.dialect);
      expect(await snapshot()).toEqual(kept);
    });
  });

  // Last: the item it raises would be among the open items the tests above count.
  it("raises an improvement from a root cause with the period's complaints of that cause linked", async () => {
    const body = {
      title: 'Wrong charges keep coming',
      description: 'Billing errors all year',
      ownerId: t.users.reviewer.id,
      dueOn: '2026-12-31',
      source: 'root-cause-trend',
      rootCause: 'billing-error',
    };
    // The year: A (closed 4 September) and G (22 April), both "billing-wrong-charge", under billing-error;
    // not J, closed on 3 October 2025.
    const raised = await t.as('director').post('/improvements', { ...body, rootCausePeriod: year });
    expect(raised.status).toBe(201);
    const item = await t.as('director').get(`/improvements/${raised.body.reference}`);
    expect(item.body.complaints.map((c: { reference: string }) => c.reference).sort()).toEqual(
      [refs.A, refs.G].sort(),
    );
    // Newest first, as many as asked for: A.
    const newest = await findClosedWithRootCause(
      t.db.kysely,
      ['billing-error', 'billing-wrong-charge', 'billing-credit-not-applied'],
      { fromAt: '2025-01-01T00:00:00Z', toAt: '2027-01-01T00:00:00Z' },
      1,
    );
    expect(newest.map((c) => c.reference)).toEqual([refs.A]);
    const refused = await t
      .as('director')
      .post('/improvements', { ...body, source: 'other', rootCausePeriod: year });
    expect([refused.status, refused.body.field]).toEqual([400, 'rootCausePeriod']);
  });
});
