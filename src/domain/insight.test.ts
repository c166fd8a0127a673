import { describe, expect, it } from 'vitest';
import type { Complaint } from './complaint.ts';
import { type InsightFacts, insightFacts, monthTotalChanges, resolvedIn, totalChanges } from './insight.ts';
import { granularityFor, medianOfHistogram, periodsOf, wholeMonthsOf } from './insight-figures.ts';

const closedOn = (first: string, closed: string, reason: 'resolved' | 'withdrawn' = 'resolved') =>
  ({
    firstExpressedAt: `${first}T10:00:00Z`,
    closure: { reason, closedAt: `${closed}T10:00:00Z`, rootCause: null, lessons: null },
  }) as Complaint;

describe('insight facts', () => {
  it('puts a resolved complaint in the regulator’s bucket by the ADR limit it is given', () => {
    expect(resolvedIn(closedOn('2026-05-01', '2026-05-08'), '2026-06-12')).toBe('week');
    expect(resolvedIn(closedOn('2026-05-01', '2026-05-09'), '2026-06-12')).toBe('adr-limit');
    expect(resolvedIn(closedOn('2026-05-01', '2026-06-12'), '2026-06-12')).toBe('adr-limit');
    expect(resolvedIn(closedOn('2026-05-01', '2026-06-13'), '2026-06-12')).toBe('later');
    expect(resolvedIn(closedOn('2026-05-01', '2026-05-02', 'withdrawn'), '2026-06-12')).toBeNull();
  });

  it('moves totals by the difference only, in key order, and not at all when nothing changed', () => {
    const before: Pick<InsightFacts, 'dimensions' | 'contributions'> = {
      dimensions: {
        category: 'billing',
        channel: 'phone',
        customerType: 'residential',
        stageReached: 'attempt-1',
      },
      contributions: [
        { on: '2026-05-01', measure: 'received', value: '', n: 1, amount: 0 },
        { on: '2026-05-01', measure: 'outcome', value: 'open', n: 1, amount: 0 },
      ],
    };
    expect(totalChanges(before, before)).toEqual([]);
    const after = {
      ...before,
      contributions: [before.contributions[0]!, { ...before.contributions[1]!, value: 'withdrawn' }],
    };
    expect(totalChanges(before, after).map((c) => [c.measure, c.value, c.n])).toEqual([
      ['outcome', 'open', -1],
      ['outcome', 'withdrawn', 1],
    ]);
    const escalated = { ...before, dimensions: { ...before.dimensions, stageReached: 'attempt-2' as const } };
    expect(totalChanges(before, escalated).map((c) => [c.measure, c.stageReached, c.n])).toEqual([
      ['outcome', 'attempt-1', -1],
      ['outcome', 'attempt-2', 1],
      ['received', 'attempt-1', -1],
      ['received', 'attempt-2', 1],
    ]);
  });

  it('counts a complaint on the London day it was received', () => {
    const facts = insightFacts(
      {
        id: 'c1',
        customerId: 'k1',
        ownerId: null,
        receivedAt: '2026-05-31T23:30:00Z',
        firstExpressedAt: '2026-05-31T23:30:00Z',
        category: 'billing',
        channel: 'email',
        customerType: 'residential',
        stage: 'attempt-1',
        attempts: [],
        adrLetters: [],
        referral: null,
        closure: null,
        remedies: [],
      } as unknown as Complaint,
      '2026-07-12',
    );
    expect(facts.receivedOn).toBe('2026-06-01');
    expect(facts.contributions.map((c) => `${c.measure}:${c.value}@${c.on}`)).toEqual([
      'outcome:open@2026-06-01',
      'received:@2026-06-01',
    ]);
  });
});

describe('insight figures', () => {
  it('counts by week up to 13 weeks and by month beyond, every period listed', () => {
    expect(granularityFor({ from: '2026-09-01', to: '2026-11-30' })).toBe('week');
    expect(granularityFor({ from: '2026-09-01', to: '2026-12-01' })).toBe('month');
    expect(periodsOf({ from: '2026-09-02', to: '2026-09-14' }, 'week')).toEqual([
      '2026-08-31',
      '2026-09-07',
      '2026-09-14',
    ]);
    expect(periodsOf({ from: '2025-12-15', to: '2026-02-01' }, 'month')).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it('splits a range into its whole months and the days at its edges', () => {
    expect(wholeMonthsOf({ from: '2025-12-01', to: '2026-11-30' })).toEqual({
      months: { from: '2025-12', to: '2026-11' },
      before: undefined,
      after: undefined,
    });
    expect(wholeMonthsOf({ from: '2026-01-31', to: '2026-03-01' })).toEqual({
      months: { from: '2026-02', to: '2026-02' },
      before: { from: '2026-01-31', to: '2026-01-31' },
      after: { from: '2026-03-01', to: '2026-03-01' },
    });
    expect(wholeMonthsOf({ from: '2024-01-15', to: '2024-02-29' })).toEqual({
      months: { from: '2024-02', to: '2024-02' },
      before: { from: '2024-01-15', to: '2024-01-31' },
      after: undefined,
    });
    expect(wholeMonthsOf({ from: '2026-01-02', to: '2026-02-27' })).toBeUndefined();
  });

  it('sums the daily changes per month, without customer type, and keeps the stage only for the survey', () => {
    const base = { category: 'billing', channel: 'phone', value: 'x', n: 1, amount: 0 } as const;
    const changes = totalChanges(undefined, undefined).concat([
      {
        ...base,
        measure: 'received',
        on: '2026-03-02',
        customerType: 'residential',
        stageReached: 'attempt-1',
      },
      {
        ...base,
        measure: 'received',
        on: '2026-03-30',
        customerType: 'large-business',
        stageReached: 'deadlock',
      },
      {
        ...base,
        measure: 'received',
        on: '2026-04-01',
        customerType: 'residential',
        stageReached: 'attempt-1',
      },
      {
        ...base,
        measure: 'survey',
        on: '2026-03-02',
        customerType: 'residential',
        stageReached: 'attempt-1',
        amount: 4,
      },
      {
        ...base,
        measure: 'survey',
        on: '2026-03-03',
        customerType: 'residential',
        stageReached: 'deadlock',
        amount: 2,
      },
      {
        ...base,
        measure: 'outcome',
        on: '2026-03-03',
        customerType: 'residential',
        stageReached: 'deadlock',
      },
      {
        ...base,
        measure: 'outcome',
        on: '2026-03-09',
        customerType: 'small-business',
        stageReached: 'initiation',
        n: -1,
      },
    ]);
    const month = { category: 'billing', channel: 'phone', value: 'x', month: '2026-03', stageReached: '' };
    expect(monthTotalChanges(changes)).toEqual([
      // Sorted by key; the outcome's +1 and -1 cancel out and are left out.
      { ...month, measure: 'received', n: 2, amount: 0 },
      { ...month, measure: 'received', month: '2026-04', n: 1, amount: 0 },
      { ...month, measure: 'survey', stageReached: 'attempt-1', n: 1, amount: 4 },
      { ...month, measure: 'survey', stageReached: 'deadlock', n: 1, amount: 2 },
    ]);
  });

  it('takes the median of a histogram of days', () => {
    expect(medianOfHistogram(new Map())).toBeNull();
    expect(medianOfHistogram(new Map([[5, 1]]))).toBe(5);
    expect(
      medianOfHistogram(
        new Map([
          [0, 2],
          [3, 1],
          [13, 1],
          [14, 1],
          [51, 1],
        ]),
      ),
    ).toBe(8);
  });
});
