import { describe, expect, it } from 'vitest';
import { MISO_PROCEDURE } from '../config/miso.ts';
import { COMMAND_TYPES } from './commands.ts';
import { POLICY, permits } from './policy.ts';
import type { Procedure } from './procedure.ts';
import { agent, customer, director, otherCustomer, reviewer, Story, staff, system } from './test-support.ts';

describe('permits', () => {
  it('gives the clock only its own three commands', () => {
    const { complaint } = new Story();
    const clockCommands = COMMAND_TYPES.filter(
      (type) => permits(complaint, type, system, MISO_PROCEDURE) === null,
    );
    expect(clockCommands).toEqual([
      'issue-time-limit-adr-letter',
      'close-no-response',
      'close-adr-window-expired',
    ]);
    expect(clockCommands.every((type) => Object.keys(POLICY[type].staff).length === 0)).toBe(true);
  });

  it('gives a customer only the response, the follow-up and the contact log, on their own complaint', () => {
    const { complaint } = new Story();
    const mine = COMMAND_TYPES.filter((type) => permits(complaint, type, customer, MISO_PROCEDURE) === null);
    expect(mine).toEqual(['record-response', 'record-follow-up', 'log-contact']);
    const theirs = COMMAND_TYPES.filter(
      (type) => permits(complaint, type, otherCustomer, MISO_PROCEDURE) === null,
    );
    expect(theirs).toEqual([]);
  });

  it('takes the roles for reviews and proposals from the procedure’s stage', () => {
    const story = new Story();
    story.do({ type: 'not-practical', reason: 'Needs the billing team' }, agent);
    expect(permits(story.complaint, 'record-review', agent, MISO_PROCEDURE)).toMatchObject({
      code: 'forbidden',
    });
    const agentsAtAttempt2: Procedure = {
      ...MISO_PROCEDURE,
      stages: {
        ...MISO_PROCEDURE.stages,
        'attempt-2': { ...MISO_PROCEDURE.stages['attempt-2'], roles: ['agent'] },
      },
    };
    expect(permits(story.complaint, 'record-review', agent, agentsAtAttempt2)).toBeNull();
    expect(permits(story.complaint, 'record-review', reviewer, agentsAtAttempt2)).toMatchObject({
      code: 'forbidden',
    });
  });

  it('says which roles a refused command needs', () => {
    const story = new Story();
    story.do({ type: 'declare-deadlock', reason: 'Nothing further' }, director);
    expect(permits(story.complaint, 'close', agent, MISO_PROCEDURE)).toEqual({
      code: 'forbidden',
      message: 'close at deadlock needs the role reviewer or director',
    });
    expect(permits(story.complaint, 'not-practical', staff('x', 'admin'), MISO_PROCEDURE)).toEqual({
      code: 'forbidden',
      message: 'not-practical at deadlock is not open to staff',
    });
  });

  it('applies the objectivity rule to reviewing, proposing and declaring deadlock at attempt 3 only', () => {
    const story = new Story();
    story.do({ type: 'not-practical', reason: 'Needs a director' }, agent);
    story.do({ type: 'record-review', findings: 'Looked into it' }, director);
    // At attempt 2 the same director may go on to propose.
    expect(permits(story.complaint, 'propose', director, MISO_PROCEDURE)).toBeNull();
    story.do({ type: 'escalate', reason: 'Customer asked' }, director);
    expect(story.complaint.stage).toBe('attempt-3');
    expect(permits(story.complaint, 'record-review', director, MISO_PROCEDURE)).toMatchObject({
      code: 'objectivity',
    });
    // Deadlock ends the director-level review, so it is that review's decision too.
    expect(permits(story.complaint, 'declare-deadlock', director, MISO_PROCEDURE)).toMatchObject({
      code: 'objectivity',
    });
    // Other decisions at attempt 3 stay open to them.
    expect(permits(story.complaint, 'assign', director, MISO_PROCEDURE)).toBeNull();
    expect(permits(story.complaint, 'withdraw', director, MISO_PROCEDURE)).toBeNull();
  });
});
