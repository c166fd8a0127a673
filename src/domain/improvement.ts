/**
 * The improvement log: the seed's second purpose of every complaint, "review our internal procedures to see if
 * they can be improved", made into items someone owns. An item names a problem in the procedure (often seen in
 * several complaints, which it lists), who will fix it and by when, and once done, what was done. Reviewers and
 * directors keep the log; the owner of an item moves it along and records the action taken.
 */
import { findRootCause, type Procedure, type Role, rootCauseCodes } from './procedure.ts';
import type { LocalDate } from './time.ts';

export const IMPROVEMENT_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

/** The statuses of an item still to be worked: the ones that can be overdue. */
export const OPEN_IMPROVEMENT_STATUSES = [
  'open',
  'in-progress',
] as const satisfies readonly ImprovementStatus[];

/**
 * Where an item came from: one complaint, a root cause that keeps coming back (the dashboard's trend), an
 * ombudsman's decision on a complaint, or anything else staff noticed (a team review, an audit).
 */
export const IMPROVEMENT_SOURCES = ['complaint', 'root-cause-trend', 'ombudsman-decision', 'other'] as const;
export type ImprovementSource = (typeof IMPROVEMENT_SOURCES)[number];

/** Sources that name the complaint they came from. */
export const COMPLAINT_SOURCES: ReadonlySet<ImprovementSource> = new Set(['complaint', 'ombudsman-decision']);

export interface Improvement {
  id: string;
  /** What people call it: `IMP-0042`. */
  reference: string;
  title: string;
  description: string;
  ownerId: string;
  dueOn: LocalDate;
  status: ImprovementStatus;
  /** What was done (or, for a dropped item, why not); required before an item is done. */
  actionTaken: string | null;
  /** A code of the procedure's root-cause tree, or free text when the procedure has no tree. */
  rootCause: string | null;
  source: ImprovementSource;
  /** The complaint it came from, for a complaint or an ombudsman decision. */
  sourceComplaint: { id: string; reference: string } | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** When it was last marked done or dropped; null while open. */
  closedAt: string | null;
}

/** The reference of the `n`th item: `IMP-0042` (more digits once there are 10,000). */
export function formatImprovementReference(n: number): string {
  return `IMP-${String(n).padStart(4, '0')}`;
}

/** The canonical reference from what a person typed (`imp-42`, ` IMP-0042 `), or null if it is not one. */
export function parseImprovementReference(input: string): string | null {
  const match = /^IMP-?0*(\d{1,9})$/i.exec(input.trim());
  const n = match?.[1] ? Number(match[1]) : 0;
  return n > 0 ? formatImprovementReference(n) : null;
}

export function isOpenImprovement(status: ImprovementStatus): boolean {
  return (OPEN_IMPROVEMENT_STATUSES as readonly ImprovementStatus[]).includes(status);
}

/** Still to be worked and past its due date (the due date itself is not late). */
export function isOverdue(item: Pick<Improvement, 'status' | 'dueOn'>, today: LocalDate): boolean {
  return isOpenImprovement(item.status) && item.dueOn < today;
}

/** Roles that keep the log: raise items, change what they say, who owns them and when they are due. */
export const IMPROVEMENT_MANAGERS: readonly Role[] = ['reviewer', 'director'];

export function mayManageImprovements(roles: readonly Role[]): boolean {
  return roles.some((role) => IMPROVEMENT_MANAGERS.includes(role));
}

export interface ImprovementChanges {
  title?: string | undefined;
  description?: string | undefined;
  ownerId?: string | undefined;
  dueOn?: LocalDate | undefined;
  /** null removes it. */
  rootCause?: string | null | undefined;
  status?: ImprovementStatus | undefined;
  /** null removes it. */
  actionTaken?: string | null | undefined;
}

/** What the owner of an item may change without keeping the log: how it stands, and what was done. */
const OWNER_FIELDS: ReadonlySet<keyof ImprovementChanges> = new Set(['status', 'actionTaken']);

export interface ImprovementRefusal {
  code: 'forbidden';
  message: string;
}

/** Whether `actor` may make `changes` to `item`; says why not when they may not. */
export function refuseImprovementChange(
  item: Pick<Improvement, 'ownerId'>,
  changes: ImprovementChanges,
  actor: { id: string; roles: readonly Role[] },
): ImprovementRefusal | null {
  if (mayManageImprovements(actor.roles)) return null;
  if (item.ownerId !== actor.id) {
    return {
      code: 'forbidden',
      message: 'only the owner of an improvement item, a reviewer or a director can change it',
    };
  }
  const others = (Object.keys(changes) as (keyof ImprovementChanges)[]).filter(
    (key) => changes[key] !== undefined && !OWNER_FIELDS.has(key),
  );
  if (others.length > 0) {
    return {
      code: 'forbidden',
      message: `as its owner you can change the status and the action taken; only a reviewer or a director can change ${others.join(', ')}`,
    };
  }
  return null;
}

/**
 * The item after `changes`, made at `at`: closedAt set when it is marked done or dropped, cleared when it is
 * opened again. Refused (a field and why) when it would be done without an action taken.
 */
export function applyImprovementChanges(
  item: Improvement,
  changes: ImprovementChanges,
  at: string,
): { ok: true; item: Improvement } | { ok: false; field: string; message: string } {
  const status = changes.status ?? item.status;
  const actionTaken = changes.actionTaken === undefined ? item.actionTaken : changes.actionTaken;
  if (status === 'done' && !actionTaken?.trim()) {
    return {
      ok: false,
      field: 'actionTaken',
      message: 'must say what was done before the item is marked done',
    };
  }
  const closing = !isOpenImprovement(status) && (isOpenImprovement(item.status) || status !== item.status);
  return {
    ok: true,
    item: {
      ...item,
      title: changes.title ?? item.title,
      description: changes.description ?? item.description,
      ownerId: changes.ownerId ?? item.ownerId,
      dueOn: changes.dueOn ?? item.dueOn,
      rootCause: changes.rootCause === undefined ? item.rootCause : changes.rootCause,
      status,
      actionTaken,
      updatedAt: at,
      closedAt: isOpenImprovement(status) ? null : closing ? at : item.closedAt,
    },
  };
}

/**
 * Whether `code` can be recorded as an item's root cause: any text when the procedure has no tree, else a
 * code of the tree (procedure.ts). Null when it can; why not when it cannot.
 */
export function refuseRootCause(procedure: Pick<Procedure, 'rootCauses'>, code: string): string | null {
  if (procedure.rootCauses.length === 0 || findRootCause(procedure, code)) return null;
  return `is not a root cause of the procedure (one of: ${rootCauseCodes(procedure).slice(0, 20).join(', ')})`;
}
