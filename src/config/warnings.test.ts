import { describe, expect, it } from 'vitest';
import { MISO_PROCEDURE } from './miso.ts';
import { procedureWarnings } from './warnings.ts';

describe('procedure warnings', () => {
  it('has none for Miso’s procedure today', () => {
    expect(procedureWarnings(MISO_PROCEDURE, '2026-11-28')).toEqual([]);
  });

  it('warns when the shipped bank holidays run out', () => {
    expect(procedureWarnings(MISO_PROCEDURE, '2030-03-01')[0]).toMatch(/ends in 2030/);
  });

  it('warns about ADR limits longer than Ofcom allows', () => {
    const timescales = { ...MISO_PROCEDURE.timescales, adrLimitWeeks: 8, adrLimitWeeksBefore: 9 };
    const warnings = procedureWarnings({ ...MISO_PROCEDURE, timescales }, '2026-11-28');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/at most 6/);
    expect(warnings[1]).toMatch(/at most 8/);
  });
});
