/** Failed password sign-ins in a row per email address (by its sha256), and the lockout they earned. */
import { sql } from 'kysely';
import type { Executor } from './database.ts';
import type { Instant } from './schema.ts';

export interface SignInFailures {
  failures: number;
  lastFailureAt: Instant;
  lockedUntil: Instant | null;
}

export async function findSignInFailures(
  executor: Executor,
  emailHash: string,
): Promise<SignInFailures | undefined> {
  const row = await executor
    .selectFrom('sign_in_failures')
    .select(['failures', 'last_failure_at', 'locked_until'])
    .where('email_hash', '=', emailHash)
    .executeTakeFirst();
  return (
    row && {
      failures: Number(row.failures),
      lastFailureAt: row.last_failure_at,
      lockedUntil: row.locked_until,
    }
  );
}

/**
 * Counts one more failure in a row (one upsert, so two processes counting at once get consecutive numbers);
 * a run whose last failure was before `forgetBefore` starts again at 1. Returns the failures in a row now.
 */
export async function countSignInFailure(
  executor: Executor,
  emailHash: string,
  at: Instant,
  forgetBefore: Instant,
): Promise<number> {
  const row = await executor
    .insertInto('sign_in_failures')
    .values({ email_hash: emailHash, failures: 1, last_failure_at: at, locked_until: null })
    .onConflict((oc) =>
      oc.column('email_hash').doUpdateSet({
        failures: sql<number>`case when sign_in_failures.last_failure_at < ${forgetBefore} then 1 else sign_in_failures.failures + 1 end`,
        last_failure_at: at,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

/** Takes back one failure counted ahead of a check that then succeeded (never below none). */
export async function uncountSignInFailure(executor: Executor, emailHash: string): Promise<void> {
  await executor
    .updateTable('sign_in_failures')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('email_hash', '=', emailHash)
    .where('failures', '>', 0)
    .execute();
}

export async function lockSignIn(executor: Executor, emailHash: string, until: Instant): Promise<void> {
  await executor
    .updateTable('sign_in_failures')
    .set({ locked_until: until })
    .where('email_hash', '=', emailHash)
    .execute();
}

/** Forgets the failures of an address (a success, an admin's unlock); returns whether there were any. */
export async function clearSignInFailures(executor: Executor, emailHash: string): Promise<boolean> {
  const result = await executor
    .deleteFrom('sign_in_failures')
    .where('email_hash', '=', emailHash)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The addresses among `emailHashes` locked out after `now`, with until when. */
export async function findSignInLocks(
  executor: Executor,
  emailHashes: readonly string[],
  now: Instant,
): Promise<Map<string, Instant>> {
  if (emailHashes.length === 0) return new Map();
  const rows = await executor
    .selectFrom('sign_in_failures')
    .select(['email_hash', 'locked_until'])
    .where('email_hash', 'in', emailHashes)
    .where('locked_until', '>', now)
    .execute();
  return new Map(rows.map((row) => [row.email_hash, row.locked_until as Instant]));
}

/**
 * Deletes the runs of failures whose last failure was before `before` (a day ago: longer than any lockout,
 * and a run that old starts again anyway).
 */
export async function pruneSignInFailures(executor: Executor, before: Instant): Promise<number> {
  const result = await executor
    .deleteFrom('sign_in_failures')
    .where('last_failure_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
