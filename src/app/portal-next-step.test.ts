import { describe, expect, it } from 'vitest';
import type { Command } from '../domain/commands.ts';
import { agent, customer, director, reviewer, Story } from '../domain/test-support.ts';
import { adrInWords, nextStep } from './portal-next-step.ts';

const propose: Command = {
  type: 'propose',
  summary: 'Refund',
  steps: [{ description: 'Refund', ownerId: null }],
};

describe('what the portal says happens next', () => {
  it('names the agreed steps’ date, and what follows if they do not put things right', () => {
    const story = new Story(); // Monday 11 May 2026
    expect(nextStep(story.complaint, story.procedure)?.text).toContain('again at a more senior level');
    story.do(propose, agent);
    story.do({ type: 'record-response', outcome: 'agreed' }, customer);
    const next = nextStep(story.complaint, story.procedure);
    expect(next?.by).toMatch(/^2026-05-/);
    expect(next?.text).toMatch(/^We will carry out the steps we agreed by \d+ May 2026\./);
  });

  it('at attempt 3 says the ADR letter follows, and at deadlock until when the scheme can be used', () => {
    const story = new Story();
    story.do(propose, agent);
    story.do({ type: 'record-response', outcome: 'declined' }, customer);
    story.do({ type: 'record-review', findings: 'Double billed' }, reviewer);
    story.do(propose, reviewer);
    story.do({ type: 'record-response', outcome: 'declined' }, customer);
    story.do({ type: 'record-review', findings: 'Final position' }, director);
    story.do(propose, director);
    expect(nextStep(story.complaint, story.procedure)?.text).toContain('we will send you our ADR letter');
    story.do({ type: 'record-response', outcome: 'declined' }, customer);
    expect(story.complaint.stage).toBe('deadlock');
    expect(nextStep(story.complaint, story.procedure)).toEqual({
      text: expect.stringContaining('until 10 May 2027'),
      by: '2027-05-10',
    });
    expect(adrInWords(story.complaint, story.procedure)).toEqual({
      from: '2026-05-11',
      text: expect.stringMatching(/^We sent you an ADR letter on 11 May 2026: .* until 10 May 2027\.$/),
    });
  });

  it('gives the ADR time limit while open, and says a larger business cannot use the scheme', () => {
    const residential = new Story();
    expect(adrInWords(residential.complaint, residential.procedure)).toEqual({
      from: '2026-06-22',
      text: expect.stringContaining('If your complaint is not resolved by 22 June 2026'),
    });
    const large = new Story({ facts: { customerType: 'large-business' } });
    expect(adrInWords(large.complaint, large.procedure)).toEqual({
      from: null,
      text: expect.stringContaining('we cannot refer your complaint to a scheme'),
    });
  });
});
