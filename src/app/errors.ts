/**
 * Expected failures of a use case, each with a stable code. Exactly one place (http/problem.ts) turns codes
 * into HTTP statuses; the CLI turns them into messages and exit codes.
 */
import { databaseFailure } from '../db/errors.ts';
import type { CommandType } from '../domain/commands.ts';

export type AppErrorCode =
  | 'validation'
  | 'invalid-reference'
  | 'not-found'
  | 'not-allowed-now'
  | 'forbidden'
  | 'objectivity'
  | 'conflict'
  | 'unauthenticated'
  | 'idempotency-key-reused'
  | 'password-change-required'
  | 'second-factor-required'
  | 'password-sign-in-off'
  | 'sso-refused'
  | 'customer-merged'
  | 'erasure-refused'
  | 'confirmation-required'
  | 'root-cause-required'
  | 'survey-not-found'
  | 'sign-in-locked'
  | 'token-scope'
  | 'database-unavailable'
  | 'database-timeout'
  | 'storage-full';

/** The codes for a failure of the database itself, which any use case may meet. */
export type DatabaseFailureCode = Extract<
  AppErrorCode,
  'database-unavailable' | 'database-timeout' | 'storage-full'
>;

/**
 * The code for `error` when the database itself failed (unreachable, shutting down, out of space), else
 * undefined: the one place the database's failures get the codes clients see.
 */
export function databaseFailureCode(error: unknown): DatabaseFailureCode | undefined {
  switch (databaseFailure(error)) {
    case 'unavailable':
      return 'database-unavailable';
    case 'storage-full':
      return 'storage-full';
    case 'timed-out':
      return 'database-timeout';
    case undefined:
      return undefined;
  }
}

export interface AppErrorDetails {
  /** The offending input field, as a dotted path. */
  field?: string | undefined;
  /** For `not-allowed-now`: what the actor may do instead. */
  allowed?: CommandType[] | undefined;
  /** For a refusal that lifts by itself (a lockout): the seconds until it does. */
  retryAfterSeconds?: number | undefined;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('not-found', `${what} was not found`);
export const invalidField = (field: string, message: string) =>
  new AppError('validation', `${field} ${message}`, { field });
