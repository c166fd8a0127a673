import { describe, expect, it } from 'vitest';
import type { Event } from '../domain/commands.ts';
import { customerEmailsFor } from './notify-customer.ts';

describe('which events the customer is emailed about', () => {
  it('emails proposals, the follow-up question, escalations, ADR letters and closures', () => {
    const events: Event[] = [
      { type: 'proposal-made', attempt: 1, summary: 'Refund', steps: [] },
      { type: 'step-completed', stepId: 's1', note: null, followUpDueOn: null },
      { type: 'step-completed', stepId: 's2', note: null, followUpDueOn: '2026-11-10' },
      { type: 'follow-up-recorded', attempt: 1, outcome: 'no-response', note: null },
      { type: 'escalated', from: 1, to: 2, reason: 'declined' },
      { type: 'adr-letter-issued', letterId: 'l', trigger: 'deadlock', issuedOn: 'a', windowEndsOn: 'b' },
      { type: 'closed', reason: 'resolved', rootCause: null, lessons: null },
    ];
    expect(customerEmailsFor(events).map((e) => e.kind)).toEqual([
      'proposal',
      'follow-up',
      'follow-up',
      'escalation',
      'adr-letter',
      'closure',
    ]);
  });

  it('does not email internal events', () => {
    const events: Event[] = [
      { type: 'note-added', noteId: 'n', text: 'internal' },
      { type: 'assigned', ownerId: null },
      { type: 'review-recorded', attempt: 2, findings: 'x' },
      { type: 'follow-up-recorded', attempt: 1, outcome: 'satisfied', note: null },
      { type: 'deadlock-declared', reason: 'x', declared: true },
    ];
    expect(customerEmailsFor(events)).toEqual([]);
  });
});
