/**
 * Complaints at any point of the procedure in one call, built through the use cases (the domain decides every
 * step, as in life) rather than through a dozen HTTP requests: "a complaint at attempt 3 owned by a
 * director". What the test is about stays in the test; how the complaint got there is here.
 */
import { issueCommand } from '../../src/app/issue-command.ts';
import { type ComplaintFacts, recordComplaint } from '../../src/app/record-complaint.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { Complaint } from '../../src/domain/complaint.ts';
import { STAFF, type StaffName, type TestApi } from './api.ts';

export type FactoryStage = 'attempt-1' | 'attempt-2' | 'attempt-3' | 'deadlock';

export interface ComplaintSpec {
  /** Where the complaint is: each attempt reached by escalation after a recorded review. */
  at: FactoryStage;
  /** Who owns it at the end (a member of staff of the harness), or null for the stage's queue. */
  owner?: 'agent' | 'reviewer' | 'director' | 'director2' | null;
  facts?: Partial<ComplaintFacts>;
}

/** A complaint built to `spec`; returns it as stored. */
export async function complaintAt(t: TestApi, spec: ComplaintSpec): Promise<Complaint> {
  const as = (name: StaffName): Actor => ({ kind: 'staff', id: t.users[name].id, roles: [...STAFF[name]] });
  const { reference } = await recordComplaint(
    t.ctx,
    {
      customer: { name: 'Jo Bloggs', email: 'jo@example.org', phone: '01632 960 123' },
      channel: 'phone',
      category: 'billing',
      description: 'Charged twice for October.',
      desiredOutcome: 'A refund',
      ...spec.facts,
    },
    as('agent'),
  );
  const run = (who: StaffName, command: Parameters<typeof issueCommand>[2]) =>
    issueCommand(t.ctx, reference, command, as(who));
  let complaint: Complaint | undefined;
  if (spec.at !== 'attempt-1') {
    await run('agent', { type: 'not-practical', reason: 'Needs a detailed review' });
    await run('reviewer', { type: 'take' });
    complaint = await run('reviewer', { type: 'record-review', findings: 'Looked at the billing records' });
  }
  if (spec.at === 'attempt-3' || spec.at === 'deadlock') {
    await run('reviewer', { type: 'escalate', reason: 'The customer asked for a director' });
    await run('director', { type: 'take' });
    complaint = await run('director', { type: 'record-review', findings: 'A director looked again' });
  }
  if (spec.at === 'deadlock') {
    complaint = await run('director', { type: 'declare-deadlock', reason: 'Nothing more we can offer' });
  }
  if (spec.owner !== undefined) {
    complaint = await run('director', {
      type: 'assign',
      ownerId: spec.owner === null ? null : t.users[spec.owner].id,
    });
  }
  if (!complaint) {
    complaint = await run('agent', { type: 'add-note', text: 'Made by the test factory' });
  }
  return complaint;
}
