/**
 * What every second-factor use case shares: the user's authenticator opened, a code checked against it (a
 * TOTP code once per time step, or an unused recovery code once), failures counted with the password
 * sign-in's lockout and audited, and whether someone must set one up before using the workspace.
 */
import { randomInt } from 'node:crypto';
import { appendAuditEvent, userChain } from '../db/audit.ts';
import { type Executor, transaction } from '../db/database.ts';
import {
  countUnusedRecoveryCodes,
  findSecondFactor,
  type StoredSecondFactor,
  spendRecoveryCode,
  spendSecondFactorStep,
} from '../db/second-factors.ts';
import { findPasswordHash, type User } from '../db/users.ts';
import {
  acceptedStep,
  isTotpCode,
  newRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
  secondFactorRequired,
} from '../domain/second-factor.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';
import { sha256 } from './open-session.ts';
import { openSecret, sealSecret } from './sealed-secrets.ts';
import { forgiveFailedSignIn, recordFailedSignIn, refuseIfLockedOut } from './sign-in-lockout.ts';
import { passwordsAllowed } from './sso-settings.ts';

/** The roles MFA_REQUIRED_ROLES names (none unless configured). */
export const requiredRoles = (ctx: AppContext) => ctx.staffSignIn?.mfaRequiredRoles ?? [];

/** What a member of staff sees of their own second factor. */
export interface SecondFactorStatus {
  enabled: boolean;
  /** Their role requires one (MFA_REQUIRED_ROLES) and they sign in with a password. */
  required: boolean;
  /** Recovery codes not yet used (0 when there is no second factor). */
  recoveryCodesLeft: number;
}

/**
 * Whether `user` signs in with a Redress password (not only with single sign-on, whose identity provider
 * does its own second factor) while passwords are on: only such accounts are asked for one.
 */
async function signsInWithPassword(ctx: AppContext, userId: string): Promise<boolean> {
  return passwordsAllowed(ctx) && Boolean(await findPasswordHash(ctx.db.kysely, userId));
}

/** A member of staff's own second factor, as the account page shows it. */
export async function secondFactorStatus(ctx: AppContext, user: User): Promise<SecondFactorStatus> {
  const factor = await findSecondFactor(ctx.db.kysely, user.id);
  const enabled = Boolean(factor?.confirmedAt);
  return {
    enabled,
    required:
      secondFactorRequired(user.roles, requiredRoles(ctx)) && (await signsInWithPassword(ctx, user.id)),
    recoveryCodesLeft: enabled ? await countUnusedRecoveryCodes(ctx.db.kysely, user.id) : 0,
  };
}

/**
 * Whether `user`'s session may do nothing but set up a second factor: their role requires one, they sign
 * in with a password (while passwords are on), and they have none confirmed yet. Pure: the session lookup
 * already read whether they have a password and a confirmed authenticator.
 */
export function mustSetUpSecondFactor(
  ctx: AppContext,
  user: User,
  facts: { hasPassword: boolean; secondFactorConfirmed: boolean },
): boolean {
  return (
    secondFactorRequired(user.roles, requiredRoles(ctx)) &&
    !facts.secondFactorConfirmed &&
    facts.hasPassword &&
    passwordsAllowed(ctx)
  );
}

/** The user's authenticator with its secret opened; undefined when they have none (or only half set up). */
export async function loadSecondFactor(
  ctx: AppContext,
  userId: string,
  options: { unconfirmed?: boolean } = {},
): Promise<(StoredSecondFactor & { secret: string; stale: boolean }) | undefined> {
  const factor = await findSecondFactor(ctx.db.kysely, userId);
  if (!factor || (!factor.confirmedAt && !options.unconfirmed)) return undefined;
  const { plaintext, stale } = openSecret(ctx, { sealed: factor.sealedSecret, keyId: factor.keyId }, userId);
  return { ...factor, secret: plaintext, stale };
}

export type CodeUse = 'sign-in' | 'set-up' | 'new-recovery-codes' | 'turn-off';

export interface CodeCheck {
  use: CodeUse;
  field: string;
  recovery: boolean;
  /** Where the code came from, for the audit of a wrong one. */
  ip: string | null;
  /**
   * Claims what the code is for (a pending sign-in's ticket) in the same transaction as the code is spent,
   * before it is: throws when another try got it first, and then nothing is spent.
   */
  claim?: (trx: Executor) => Promise<void>;
}

/** A right code not spent after all (another try spent it a moment before): undoes the claim. */
class NotSpent extends Error {}

