import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../domain/calendar.ts';
import { loadProcedure, parseProcedure } from './load.ts';
import { CISAS, COMMUNICATIONS_OMBUDSMAN, MISO_PROCEDURE } from './miso.ts';
import { procedureSchema } from './schema.ts';

function problemsOf(document: unknown) {
  const result = parseProcedure(document);
  if (result.ok) throw new Error('expected the procedure to be refused');
  return result.problems;
}

describe("Miso's procedure", () => {
  it('passes its own schema unchanged', () => {
    expect(procedureSchema.parse(MISO_PROCEDURE)).toEqual(MISO_PROCEDURE);
  });

  it('carries the 2026 rules: 6 weeks (8 before 8 April 2026), warnings at 4 and 5, 12 months, 28 days', () => {
    expect(MISO_PROCEDURE.timescales).toMatchObject({
      adrLimitWeeks: 6,
      adrLimitWeeksBefore: 8,
      adrLimitChangedOn: '2026-04-08',
      adrWarningWeeks: [4, 5],
      adrWindowMonths: 12,
      noResponseCloseDays: 28,
    });
    expect(MISO_PROCEDURE.attempt3ReviewerMustDiffer).toBe(true);
    expect(MISO_PROCEDURE.stages['attempt-3'].roles).toEqual(['director']);
  });

  it('names the Communications Ombudsman as the seed does, renamed', () => {
    expect(MISO_PROCEDURE.adrScheme).toBe(COMMUNICATIONS_OMBUDSMAN);
    expect(COMMUNICATIONS_OMBUDSMAN).toMatchObject({
      address: { lines: ['PO Box 730'], town: 'Warrington', postcode: 'WA4 6WU' },
      phone: '0330 440 1614',
      textphone: '0330 440 1600',
      maxAwardPence: 1_000_000,
      remedyDays: 28,
      remedyDaysAreWorkingDays: false,
    });
    expect(COMMUNICATIONS_OMBUDSMAN.website).toContain('commsombudsman.org');
  });

  it('implements CISAS decisions within 20 working days', () => {
    expect(CISAS).toMatchObject({ id: 'cisas', remedyDays: 20, remedyDaysAreWorkingDays: true });
  });
});

