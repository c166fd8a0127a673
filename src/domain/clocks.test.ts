import { describe, expect, it } from 'vitest';
import { CISAS, MISO_PROCEDURE } from '../config/miso.ts';
import {
  adrDueOn,
  adrLimitWeeks,
  adrWarningDates,
  adrWindowEndsOn,
  noResponseCloseOn,
  overdueSteps,
  remedyDueOn,
  timeLimitAdrLetterDue,
} from './clocks.ts';
import type { Procedure } from './procedure.ts';
import { customer, DAY_MS, reviewer, Story } from './test-support.ts';

const at = (firstExpressedAt: string) => ({ firstExpressedAt });

describe('the ADR time limit', () => {
  it('is 6 weeks after the London date of first expression from 8 April 2026', () => {
    expect(adrDueOn(at('2026-04-08T09:00:00Z'), MISO_PROCEDURE)).toBe('2026-05-20');
    expect(adrDueOn(at('2026-06-15T12:00:00Z'), MISO_PROCEDURE)).toBe('2026-07-27');
  });

  it('is 8 weeks for complaints first expressed before 8 April 2026', () => {
    expect(adrDueOn(at('2026-04-01T09:00:00Z'), MISO_PROCEDURE)).toBe('2026-05-27');
    expect(adrDueOn(at('2026-04-07T12:00:00Z'), MISO_PROCEDURE)).toBe('2026-06-02');
  });

  it('counts from the London date: 23:30Z on 7 April 2026 is 8 April in BST, so 6 weeks', () => {
    expect(adrDueOn(at('2026-04-07T23:30:00Z'), MISO_PROCEDURE)).toBe('2026-05-20');
    expect(adrLimitWeeks(MISO_PROCEDURE.timescales, '2026-04-07')).toBe(8);
    expect(adrLimitWeeks(MISO_PROCEDURE.timescales, '2026-04-08')).toBe(6);
  });

  it('counts from the London date in winter too: 23:30Z on 10 January is still 10 January', () => {
    expect(adrDueOn(at('2027-01-10T23:30:00Z'), MISO_PROCEDURE)).toBe('2027-02-21');
  });

  it('warns staff at weeks 4 and 5 of a 6-week limit', () => {
    expect(adrWarningDates(at('2026-05-11T08:00:00Z'), MISO_PROCEDURE)).toEqual(['2026-06-08', '2026-06-15']);
  });

  it('shifts the warnings to weeks 6 and 7 of an 8-week limit, keeping them as close to it', () => {
    expect(adrWarningDates(at('2026-04-01T08:00:00Z'), MISO_PROCEDURE)).toEqual(['2026-05-13', '2026-05-20']);
  });

  it('follows the procedure’s timescales', () => {
    const procedure: Procedure = {
      ...MISO_PROCEDURE,
      timescales: { ...MISO_PROCEDURE.timescales, adrLimitWeeks: 4, adrWarningWeeks: [3] },
    };
    expect(adrDueOn(at('2026-05-11T08:00:00Z'), procedure)).toBe('2026-06-08');
    expect(adrWarningDates(at('2026-05-11T08:00:00Z'), procedure)).toEqual(['2026-06-01']);
  });
});

