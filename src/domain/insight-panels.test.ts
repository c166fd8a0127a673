import { describe, expect, it } from 'vitest';
import type { Complaint } from './complaint.ts';
import { insightFacts, ownerTotalChanges } from './insight.ts';
import type { InsightTotal } from './insight-figures.ts';
import { remedyFigures, rootCauseFigures, satisfactionFigures } from './insight-panels.ts';

const closed = {
  id: 'c1',
  customerId: 'k1',
  ownerId: 'u1',
  receivedAt: '2026-05-01T10:00:00Z',
  firstExpressedAt: '2026-05-01T10:00:00Z',
  category: 'billing',
  channel: 'phone',
  customerType: 'residential',
  stage: 'closed',
  attempts: [],
  adrLetters: [],
  referral: null,
  // 23:30 UTC on 31 May is 1 June in London.
  closure: {
    reason: 'withdrawn',
    closedAt: '2026-05-31T23:30:00Z',
    rootCause: 'billing-wrong-charge',
    lessons: null,
  },
  remedies: [
    {
      id: 'r1',
      type: 'goodwill',
      amountPence: 500,
      source: 'proposal',
      attemptNumber: 1,
      recordedAt: '2026-05-02T10:00:00Z',
      acceptedAt: '2026-05-03T10:00:00Z',
    },
    {
      id: 'r2',
      type: 'apology',
      amountPence: null,
      source: 'proposal',
      attemptNumber: 1,
      recordedAt: '2026-05-02T10:00:00Z',
      acceptedAt: null,
    },
  ],
} as unknown as Complaint;

const total = (t: Partial<InsightTotal> & Pick<InsightTotal, 'measure' | 'value'>): InsightTotal => ({
  period: '2026-06-01',
  category: 'billing',
  channel: 'phone',
  n: 1,
  amount: 0,
  ...t,
});

describe('the panels’ facts', () => {
  it('counts the root cause on the closing day, accepted remedies only, and a survey on the day it was sent', () => {
    const facts = insightFacts(closed, '2026-06-12', { sentAt: '2026-05-31T23:30:00Z', score: 4 });
    const panels = facts.contributions.filter((c) => ['root-cause', 'remedy', 'survey'].includes(c.measure));
    expect(panels.map((c) => `${c.measure}:${c.value}@${c.on}=${c.n}/${c.amount}`)).toEqual([
      'remedy:goodwill@2026-05-03=1/500',
      'root-cause:billing-wrong-charge@2026-06-01=1/0',
      'survey:answered@2026-06-01=1/4',
      'survey:sent@2026-06-01=1/0',
    ]);
  });

  it('moves the survey’s per-owner totals to the new owner, and leaves other measures out', () => {
    const before = insightFacts(closed, '2026-06-12', { sentAt: '2026-06-01T10:00:00Z', score: null });
    const after = { ...before, ownerId: 'u2' };
    expect(ownerTotalChanges(before, before)).toEqual([]);
    expect(ownerTotalChanges(before, after).map((c) => [c.ownerId, c.value, c.n])).toEqual([
      ['u1', 'sent', -1],
      ['u2', 'sent', 1],
    ]);
    expect(ownerTotalChanges(undefined, { ...before, ownerId: null })[0]?.ownerId).toBe('');
  });
});

describe('the panels’ figures', () => {
  it('groups root causes under the tree’s top level, against the period before; an unknown code stands alone', () => {
    const tree = [
      { code: 'billing', label: 'Billing', children: [{ code: 'billing-twice', label: 'Twice' }] },
    ];
    const figures = rootCauseFigures(
      [
        total({ measure: 'root-cause', value: 'billing-twice', n: 2 }),
        total({ measure: 'root-cause', value: 'billing', channel: 'email' }),
        total({ measure: 'received', value: '', n: 9 }),
      ],
      [total({ measure: 'root-cause', value: 'gone', n: 3 })],
      tree,
    );
    expect(figures.recorded).toBe(3);
    expect(figures.previousRecorded).toBe(3);
    expect(figures.causes.map((c) => [c.code, c.label, c.count, c.previous])).toEqual([
      ['billing', 'Billing', 3, 0],
      ['gone', 'gone', 0, 3],
    ]);
    expect(figures.causes[0]?.detail.map((d) => [d.code, d.count])).toEqual([
      ['billing-twice', 2],
      ['billing', 1],
    ]);
    expect([figures.causes[0]?.byChannel.phone, figures.causes[0]?.byChannel.email]).toEqual([2, 1]);
  });

  it('gives the response rate and mean score, none as null, and a former member of staff by that name', () => {
    const figures = satisfactionFigures(
      [
        total({ measure: 'survey', value: 'sent', n: 3, stageReached: 'attempt-1' }),
        total({ measure: 'survey', value: 'answered', n: 2, amount: 7, stageReached: 'attempt-1' }),
      ],
      [
        { ownerId: 'u1', value: 'sent', n: 2, amount: 0 },
        { ownerId: 'u1', value: 'answered', n: 2, amount: 7 },
        { ownerId: 'gone', value: 'sent', n: 1, amount: 0 },
      ],
      new Map([['u1', 'Ann']]),
    );
    expect(figures).toMatchObject({ sent: 3, answered: 2, responseRate: 0.6667, averageScore: 3.5 });
    expect(figures.byStageReached[0]).toEqual({
      stageReached: 'initiation',
      sent: 0,
      answered: 0,
      responseRate: null,
      averageScore: null,
    });
    expect(figures.byHandler.map((h) => [h.person?.name, h.responseRate, h.averageScore])).toEqual([
      ['Ann', 1, 3.5],
      ['former member of staff', 0, null],
    ]);
  });

  it('adds remedies by type with their money', () => {
    const figures = remedyFigures([
      total({ measure: 'remedy', value: 'goodwill', n: 2, amount: 1500 }),
      total({ measure: 'remedy', value: 'apology', n: 1 }),
    ]);
    expect([figures.count, figures.pence]).toEqual([3, 1500]);
    expect(figures.byType.find((r) => r.type === 'goodwill')).toEqual({
      type: 'goodwill',
      count: 2,
      pence: 1500,
    });
  });
});
