import { describe, expect, it } from 'vitest';
import { MISO_PROCEDURE } from '../config/miso.ts';
import {
  applyImprovementChanges,
  formatImprovementReference,
  type Improvement,
  isOverdue,
  parseImprovementReference,
  refuseImprovementChange,
  refuseRootCause,
} from './improvement.ts';

const item: Improvement = {
  id: 'i1',
  reference: 'IMP-0042',
  title: 'Double charges',
  description: 'The billing run charges twice',
  ownerId: 'agent',
  dueOn: '2026-11-10',
  status: 'open',
  actionTaken: null,
  rootCause: null,
  source: 'other',
  sourceComplaint: null,
  createdBy: 'reviewer',
  createdAt: '2026-11-02T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
  closedAt: null,
};
const at = '2026-11-05T10:00:00.000Z';

describe('improvement references', () => {
  it('are IMP- and four digits, more when needed, and read back however typed', () => {
    expect(formatImprovementReference(42)).toBe('IMP-0042');
    expect(formatImprovementReference(12345)).toBe('IMP-12345');
    expect(parseImprovementReference(' imp-42 ')).toBe('IMP-0042');
    expect(parseImprovementReference('IMP0042')).toBe('IMP-0042');
    expect(parseImprovementReference('IMP-0000')).toBeNull();
    expect(parseImprovementReference('MISO-26-000001-A')).toBeNull();
  });
});

describe('overdue', () => {
  it('is an item still to be worked after its due date, never on it, never once done or dropped', () => {
    expect(isOverdue(item, '2026-11-10')).toBe(false);
    expect(isOverdue(item, '2026-11-11')).toBe(true);
    expect(isOverdue({ ...item, status: 'in-progress' }, '2026-11-11')).toBe(true);
    expect(isOverdue({ ...item, status: 'done' }, '2026-11-11')).toBe(false);
    expect(isOverdue({ ...item, status: 'dropped' }, '2026-11-11')).toBe(false);
  });
});

describe('who may change an item', () => {
  const reviewer = { id: 'r', roles: ['reviewer'] as const };
  const owner = { id: 'agent', roles: ['agent'] as const };
  it('lets reviewers and directors change anything', () => {
    expect(refuseImprovementChange(item, { title: 'x', ownerId: 'y' }, reviewer)).toBeNull();
    expect(
      refuseImprovementChange(item, { dueOn: '2027-01-01' }, { id: 'd', roles: ['director'] }),
    ).toBeNull();
  });
  it('lets the owner change the status and action taken, and names what else they tried', () => {
    expect(refuseImprovementChange(item, { status: 'done', actionTaken: 'Fixed' }, owner)).toBeNull();
    expect(refuseImprovementChange(item, { status: 'done', dueOn: '2027-01-01' }, owner)?.message).toContain(
      'dueOn',
    );
  });
  it('refuses anyone else, admins included', () => {
    expect(refuseImprovementChange(item, { status: 'done' }, { id: 'other', roles: ['agent'] })?.code).toBe(
      'forbidden',
    );
    expect(refuseImprovementChange(item, { status: 'done' }, { id: 'a', roles: ['admin'] })?.code).toBe(
      'forbidden',
    );
  });
});

describe('changing an item', () => {
  it('refuses done without the action taken, given now or before', () => {
    expect(applyImprovementChanges(item, { status: 'done' }, at)).toMatchObject({
      ok: false,
      field: 'actionTaken',
    });
    expect(applyImprovementChanges(item, { status: 'done', actionTaken: '  ' }, at).ok).toBe(false);
    const withAction = { ...item, actionTaken: 'Fixed the run' };
    expect(applyImprovementChanges(withAction, { status: 'done' }, at)).toMatchObject({
      ok: true,
      item: { status: 'done', closedAt: at },
    });
  });
  it('sets closedAt when done or dropped, keeps it for other edits, clears it when reopened', () => {
    const done = {
      ...item,
      status: 'done' as const,
      actionTaken: 'Fixed',
      closedAt: '2026-11-03T00:00:00.000Z',
    };
    const edited = applyImprovementChanges(done, { actionTaken: 'Fixed, and checked' }, at);
    expect(edited).toMatchObject({ ok: true, item: { closedAt: '2026-11-03T00:00:00.000Z' } });
    expect(applyImprovementChanges(done, { status: 'dropped' }, at)).toMatchObject({
      item: { closedAt: at },
    });
    expect(applyImprovementChanges(done, { status: 'open' }, at)).toMatchObject({ item: { closedAt: null } });
    expect(applyImprovementChanges(done, { actionTaken: null }, at).ok).toBe(false);
  });
});

describe('root causes', () => {
  it('takes any text while the procedure has no tree, and only the tree’s codes, at any depth, once it has', () => {
    expect(refuseRootCause({ ...MISO_PROCEDURE, rootCauses: [] }, 'anything at all')).toBeNull();
    expect(refuseRootCause(MISO_PROCEDURE, 'fault-repeat')).toBeNull();
    const withTree = {
      ...MISO_PROCEDURE,
      rootCauses: [
        { code: 'billing', label: 'Billing', children: [{ code: 'billing-double', label: 'Twice' }] },
      ],
    };
    expect(refuseRootCause(withTree, 'billing-double')).toBeNull();
    expect(refuseRootCause(withTree, 'billing')).toBeNull();
    expect(refuseRootCause(withTree, 'gremlins')).toContain('billing-double');
  });
});
