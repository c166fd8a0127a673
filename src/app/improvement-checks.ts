/**
 * What every use case of the improvement log checks the same way: who keeps the log, how an item is named,
 * and that a root cause, an owner and a due date can be recorded. Also the item as the API shows it.
 */
import type { Executor } from '../db/database.ts';
import { findComplaintIdentity, findImprovement } from '../db/improvements.ts';
import { findUsersByIds } from '../db/users.ts';
import type { Actor } from '../domain/actor.ts';
import {
  type Improvement,
  isOverdue,
  mayManageImprovements,
  parseImprovementReference,
  refuseRootCause,
} from '../domain/improvement.ts';
import type { Procedure } from '../domain/procedure.ts';
import type { LocalDate } from '../domain/time.ts';
import { AppError, invalidField, notFound } from './errors.ts';
import { canonicalReference } from './reference.ts';
import { requireActiveStaff } from './require-active-staff.ts';

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

/** Raising items, linking complaints and changing what an item says are for reviewers and directors. */
export function requireImprovementManager(actor: StaffActor, doing: string): void {
  if (!mayManageImprovements(actor.roles)) {
    throw new AppError('forbidden', `only a reviewer or a director can ${doing}`);
  }
}

/** The canonical reference (`IMP-0042`), or a validation error on `field`. */
export function canonicalImprovementReference(input: string, field = 'reference'): string {
  const reference = parseImprovementReference(input);
  if (!reference) throw invalidField(field, 'is not an improvement reference (e.g. IMP-0042)');
  return reference;
}

/** The item, or `not-found`. */
export async function requireImprovement(executor: Executor, input: string): Promise<Improvement> {
  const reference = canonicalImprovementReference(input);
  const item = await findImprovement(executor, reference);
  if (!item) throw notFound(`improvement ${reference}`);
  return item;
}

/** The complaint's id, or a validation error on `field` when the reference is not a complaint's. */
export async function requireComplaint(
  executor: Executor,
  procedure: Procedure,
  input: string,
  field: string,
): Promise<{ id: string; reference: string }> {
  let reference: string;
  try {
    reference = canonicalReference(procedure, input);
  } catch (error) {
    if (error instanceof AppError) throw invalidField(field, error.message);
    throw error;
  }
  const complaint = await findComplaintIdentity(executor, reference);
  if (!complaint) throw invalidField(field, `${reference} is not a complaint`);
  return complaint;
}

export function requireRootCause(procedure: Procedure, code: string | null | undefined): void {
  if (code === null || code === undefined) return;
  const why = refuseRootCause(procedure, code);
  if (why) throw invalidField('rootCause', why);
}

/** A due date set now is today or later: an item due yesterday is a mistake, not a plan. */
export function requireDueDate(dueOn: LocalDate | undefined, today: LocalDate): void {
  if (dueOn !== undefined && dueOn < today) throw invalidField('dueOn', 'must be today or later');
}

export async function requireOwner(executor: Executor, ownerId: string | undefined): Promise<void> {
  if (ownerId !== undefined) await requireActiveStaff(executor, [['ownerId', ownerId]]);
}

/** An item as the API shows it: with its owner's name and whether it is overdue today. */
export interface ImprovementView extends Omit<Improvement, 'id' | 'ownerId' | 'sourceComplaint'> {
  owner: { id: string; name: string };
  sourceComplaint: string | null;
  overdue: boolean;
}

export function improvementView(item: Improvement, ownerName: string, today: LocalDate): ImprovementView {
  const { id: _id, ownerId, sourceComplaint, ...rest } = item;
  return {
    ...rest,
    owner: { id: ownerId, name: ownerName },
    sourceComplaint: sourceComplaint?.reference ?? null,
    overdue: isOverdue(item, today),
  };
}

/** The names of the people who own `items`, for their views. */
export async function ownerNames(executor: Executor, items: readonly Improvement[]) {
  const users = await findUsersByIds(
    executor,
    items.map((i) => i.ownerId),
  );
  return (id: string) => users.get(id)?.name ?? 'former member of staff';
}
