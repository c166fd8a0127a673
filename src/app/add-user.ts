/**
 * Adds a member of staff with their roles; the password is stored as an argon2id hash and, being chosen by
 * someone else, must be changed at first sign-in.
 */
import { hash } from '@node-rs/argon2';
import { isUniqueViolation } from '../db/errors.ts';
import { newId } from '../db/ids.ts';
import { findUserByEmail, insertUser, type User } from '../db/users.ts';
import type { Role } from '../domain/procedure.ts';
import type { AppContext } from './context.ts';
import { AppError, invalidField } from './errors.ts';
import { checkNewPassword } from './password-policy.ts';

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum recommendation). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export interface NewUser {
  email: string;
  name: string;
  roles: Role[];
  password?: string | undefined;
  /**
   * Whether the password works only to choose a new one. Default: yes whenever a password is given, since
   * whoever set it (an admin, the first start) knows it. Only the demo's published password is exempt.
   */
  mustChangePassword?: boolean | undefined;
}

/** Adds a user; fails if the email is taken or the password is weak (password-policy.ts). */
export async function addUser(ctx: AppContext, input: NewUser): Promise<User> {
  if (input.roles.length === 0) throw invalidField('roles', 'needs at least one role');
  if (input.password !== undefined) await checkNewPassword('password', input.password, input);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const now = ctx.now();
  const user: User = {
    id: newId(now.getTime()),
    email: input.email.trim().toLowerCase(),
    name: input.name.trim(),
    roles: [...new Set(input.roles)],
    active: true,
    createdAt: now.toISOString(),
    mustChangePassword: input.password !== undefined && (input.mustChangePassword ?? true),
  };
  const taken = () =>
    new AppError('conflict', `a user with the email ${user.email} already exists`, { field: 'email' });
  if (await findUserByEmail(ctx.db.kysely, user.email)) throw taken();
  try {
    await insertUser(ctx.db.kysely, user, passwordHash);
  } catch (error) {
    // Someone added the same email between the check and the insert.
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
  return user;
}
