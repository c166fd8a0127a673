/** What the staff sign-in accepts, as configured (LOCAL_PASSWORDS, OIDC_*). */
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';

/** Whether staff may sign in with a password here (LOCAL_PASSWORDS, default on). */
export function passwordsAllowed(ctx: AppContext): boolean {
  return ctx.staffSignIn?.localPasswords ?? true;
}

/** Refuses a password sign-in (or password change) when LOCAL_PASSWORDS=off. */
export function refuseIfPasswordsOff(ctx: AppContext): void {
  if (!passwordsAllowed(ctx)) {
    throw new AppError(
      'password-sign-in-off',
      'passwords are turned off here (LOCAL_PASSWORDS=off): sign in with single sign-on, GET /api/v1/auth/sso/start',
    );
  }
}
