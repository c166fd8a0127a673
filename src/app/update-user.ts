/**
 * Changes a member of staff's name, roles, password or whether they can sign in. A password set here is
 * one-time: the user must change it at their next sign-in (change-password.ts). A new password or a
 * deactivation ends every session of theirs; the change is audited (never the password), with the sessions ended.
 */
import { appendAuditEvent } from '../db/audit.ts';
import { transaction } from '../db/database.ts';
import { deletePendingSignInsOf } from '../db/second-factors.ts';
import { deleteSessionsOf } from '../db/sessions.ts';
import { findUserById, type User, updateUserRow } from '../db/users.ts';
import type { Role } from '../domain/procedure.ts';
import { hashPassword } from './add-user.ts';
import type { AppContext } from './context.ts';
import { invalidField, notFound } from './errors.ts';
import { checkNewPassword } from './password-policy.ts';

export interface UserChanges {
  name?: string | undefined;
  roles?: Role[] | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
}

export async function updateUser(
  ctx: AppContext,
  id: string,
  changes: UserChanges,
  actorId: string | null = null,
): Promise<User> {
  const user = await findUserById(ctx.db.kysely, id);
  if (!user) throw notFound(`user ${id}`);
  if (changes.roles?.length === 0) throw invalidField('roles', 'needs at least one role');
  if (changes.password !== undefined) {
    await checkNewPassword('password', changes.password, {
      email: user.email,
      name: changes.name?.trim() ?? user.name,
    });
  }
  const updated: User = {
    ...user,
    name: changes.name?.trim() ?? user.name,
    roles: changes.roles ? [...new Set(changes.roles)] : user.roles,
    active: changes.active ?? user.active,
    // A password an admin sets is theirs to know: the user must choose their own at next sign-in.
    mustChangePassword: changes.password !== undefined ? true : user.mustChangePassword,
  };
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  await transaction(ctx.db, async (trx) => {
    await updateUserRow(trx, updated, passwordHash);
    // A new password or a deactivation must also shut out whoever holds an old session.
    const shutOut = passwordHash !== undefined || !updated.active;
    const ended = shutOut ? await deleteSessionsOf(trx, updated.id) : [];
    // And a sign-in the old password began, waiting for its 2-step code.
    if (shutOut) await deletePendingSignInsOf(trx, updated.id);
    await appendAuditEvent(trx, {
      complaintId: null,
      type: 'user-updated',
      actor: actorId,
      at: ctx.now().toISOString(),
      payload: {
        userId: updated.id,
        ...(changes.name !== undefined ? { name: updated.name } : {}),
        ...(changes.roles !== undefined ? { roles: updated.roles } : {}),
        ...(changes.active !== undefined ? { active: updated.active } : {}),
        passwordReset: passwordHash !== undefined,
        sessionsEnded: ended,
      },
    });
  });
  return updated;
}