describe('parseProcedure', () => {
  it('gives Miso’s procedure for an empty document', () => {
    expect(parseProcedure({})).toEqual({ ok: true, procedure: MISO_PROCEDURE });
  });

  it('merges objects key by key onto the default and replaces arrays and values', () => {
    const result = parseProcedure({
      company: { name: 'Acme Telecom Ltd', address: { lines: ['1 High Street'] } },
      timescales: { adrWarningWeeks: [3] },
      categories: ['billing', 'other'],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { procedure } = result;
    expect(procedure.company.name).toBe('Acme Telecom Ltd');
    expect(procedure.company.phone).toBe(MISO_PROCEDURE.company.phone);
    expect(procedure.company.address).toEqual({
      ...MISO_PROCEDURE.company.address,
      lines: ['1 High Street'],
    });
    expect(procedure.timescales).toEqual({ ...MISO_PROCEDURE.timescales, adrWarningWeeks: [3] });
    expect(procedure.categories).toEqual(['billing', 'other']);
  });

  it('picks the CISAS preset by name', () => {
    expect(parseProcedure({ adrScheme: 'cisas' })).toEqual({
      ok: true,
      procedure: { ...MISO_PROCEDURE, adrScheme: CISAS },
    });
  });

  it('refuses an unknown preset, naming the ones there are', () => {
    expect(problemsOf({ adrScheme: 'ombudsman' })).toEqual([
      { path: 'adrScheme', message: 'must be an object or one of communications-ombudsman, cisas' },
    ]);
  });

  it('names each unknown setting by its path', () => {
    expect(problemsOf({ timescales: { adrLimitWeek: 6 }, colour: 'blue' })).toEqual(
      expect.arrayContaining([
        { path: 'timescales.adrLimitWeek', message: 'is not a setting Redress knows' },
        { path: 'colour', message: 'is not a setting Redress knows' },
      ]),
    );
  });

  it('names each bad value by its path', () => {
    const paths = problemsOf({
      company: { email: 'not an email', address: { postcode: 'XYZ' } },
      timescales: { noResponseCloseDays: 0, adrLimitChangedOn: '2026-02-30' },
      crn: { prefix: 'miso' },
      bankHolidays: ['2026-12-25', '25/12/2026'],
    }).map((p) => p.path);
    expect(paths.sort()).toEqual([
      'bankHolidays.1',
      'company.address.postcode',
      'company.email',
      'crn.prefix',
      'timescales.adrLimitChangedOn',
      'timescales.noResponseCloseDays',
    ]);
  });

  it('refuses values of the wrong type, checking no further rule on them', () => {
    expect(problemsOf({ timescales: { adrWarningWeeks: 5 } })).toEqual([
      { path: 'timescales.adrWarningWeeks', message: expect.any(String) },
    ]);
    expect(problemsOf({ stages: { 'attempt-3': { roles: 'director' } } })).toEqual([
      { path: 'stages.attempt-3.roles', message: expect.any(String) },
    ]);
    expect(problemsOf({ timescales: { adrLimitWeeks: '6' } })).toEqual([
      { path: 'timescales.adrLimitWeeks', message: expect.any(String) },
    ]);
  });

  it('refuses a warning at or after the ADR limit', () => {
    expect(problemsOf({ timescales: { adrWarningWeeks: [4, 6] } })).toEqual([
      {
        path: 'timescales.adrWarningWeeks',
        message: 'a warning at week 6 comes at or after the 6-week ADR limit',
      },
    ]);
  });

  it('refuses an attempt 3 that nobody may review', () => {
    expect(problemsOf({ stages: { 'attempt-3': { roles: [] } } })).toEqual([
      { path: 'stages.attempt-3.roles', message: 'needs at least one role' },
    ]);
  });

  it('seeds the telecoms root causes, and asks for one from attempt 2', () => {
    expect(MISO_PROCEDURE.rootCauses.map((c) => c.code)).toEqual([
      'billing-error',
      'fault-repair',
      'provisioning-delay',
      'missed-appointment',
      'mis-selling',
      'contract-cancellation',
      'customer-service-conduct',
      'equipment',
      'other',
    ]);
    expect(MISO_PROCEDURE.rootCauseRequiredAt).toEqual(['attempt-2', 'attempt-3', 'deadlock']);
  });

  it('explains a bad root-cause tree by path: a code reused, a bad code, no `other`, an unknown stage', () => {
    expect(
      problemsOf({
        rootCauses: [
          { code: 'billing', label: 'Billing', children: [{ code: 'Bad Code', label: 'x' }] },
          { code: 'faults', label: 'Faults', children: [{ code: 'billing', label: 'Again' }] },
        ],
        rootCauseRequiredAt: ['closed'],
      }),
    ).toEqual(
      expect.arrayContaining([
        { path: 'rootCauses.0.children.0.code', message: expect.stringContaining('lower-case words') },
        { path: 'rootCauseRequiredAt.0', message: expect.any(String) },
      ]),
    );
    expect(
      problemsOf({
        rootCauses: [
          { code: 'billing', label: 'Billing' },
          { code: 'faults', label: 'Faults', children: [{ code: 'billing', label: 'Again' }] },
        ],
      }),
    ).toEqual([
      {
        path: 'rootCauses.1.children.0.code',
        message: 'repeats the code "billing" of rootCauses.0.code',
      },
      { path: 'rootCauses', message: expect.stringContaining('"other"') },
    ]);
  });

  it('takes a replacement bank-holiday list', () => {
    const bankHolidays = [...ENGLAND_AND_WALES_BANK_HOLIDAYS, '2031-01-01'];
    expect(parseProcedure({ bankHolidays })).toMatchObject({ ok: true, procedure: { bankHolidays } });
  });

  it('refuses a document that is not an object', () => {
    for (const document of [null, [], 'cisas', 42]) {
      expect(problemsOf(document)).toEqual([{ path: '(file)', message: 'must be a JSON object' }]);
    }
  });
});

describe('loadProcedure', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'redress-procedure-'));
  const file = (name: string, text: string) => {
    const at = path.join(dir, name);
    writeFileSync(at, text);
    return at;
  };

  it('gives Miso’s procedure when there is no file', () => {
    expect(loadProcedure()).toEqual({ ok: true, procedure: MISO_PROCEDURE });
  });

  it('reads the overrides from a JSON file', () => {
    const result = loadProcedure(file('acme.json', JSON.stringify({ crn: { prefix: 'ACME' } })));
    expect(result).toMatchObject({ ok: true, procedure: { crn: { prefix: 'ACME', sequenceDigits: 6 } } });
  });

  it('says when the file cannot be read or is not JSON', () => {
    expect(loadProcedure(path.join(dir, 'missing.json'))).toMatchObject({
      ok: false,
      problems: [{ path: '(file)', message: expect.stringMatching(/^cannot be read: /) }],
    });
    expect(loadProcedure(file('broken.json', '{ "crn": '))).toMatchObject({
      ok: false,
      problems: [{ path: '(file)', message: expect.stringMatching(/^is not valid JSON: /) }],
    });
  });
});