describe('timeLimitAdrLetterDue', () => {
  const firstExpressedAt = '2026-05-11T08:00:00Z';

  it('becomes due at the start of the London day of the limit, not before', () => {
    const story = new Story({ facts: { firstExpressedAt } });
    // Due 22 June 2026; in BST that day starts at 23:00Z on the 21st.
    expect(timeLimitAdrLetterDue(story.complaint, MISO_PROCEDURE, new Date('2026-06-21T22:59:59Z'))).toBe(
      false,
    );
    expect(timeLimitAdrLetterDue(story.complaint, MISO_PROCEDURE, new Date('2026-06-21T23:00:00Z'))).toBe(
      true,
    );
  });

  it('is not due for a large-business customer, who cannot use ADR', () => {
    const story = new Story({ facts: { firstExpressedAt, customerType: 'large-business' } });
    expect(timeLimitAdrLetterDue(story.complaint, MISO_PROCEDURE, new Date('2026-09-01T12:00:00Z'))).toBe(
      false,
    );
  });

  it('is due for small businesses and not-for-profits', () => {
    for (const customerType of ['small-business', 'not-for-profit'] as const) {
      const story = new Story({ facts: { firstExpressedAt, customerType } });
      expect(timeLimitAdrLetterDue(story.complaint, MISO_PROCEDURE, new Date('2026-09-01T12:00:00Z'))).toBe(
        true,
      );
    }
  });
});

describe('adrWindowEndsOn', () => {
  it('is 12 months less a day after the letter', () => {
    expect(adrWindowEndsOn('2026-06-22', MISO_PROCEDURE)).toBe('2027-06-21');
    expect(adrWindowEndsOn('2027-01-01', MISO_PROCEDURE)).toBe('2027-12-31');
    expect(adrWindowEndsOn('2027-03-01', MISO_PROCEDURE)).toBe('2028-02-29');
  });

  it('runs to the end of February for a letter of 29 February', () => {
    expect(adrWindowEndsOn('2028-02-29', MISO_PROCEDURE)).toBe('2029-02-28');
  });
});

describe('remedyDueOn', () => {
  it('is 28 calendar days after acceptance for the Communications Ombudsman', () => {
    expect(remedyDueOn('2026-12-01', MISO_PROCEDURE)).toBe('2026-12-29');
    expect(remedyDueOn('2026-05-11', MISO_PROCEDURE)).toBe('2026-06-08');
  });

  it('is 20 working days after acceptance for CISAS, skipping weekends and bank holidays', () => {
    const cisas: Procedure = { ...MISO_PROCEDURE, adrScheme: CISAS };
    // Mon 11 May 2026: four weeks of working days, less the Spring bank holiday on 25 May.
    expect(remedyDueOn('2026-05-11', cisas)).toBe('2026-06-09');
    // Tue 1 Dec 2026: 22 working days in December less Christmas and the 28th, then into January.
    expect(remedyDueOn('2026-12-01', cisas)).toBe('2026-12-31');
    expect(remedyDueOn('2026-12-10', cisas)).toBe('2027-01-12');
  });
});

describe('the follow-up clocks', () => {
  it('closes a chased follow-up for no response 28 days after the chase', () => {
    const story = new Story();
    story.proposeAgreeAndComplete(reviewer);
    expect(noResponseCloseOn(story.complaint, MISO_PROCEDURE)).toBeNull();
    story.do({ type: 'record-follow-up', outcome: 'no-response' }, reviewer);
    expect(noResponseCloseOn(story.complaint, MISO_PROCEDURE)).toBe('2026-06-08');
  });

  it('lists the agreed steps past their date and not done', () => {
    const story = new Story();
    story.do(
      {
        type: 'propose',
        summary: 'Refund and apology',
        steps: [
          { description: 'Refund', ownerId: null, dueOn: '2026-05-12' },
          { description: 'Apology', ownerId: null, dueOn: '2026-05-20' },
        ],
      },
      reviewer,
    );
    expect(overdueSteps(story.complaint, new Date('2026-05-13T12:00:00Z'))).toEqual([]);
    story.do({ type: 'record-response', outcome: 'agreed' }, customer);
    const now = new Date(new Date('2026-05-13T12:00:00Z').getTime());
    expect(overdueSteps(story.complaint, now).map((s) => s.description)).toEqual(['Refund']);
    expect(overdueSteps(story.complaint, new Date(now.getTime() + 8 * DAY_MS)).length).toBe(2);
    expect(overdueSteps(story.complaint, new Date('2026-05-12T22:59:00Z'))).toEqual([]);
  });
});
