import { describe, expect, it } from 'vitest';
import { narrow } from './list-complaints.ts';

describe('narrowing a queue with more filters', () => {
  it('keeps both conditions', () => {
    expect(
      narrow({ stage: ['initiation', 'attempt-1'] }, { stage: ['attempt-1', 'attempt-2'] }),
    ).toMatchObject({
      stage: ['attempt-1'],
    });
    expect(narrow({ adrDueWithinDays: 7 }, { adrDueWithinDays: 30 })).toMatchObject({ adrDueWithinDays: 7 });
    expect(narrow({ overdue: true, open: true }, { text: 'router' })).toMatchObject({
      overdue: true,
      open: true,
      text: 'router',
    });
  });

  it('matches nothing when the two contradict each other', () => {
    expect(narrow({ stage: ['attempt-2'] }, { stage: ['closed'] })).toBeNull();
    expect(narrow({ owner: 'me-id', open: true }, { owner: 'someone-else' })).toBeNull();
    expect(narrow({ open: false }, { open: true })).toBeNull();
  });

  it('lets the caller choose the order', () => {
    expect(narrow({ sort: 'adr-due', order: 'asc' }, { order: 'desc' })).toMatchObject({
      sort: 'adr-due',
      order: 'desc',
    });
  });
});
