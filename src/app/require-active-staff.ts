/** People named as owners (of a complaint or a step) must be active members of staff. */
import type { Executor } from '../db/database.ts';
import { findUserById } from '../db/users.ts';
import { invalidField } from './errors.ts';

/** Fails with a validation error naming the first field whose user is unknown or inactive; null is allowed. */
export async function requireActiveStaff(
  trx: Executor,
  named: readonly [field: string, id: string | null][],
) {
  for (const [field, id] of named) {
    if (id === null) continue;
    const user = await findUserById(trx, id);
    if (!user?.active) throw invalidField(field, 'is not an active member of staff');
  }
}
