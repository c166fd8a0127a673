/** People named as owners (of a complaint or a step) must be active members of staff. */
import type { Executor } from '../db/database.ts';
import { findUserById } from '../db/users.ts';
import type { Role } from '../domain/procedure.ts';
import { invalidField } from './errors.ts';

/**
 * Fails with a validation error naming the first field whose user is unknown or inactive; null is allowed.
 * Returns the roles of each person named, for the domain to check they fit the stage.
 */
export async function requireActiveStaff(
  trx: Executor,
  named: readonly [field: string, id: string | null][],
): Promise<Map<string, readonly Role[]>> {
  const roles = new Map<string, readonly Role[]>();
  for (const [field, id] of named) {
    if (id === null) continue;
    const user = await findUserById(trx, id);
    if (!user?.active) throw invalidField(field, 'is not an active member of staff');
    roles.set(id, user.roles);
  }
  return roles;
}
