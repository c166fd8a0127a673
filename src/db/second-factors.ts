/**
 * Staff second factors (migration 0032): each user's TOTP authenticator (its secret sealed), their recovery
 * codes (hashed), and the password sign-ins waiting for a code (the ticket hashed).
 */
import type { Executor } from './database.ts';

export interface StoredSecondFactor {
  userId: string;
  sealedSecret: string;
  keyId: string;
  enrolledAt: string;
  confirmedAt: string | null;
  lastStep: number | null;
}

export async function findSecondFactor(
  trx: Executor,
  userId: string,
): Promise<StoredSecondFactor | undefined> {
  const row = await trx
    .selectFrom('staff_second_factors')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return (
    row && {
      userId: row.user_id,
      sealedSecret: row.sealed_secret,
      keyId: row.key_id,
      enrolledAt: row.enrolled_at,
      confirmedAt: row.confirmed_at,
      lastStep: row.last_step === null ? null : Number(row.last_step),
    }
  );
}

/** Every authenticator's sealed secret and the audit key that sealed it (for resealing after a rotation). */
export async function listSealedSecondFactors(
  trx: Executor,
): Promise<{ userId: string; sealed: string; keyId: string }[]> {
  const rows = await trx
    .selectFrom('staff_second_factors')
    .select(['user_id', 'sealed_secret', 'key_id'])
    .orderBy('user_id')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, sealed: r.sealed_secret, keyId: r.key_id }));
}

/** Replaces a sealed secret with the same secret sealed anew, only if it is still `was`; whether it was. */
export async function resealSecondFactor(
  trx: Executor,
  userId: string,
  was: string,
  fresh: { sealed: string; keyId: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('staff_second_factors')
    .set({ sealed_secret: fresh.sealed, key_id: fresh.keyId })
    .where('user_id', '=', userId)
    .where('sealed_secret', '=', was)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Which of these users have a confirmed authenticator. */
export async function findConfirmedSecondFactors(
  trx: Executor,
  userIds: readonly string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await trx
    .selectFrom('staff_second_factors')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .where('confirmed_at', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/**
 * Starts (or starts again) setting up an authenticator: unconfirmed, no step used. False, and nothing
 * written, when the user has a confirmed one (even one confirmed a moment ago, by a request racing this).
 */
export async function saveUnconfirmedSecondFactor(
  trx: Executor,
  factor: { userId: string; sealedSecret: string; keyId: string; enrolledAt: string },
): Promise<boolean> {
  await trx
    .deleteFrom('staff_second_factors')
    .where('user_id', '=', factor.userId)
    .where('confirmed_at', 'is', null)
    .execute();
  const result = await trx
    .insertInto('staff_second_factors')
    .values({
      user_id: factor.userId,
      sealed_secret: factor.sealedSecret,
      key_id: factor.keyId,
      enrolled_at: factor.enrolledAt,
      confirmed_at: null,
      last_step: null,
    })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return result !== undefined;
}

/**
 * Records that a code for `step` was accepted, only if no code for that step or a later one was, and only on
 * the authenticator the code was checked against (set up at `enrolledAt`): false when another request got
 * there first (the same code twice at once is accepted once), or the authenticator was set up again
 * meanwhile. Reseals the secret when `resealed` is given (it was sealed with an older audit key).
 */
export async function spendSecondFactorStep(
  trx: Executor,
  factor: { userId: string; enrolledAt: string },
  step: number,
  resealed?: { sealedSecret: string; keyId: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('staff_second_factors')
    .set({
      last_step: step,
      ...(resealed ? { sealed_secret: resealed.sealedSecret, key_id: resealed.keyId } : {}),
    })
    .where('user_id', '=', factor.userId)
    .where('enrolled_at', '=', factor.enrolledAt)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Marks a user's authenticator confirmed — the one set up at `enrolledAt`, whose code was checked, and only
 * while unconfirmed: false when it was set up again (or confirmed) meanwhile.
 */
export async function confirmSecondFactor(
  trx: Executor,
  factor: { userId: string; enrolledAt: string },
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('staff_second_factors')
    .set({ confirmed_at: at })
    .where('user_id', '=', factor.userId)
    .where('enrolled_at', '=', factor.enrolledAt)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes a user's authenticator and recovery codes; whether there was an authenticator. */
export async function deleteSecondFactor(trx: Executor, userId: string): Promise<boolean> {
  await trx.deleteFrom('staff_recovery_codes').where('user_id', '=', userId).execute();
  const result = await trx
    .deleteFrom('staff_second_factors')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Replaces a user's recovery codes with these (hashed). */
export async function replaceRecoveryCodes(
  trx: Executor,
  userId: string,
  codeHashes: readonly string[],
  at: string,
): Promise<void> {
  await trx.deleteFrom('staff_recovery_codes').where('user_id', '=', userId).execute();
  await trx
    .insertInto('staff_recovery_codes')
    .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash, created_at: at, used_at: null })))
    .execute();
}

/** Marks an unused recovery code used; false when it is not theirs or was used (even a moment ago). */
export async function spendRecoveryCode(trx: Executor, userId: string, codeHash: string, at: string) {
  const result = await trx
    .updateTable('staff_recovery_codes')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(trx: Executor, userId: string): Promise<number> {
  const row = await trx
    .selectFrom('staff_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertPendingSignIn(
  trx: Executor,
  pending: { id: string; userId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await trx
    .insertInto('pending_sign_ins')
    .values({
      id: pending.id,
      user_id: pending.userId,
      created_at: pending.createdAt,
      expires_at: pending.expiresAt,
    })
    .execute();
}

/**
 * Claims one try of a pending sign-in that has not ended and has tries left: one conditional update, so
 * parallel tries each get their own number and no more than `maxAttempts` get one. The user, and which try
 * this is; undefined when the ticket has ended, is used up, or never was.
 */
export async function claimPendingSignInAttempt(
  trx: Executor,
  id: string,
  now: string,
  maxAttempts: number,
): Promise<{ userId: string; attempt: number } | undefined> {
  const row = await trx
    .updateTable('pending_sign_ins')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .where('attempts', '<', maxAttempts)
    .returning(['user_id', 'attempts'])
    .executeTakeFirst();
  return row && { userId: row.user_id, attempt: Number(row.attempts) };
}

/** Uses up a pending sign-in; false when it was already used (or never was). */
export async function deletePendingSignIn(trx: Executor, id: string): Promise<boolean> {
  const result = await trx.deleteFrom('pending_sign_ins').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Ends every pending sign-in of a user (their second factor was reset). */
export async function deletePendingSignInsOf(trx: Executor, userId: string): Promise<void> {
  await trx.deleteFrom('pending_sign_ins').where('user_id', '=', userId).execute();
}

/** Housekeeping: deletes the pending sign-ins that ended before `now`; returns how many. */
export async function deleteEndedPendingSignIns(executor: Executor, now: string): Promise<number> {
  const result = await executor
    .deleteFrom('pending_sign_ins')
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
