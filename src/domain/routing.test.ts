import { describe, expect, it } from 'vitest';
import { MISO_PROCEDURE } from '../config/miso.ts';
import type { AssignmentMode, Procedure } from './procedure.ts';
import { neededRole, pickOwner, type RoutingCandidate, routeOwner } from './routing.ts';
import { agent, customer, director, reviewer, Story } from './test-support.ts';

const withMode = (assignment: AssignmentMode): Procedure => ({
  ...MISO_PROCEDURE,
  routing: { ...MISO_PROCEDURE.routing, assignment },
});

const candidates: RoutingCandidate[] = [
  { id: 'rev-a', openComplaints: 9, lastRoutedAt: '2026-05-11T09:00:00.000Z' },
  { id: 'rev-b', openComplaints: 2, lastRoutedAt: '2026-05-11T10:00:00.000Z' },
  { id: 'rev-c', openComplaints: 5, lastRoutedAt: null },
];

/** An agent's complaint just escalated to attempt 2. */
function escalated() {
  const story = new Story();
  const before = story.complaint;
  story.do({ type: 'not-practical', reason: 'Needs investigation' }, agent);
  return { before, after: story.complaint, story };
}

describe('routing on a change of stage', () => {
  it('sends a complaint whose owner lacks the new stage’s role to that stage’s queue', () => {
    const { before, after } = escalated();
    expect(after.ownerId).toBe('agent-1');
    const event = routeOwner({
      before,
      after,
      ownerRoles: ['agent'],
      candidates,
      actor: agent,
      procedure: MISO_PROCEDURE,
    });
    expect(event).toEqual({ type: 'assigned', ownerId: null, routed: 'queue' });
    expect(neededRole(MISO_PROCEDURE, { ...after, ownerId: null })).toBe('reviewer');
  });

  it('keeps an owner who may work at the new stage', () => {
    const { before, after } = escalated();
    const input = { before, after, candidates, actor: agent, procedure: MISO_PROCEDURE };
    expect(routeOwner({ ...input, ownerRoles: ['agent', 'reviewer'] })).toBeNull();
    // An owner who has left (no roles) does not keep it.
    expect(routeOwner({ ...input, ownerRoles: null })).toMatchObject({ ownerId: null });
  });

  it('gives it to the candidate waiting longest (round-robin) or with least open work (least-loaded)', () => {
    const { before, after } = escalated();
    const input = { before, after, ownerRoles: ['agent'] as const, candidates, actor: agent };
    expect(routeOwner({ ...input, procedure: withMode('round-robin') })).toEqual({
      type: 'assigned',
      ownerId: 'rev-c',
      routed: 'round-robin',
    });
    expect(routeOwner({ ...input, procedure: withMode('least-loaded') })).toEqual({
      type: 'assigned',
      ownerId: 'rev-b',
      routed: 'least-loaded',
    });
    // Nobody holds the role: the stage's queue.
    expect(routeOwner({ ...input, candidates: [], procedure: withMode('round-robin') })).toEqual({
      type: 'assigned',
      ownerId: null,
      routed: 'queue',
    });
    expect(pickOwner(withMode('queue'), candidates)).toBeNull();
  });

  it('does nothing when the stage did not change, or the complaint closed', () => {
    const story = new Story();
    const before = story.complaint;
    story.do({ type: 'record-review', findings: 'x' }, agent);
    const input = { ownerRoles: ['agent'] as const, candidates, actor: agent, procedure: MISO_PROCEDURE };
    expect(routeOwner({ ...input, before, after: story.complaint })).toBeNull();
    story.do({ type: 'withdraw', reason: 'Sorted' }, agent);
    expect(routeOwner({ ...input, before, after: story.complaint })).toBeNull();
  });

  it('gives a deadlocked complaint nobody owns to the director who declared it, to track the referral', () => {
    const story = new Story({ facts: { ownerId: null } });
    const before = story.complaint;
    story.do({ type: 'declare-deadlock', reason: 'Final' }, director);
    const input = { before, after: story.complaint, ownerRoles: null, candidates, procedure: MISO_PROCEDURE };
    expect(routeOwner({ ...input, actor: director })).toEqual({ type: 'assigned', ownerId: 'director-1' });
  });

  it('at deadlock reached by the customer, gives it to whoever handled the last attempt', () => {
    const story = new Story({ facts: { ownerId: null } });
    story.do({ type: 'not-practical', reason: 'x' }, agent);
    story.do({ type: 'record-review', findings: 'x' }, reviewer);
    story.do({ type: 'escalate', reason: 'x' }, reviewer);
    story.do({ type: 'record-review', findings: 'Final look' }, director);
    story.proposeAgreeAndComplete(director);
    const before = story.complaint;
    story.do({ type: 'record-follow-up', outcome: 'not-satisfied' }, customer);
    expect(story.complaint.stage).toBe('deadlock');
    expect(
      routeOwner({
        before,
        after: story.complaint,
        ownerRoles: null,
        candidates,
        actor: customer,
        procedure: MISO_PROCEDURE,
      }),
    ).toEqual({ type: 'assigned', ownerId: 'director-1' });
  });
});

describe('routing to the director-level review', () => {
  it('takes attempt 3 away from the director who handled attempt 2 (objectivity)', () => {
    const story = new Story();
    story.do({ type: 'not-practical', reason: 'x' }, agent);
    story.do({ type: 'assign', ownerId: 'director-1' }, director);
    story.do({ type: 'record-review', findings: 'x' }, director);
    const before = story.complaint;
    story.do({ type: 'escalate', reason: 'Wants a director' }, director);
    const input = {
      before,
      after: story.complaint,
      ownerRoles: ['director'] as const,
      candidates: [],
      actor: director,
    };
    expect(routeOwner({ ...input, procedure: MISO_PROCEDURE })).toEqual({
      type: 'assigned',
      ownerId: null,
      routed: 'queue',
    });
    expect(
      routeOwner({ ...input, procedure: { ...MISO_PROCEDURE, attempt3ReviewerMustDiffer: false } }),
    ).toBeNull();
  });
});

describe('routing the director-level review in turn', () => {
  it('never gives it to the director who handled attempt 2, even when it is their turn', () => {
    const story = new Story();
    story.do({ type: 'not-practical', reason: 'x' }, agent);
    story.do({ type: 'assign', ownerId: 'director-1' }, director);
    story.do({ type: 'record-review', findings: 'x' }, director);
    const before = story.complaint;
    story.do({ type: 'escalate', reason: 'Wants a director' }, director);
    const inTurn: RoutingCandidate[] = [
      { id: 'director-1', openComplaints: 0, lastRoutedAt: null },
      { id: 'director-2', openComplaints: 9, lastRoutedAt: '2026-05-11T09:00:00.000Z' },
    ];
    for (const assignment of ['round-robin', 'least-loaded'] as const) {
      const event = routeOwner({
        before,
        after: story.complaint,
        ownerRoles: ['director'],
        candidates: inTurn,
        actor: director,
        procedure: withMode(assignment),
      });
      expect(event).toEqual({ type: 'assigned', ownerId: 'director-2', routed: assignment });
    }
  });
});
