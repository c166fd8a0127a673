import { describe, expect, it } from 'vitest';
import type { Complaint } from './complaint.ts';
import { type InsightFacts, insightFacts, resolvedIn, rollupChanges, totalChanges } from './insight.ts';
import { granularityFor, medianOfHistogram, periodsOf, splitRange } from './insight-figures.ts';

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
    const before: Pick<InsightFacts, 'ownerId' | 'dimensions' | 'contributions'> = {
      ownerId: null,
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

  it('counts each contribution for all and for its owner, and moves the owner’s share when it changes hands', () => {
    const facts: Pick<InsightFacts, 'ownerId' | 'dimensions' | 'contributions'> = {
      ownerId: 'u1',
      dimensions: {
        category: 'billing',
        channel: 'phone',
        customerType: 'residential',
        stageReached: 'attempt-1',
      },
      contributions: [{ on: '2026-05-01', measure: 'received', value: '', n: 1, amount: 0 }],
    };
    expect(totalChanges(undefined, facts).map((c) => [c.ownerId, c.measure, c.n])).toEqual([
      ['*', 'received', 1],
      ['u1', 'received', 1],
    ]);
    // A new owner: the team's totals stay; the complaint leaves one person's and joins the other's.
    expect(totalChanges(facts, { ...facts, ownerId: 'u2' }).map((c) => [c.ownerId, c.n])).toEqual([
      ['u1', -1],
      ['u2', 1],
    ]);
    expect(totalChanges(facts, { ...facts, ownerId: null }).map((c) => [c.ownerId, c.n])).toEqual([
      ['u1', -1],
    ]);
    expect(rollupChanges(totalChanges(undefined, facts)).filter((r) => r.ownerId === 'u1')).toHaveLength(8);
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

  it('splits a range into whole months, then whole weeks, then days', () => {
    expect(splitRange({ from: '2025-12-01', to: '2026-11-30' }, 'month')).toEqual({
      months: { from: '2025-12', to: '2026-11' },
      weeks: [],
      days: [],
    });
    // The bench's year: 3 November 2025 is a Monday, so its first edge is four whole weeks; 1 November 2026 a
    // Sunday, whose week began in October: the last edge is two days.
    expect(splitRange({ from: '2025-11-03', to: '2026-11-02' }, 'month')).toEqual({
      months: { from: '2025-12', to: '2026-10' },
      weeks: [{ from: '2025-11-03', to: '2025-11-24' }],
      days: [{ from: '2026-11-01', to: '2026-11-02' }],
    });
    // Wednesday 14 January to 30 April: days to the Sunday, one week, then Monday 26 to Saturday 31 January
    // (that week ends in February); February to April whole.
    expect(splitRange({ from: '2026-01-14', to: '2026-04-30' }, 'month')).toEqual({
      months: { from: '2026-02', to: '2026-04' },
      weeks: [{ from: '2026-01-19', to: '2026-01-19' }],
      days: [
        { from: '2026-01-14', to: '2026-01-18' },
        { from: '2026-01-26', to: '2026-01-31' },
      ],
    });
    expect(splitRange({ from: '2026-01-31', to: '2026-03-01' }, 'month')).toEqual({
      months: { from: '2026-02', to: '2026-02' },
      weeks: [],
      days: [
        { from: '2026-01-31', to: '2026-01-31' },
        { from: '2026-03-01', to: '2026-03-01' },
      ],
    });
    // No whole month: each month's part apart, so that no week crosses from one into the other.
    expect(splitRange({ from: '2026-01-02', to: '2026-02-27' }, 'month')).toEqual({
      weeks: [
        { from: '2026-01-05', to: '2026-01-19' },
        { from: '2026-02-02', to: '2026-02-16' },
      ],
      days: [
        { from: '2026-01-02', to: '2026-01-04' },
        { from: '2026-01-26', to: '2026-01-31' },
        { from: '2026-02-01', to: '2026-02-01' },
        { from: '2026-02-23', to: '2026-02-27' },
      ],
    });
    // By week: the bench's 13 weeks are whole; a range from a Wednesday to a Tuesday has days at both edges.
    expect(splitRange({ from: '2026-08-03', to: '2026-11-01' }, 'week')).toEqual({
      weeks: [{ from: '2026-08-03', to: '2026-10-26' }],
      days: [],
    });
    expect(splitRange({ from: '2026-09-02', to: '2026-09-15' }, 'week')).toEqual({
      weeks: [{ from: '2026-09-07', to: '2026-09-07' }],
      days: [
        { from: '2026-09-02', to: '2026-09-06' },
        { from: '2026-09-14', to: '2026-09-15' },
      ],
    });
    expect(splitRange({ from: '2026-09-02', to: '2026-09-05' }, 'week')).toEqual({
      weeks: [],
      days: [{ from: '2026-09-02', to: '2026-09-05' }],
    });
  });

  it('sums the daily changes per week and month, with type and stage each kept and summed over', () => {
    const base = {
      ownerId: '*',
      category: 'billing',
      channel: 'phone',
      value: 'x',
      n: 1,
      amount: 0,
    } as const;
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
        on: '2026-03-31',
        customerType: 'large-business',
        stageReached: 'attempt-1',
      },
      {
        ...base,
        measure: 'received',
        on: '2026-04-01',
        customerType: 'residential',
        stageReached: 'attempt-1',
        n: -1,
      },
    ]);
    const rollups = rollupChanges(changes).map((r) =>
      [r.span, r.customerType, r.stageReached, r.period, r.n].join(' '),
    );
    expect(rollups).toEqual([
      // Sorted by key (measure, span, type, stage, period, …): the month of March has both; the week of 30
      // March has 31 March's +1 and 1 April's -1, which cancel out where type is summed over and are left out.
      'month * * 2026-03 2',
      'month * * 2026-04 -1',
      'month * attempt-1 2026-03 2',
      'month * attempt-1 2026-04 -1',
      'month large-business * 2026-03 1',
      'month large-business attempt-1 2026-03 1',
      'month residential * 2026-03 1',
      'month residential * 2026-04 -1',
      'month residential attempt-1 2026-03 1',
      'month residential attempt-1 2026-04 -1',
      'week * * 2026-03-02 1',
      'week * attempt-1 2026-03-02 1',
      'week large-business * 2026-03-30 1',
      'week large-business attempt-1 2026-03-30 1',
      'week residential * 2026-03-02 1',
      'week residential * 2026-03-30 -1',
      'week residential attempt-1 2026-03-02 1',
      'week residential attempt-1 2026-03-30 -1',
    ]);
    // The remedies due are counted up to today from the daily totals, never from the rollups.
    expect(
      rollupChanges([
        {
          ...base,
          measure: 'remedy-due',
          on: '2026-03-02',
          customerType: 'residential',
          stageReached: 'deadlock',
        },
      ]),
    ).toEqual([]);
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
