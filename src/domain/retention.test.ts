import { describe, expect, it } from 'vitest';
import { parseProcedure } from '../config/load.ts';
import { REDACTED, redactValue } from './redaction.ts';
import { keptUntil, retentionCutoff, retentionMonths } from './retention.ts';

describe('retention', () => {
  it('keeps a closed complaint 6 years by default, and 12 months after its latest ADR letter if that is later', () => {
    expect(retentionMonths({})).toBe(72);
    expect(keptUntil('2020-11-01', [], 72)).toBe('2026-11-01');
    const letter = { issuedOn: '2025-12-02', windowEndsOn: '2026-12-02' };
    expect(keptUntil('2020-11-01', [letter], 72)).toBe('2026-12-02');
    expect(keptUntil('2025-01-10', [{ issuedOn: '2025-01-10', windowEndsOn: '2026-01-10' }], 12)).toBe(
      '2026-01-10',
    );
    expect(retentionCutoff('2026-11-02', 72)).toBe('2020-11-02');
  });

  it('refuses a procedure that keeps records less than 12 months, naming the setting', () => {
    const result = parseProcedure({ retention: { monthsAfterClosure: 6 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        path: 'retention.monthsAfterClosure',
        message: expect.stringContaining('at least 12'),
      },
    ]);
    const ok = parseProcedure({ retention: { monthsAfterClosure: 24 } });
    expect(ok.ok && ok.procedure.retention).toEqual({ monthsAfterClosure: 24 });
  });
});

describe('redaction', () => {
  it('keeps codes, ids, dates and numbers and redacts every other string, unknown keys included', () => {
    const event = {
      type: 'complaint-recorded',
      complaint: {
        id: '01J0',
        reference: 'MISO-26-000001-E',
        category: 'billing',
        description: 'Charged twice, my name is Jo',
        firstExpressedAt: '2026-01-02T10:00:00.000Z',
        formal: true,
        steps: [{ description: 'Refund', dueOn: '2026-02-01', ownerId: 'u1' }],
        somethingNew: 'jo@example.org',
      },
      amountPence: 2499,
    };
    expect(redactValue(event)).toEqual({
      type: 'complaint-recorded',
      complaint: {
        id: '01J0',
        reference: 'MISO-26-000001-E',
        category: 'billing',
        description: REDACTED,
        firstExpressedAt: '2026-01-02T10:00:00.000Z',
        formal: true,
        steps: [{ description: REDACTED, dueOn: '2026-02-01', ownerId: 'u1' }],
        somethingNew: REDACTED,
      },
      amountPence: 2499,
    });
  });
});
