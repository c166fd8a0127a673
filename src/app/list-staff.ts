/** The staff directory: everyone, and for an admin also whose sign-in is locked out until when. */
import { listUsers, type User } from '../db/users.ts';
import type { Actor } from '../domain/actor.ts';
import type { AppContext } from './context.ts';
import { lockoutsOf } from './sign-in-lockout.ts';

export interface StaffMember extends User {
  /** Until when failed sign-ins lock them out; null when they are not (and always null to a non-admin). */
  lockedUntil: string | null;
}

/** Every member of staff, by name; the lockouts only to an admin. */
export async function listStaff(ctx: AppContext, actor: Actor & { kind: 'staff' }): Promise<StaffMember[]> {
  const users = await listUsers(ctx.db.kysely);
  const locks = actor.roles.includes('admin') ? await lockoutsOf(ctx, users) : new Map<string, string>();
  return users.map((user) => ({ ...user, lockedUntil: locks.get(user.id) ?? null }));
}
