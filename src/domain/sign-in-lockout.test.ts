import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, lockoutAfter, secondsLocked } from './sign-in-lockout.ts';

describe('sign-in lockout', () => {
  it('lets four failures pass, then locks for 1, 2, 4 … minutes, never more than an hour', () => {
    expect([1, 2, 3, 4].map(lockoutAfter)).toEqual([0, 0, 0, 0]);
    expect(FREE_FAILURES).toBe(5);
    expect([5, 6, 7, 8, 9, 10, 11, 50].map((n) => lockoutAfter(n) / 60_000)).toEqual([
      1, 2, 4, 8, 16, 32, 60, 60,
    ]);
  });

  it('counts whole seconds left, rounding up, and nothing once the time has passed', () => {
    const now = new Date('2026-11-02T10:00:00Z');
    expect(secondsLocked('2026-11-02T10:00:59.200Z', now)).toBe(60);
    expect(secondsLocked('2026-11-02T10:00:00Z', now)).toBe(0);
    expect(secondsLocked(null, now)).toBe(0);
  });
});
