import { describe, expect, it } from 'vitest';
import { takeAnswer } from './answer.ts';

describe('takeAnswer', () => {
  it('gives the answer in a new object and leaves the one the pool resolved with empty', () => {
    const rows = [{ id: 1 }];
    const answered = { rows, blobs: false };
    const taken = takeAnswer(answered);
    expect(taken).toEqual({ rows, blobs: false });
    expect(taken.rows).toBe(rows);
    expect(answered).toEqual({});
  });
});