/**
 * Checks `code` — six digits from the authenticator, or (when `recovery` allows) a recovery code — and uses
 * it up. Each try is counted as a failed sign-in for the user's lockout before the code is checked, and
 * taken back when it is right: tries sent at once cannot all pass the lockout check before any of them is
 * counted, so no more codes are checked than the lockout allows. The try that locks the account out is not
 * checked (`sign-in-locked`); nor is anything while locked out, and a right code does not beat a lockout that
 * tries sent alongside it set meanwhile. A wrong or replayed code is audited (`second-factor-failed`) and
 * throws `validation` on `field`. Returns how the code was accepted.
 */
export async function acceptCode(
  ctx: AppContext,
  user: User,
  factor: StoredSecondFactor & { secret: string; stale: boolean },
  code: string,
  options: CodeCheck,
): Promise<'totp' | 'recovery-code'> {
  await refuseIfLockedOut(ctx, user.email);
  await recordFailedSignIn(ctx, user.email, user.id);
  const how = await spendCode(ctx, user, factor, code, options);
  if (!how) {
    await appendAuditEvent(ctx.db.kysely, {
      complaintId: null,
      chain: userChain(user.id),
      type: 'second-factor-failed',
      actor: null,
      at: ctx.now().toISOString(),
      payload: { userId: user.id, use: options.use, ip: options.ip },
    });
    throw new AppError(
      'validation',
      `${options.field} is not right: enter the 6-digit code your authenticator app shows now${options.recovery ? ', or one of your recovery codes' : ''} (each code works once)`,
      { field: options.field },
    );
  }
  await refuseIfLockedOut(ctx, user.email);
  await forgiveFailedSignIn(ctx, user.email);
  return how;
}

/**
 * Uses up `code` if it is right and unused, after the claim (if any) and in its transaction: how it was
 * accepted, or null.
 */
async function spendCode(
  ctx: AppContext,
  user: User,
  factor: StoredSecondFactor & { secret: string; stale: boolean },
  code: string,
  options: CodeCheck,
): Promise<'totp' | 'recovery-code' | null> {
  const now = ctx.now();
  const at = now.toISOString();
  let spend: ((trx: Executor) => Promise<boolean>) | undefined;
  let how: 'totp' | 'recovery-code' = 'totp';
  if (isTotpCode(code)) {
    const step = acceptedStep(factor.secret, code, now, factor.lastStep);
    if (step === null) return null;
    const resealed = factor.stale ? sealSecret(ctx, factor.secret, user.id) : undefined;
    spend = (trx) =>
      spendSecondFactorStep(
        trx,
        { userId: user.id, enrolledAt: factor.enrolledAt },
        step,
        resealed && { sealedSecret: resealed.sealed, keyId: resealed.keyId },
      );
  } else if (options.recovery) {
    how = 'recovery-code';
    const hash = sha256(normaliseRecoveryCode(code));
    spend = async (trx) => {
      if (!(await spendRecoveryCode(trx, user.id, hash, at))) return false;
      await appendAuditEvent(trx, {
        complaintId: null,
        chain: userChain(user.id),
        type: 'second-factor-recovery-code-used',
        actor: user.id,
        at,
        payload: { userId: user.id, use: options.use, left: await countUnusedRecoveryCodes(trx, user.id) },
      });
      return true;
    };
  }
  if (!spend) return null;
  const spending = spend;
  try {
    await transaction(ctx.db, async (trx) => {
      await options.claim?.(trx);
      if (!(await spending(trx))) throw new NotSpent();
    });
    return how;
  } catch (error) {
    if (error instanceof NotSpent) return null;
    throw error;
  }
}

/** Ten new recovery codes, to show once, and their hashes, to keep. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newRecoveryCode((n) => randomInt(n)));
  return { codes, hashes: codes.map((c) => sha256(normaliseRecoveryCode(c))) };
}

/**
 * Runs `write` in a transaction with an audit event of `type` about `payload.userId`'s second factor, on
 * that person's own audit chain (as their sign-ins are).
 */
export async function recordSecondFactorChange(
  ctx: AppContext,
  type: string,
  actor: string | null,
  payload: { userId: string } & Record<string, unknown>,
  write: Parameters<typeof transaction>[1],
): Promise<void> {
  await transaction(ctx.db, async (trx) => {
    await write(trx);
    await appendAuditEvent(trx, {
      complaintId: null,
      chain: userChain(payload.userId),
      type,
      actor,
      at: ctx.now().toISOString(),
      payload,
    });
  });
}
