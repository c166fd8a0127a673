/**
 * The staff directory: everyone, and for an admin also whose sign-in is locked out until when and who has
 * 2-step verification on.
 */
import { findConfirmedSecondFactors } from '../db/second-factors.ts';
import { listUsers, type User } from '../db/users.ts';
import type { Actor } from '../domain/actor.ts';
import type { AppContext } from './context.ts';
import { lockoutsOf } from './sign-in-lockout.ts';

export interface StaffMember extends User {
  /** Until when failed sign-ins lock them out; null when they are not (and always null to a non-admin). */
  lockedUntil: string | null;
  /** Whether 2-step verification is on for them; null to a non-admin. */
  twoStep: boolean | null;
}

/** Every member of staff, by name; the lockouts only to an admin. */
export async function listStaff(ctx: AppContext, actor: Actor & { kind: 'staff' }): Promise<StaffMember[]> {
  const users = await listUsers(ctx.db.kysely);
  const admin = actor.roles.includes('admin');
  const locks = admin ? await lockoutsOf(ctx, users) : new Map<string, string>();
  const twoStep = admin
    ? await findConfirmedSecondFactors(
        ctx.db.kysely,
        users.map((u) => u.id),
      )
    : undefined;
  return users.map((user) => ({
    ...user,
    lockedUntil: locks.get(user.id) ?? null,
    twoStep: twoStep ? twoStep.has(user.id) : null,
  }));
}
