import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './job-backoff.ts';

describe('retryDelayMs', () => {
  it('doubles from the base after each failed try, up to the cap', () => {
    const policy = { baseMs: 1_000, maxMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });
});
