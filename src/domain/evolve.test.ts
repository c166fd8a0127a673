import { describe, expect, it } from 'vitest';
import { evolve } from './evolve.ts';
import { agent, customer, director, reviewer, Story } from './test-support.ts';

const meta = { at: '2026-05-11T09:00:00.000Z', by: 'agent-1' };

describe('evolve', () => {
  it('leaves the complaint and its version alone for contacts and notes, which are kept beside it', () => {
    const { complaint } = new Story();
    const contact = evolve(
      complaint,
      {
        type: 'contact-logged',
        contactId: 'c1',
        channel: 'phone',
        direction: 'in',
        summary: 'Called',
        occurredAt: meta.at,
        visibleToCustomer: false,
      },
      meta,
    );
    expect(contact).toBe(complaint);
    expect(evolve(complaint, { type: 'note-added', noteId: 'n1', text: 'x' }, meta)).toBe(complaint);
  });

  it('bumps the version by one for every change', () => {
    const story = new Story();
    expect(story.complaint.version).toBe(2); // recorded, attempt 1 opened
    story.do({ type: 'assign', ownerId: 'agent-2' }, agent);
    expect(story.complaint.version).toBe(3);
    story.do({ type: 'add-note', text: 'Rang back' }, agent);
    expect(story.complaint.version).toBe(3);
    story.do({ type: 'not-practical', reason: 'Needs the billing team' }, agent);
    expect(story.complaint.version).toBe(5);
  });

  it('records who reviewed as the attempt’s handler, and who proposed when nobody reviewed', () => {
    const story = new Story();
    story.do(
      { type: 'propose', summary: 'Refund', steps: [{ description: 'Refund', ownerId: null }] },
      agent,
    );
    expect(story.complaint.attempts[0]?.handlerId).toBe('agent-1');
    story.do({ type: 'record-response', outcome: 'declined' }, customer);
    story.do({ type: 'record-review', findings: 'Tariff error' }, reviewer);
    story.do(
      { type: 'propose', summary: 'Credit', steps: [{ description: 'Credit', ownerId: null }] },
      director,
    );
    expect(story.complaint.attempts[1]).toMatchObject({
      handlerId: 'reviewer-1',
      review: { recordedBy: 'reviewer-1' },
      proposal: { proposedBy: 'director-1' },
    });
  });

  it('ends the attempt under way when the complaint is withdrawn mid-attempt', () => {
    const story = new Story();
    story.do({ type: 'record-review', findings: 'Looking' }, agent);
    story.do({ type: 'withdraw', reason: 'Resolved with the bank' }, agent);
    expect(story.complaint.attempts[0]).toMatchObject({
      phase: 'ended',
      outcome: 'withdrawn',
      endedAt: story.now.toISOString(),
    });
    expect(story.complaint.closure).toMatchObject({ reason: 'withdrawn', closedAt: story.now.toISOString() });
  });
});
