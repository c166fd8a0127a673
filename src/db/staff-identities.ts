/** Staff as their identity provider knows them: the issuer and subject (`iss`, `sub`) of single sign-on. */
import type { Executor } from './database.ts';
import { toUser, type User } from './users.ts';
import { toJsonText, toSqlBool } from './values.ts';

/** The member of staff this provider's subject signs in as, active or not. */
export async function findUserByOidcSubject(
  trx: Executor,
  issuer: string,
  subject: string,
): Promise<User | undefined> {
  const row = await trx
    .selectFrom('users')
    .selectAll()
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
  return row && toUser(row);
}

/** The user with this email (any case) and whether they are already tied to a provider's subject. */
export async function findUserForLinking(trx: Executor, email: string) {
  const row = await trx
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row && { user: toUser(row), linked: row.oidc_subject !== null };
}

/** Ties a member of staff to the provider's subject. */
export async function setOidcSubject(trx: Executor, userId: string, issuer: string, subject: string) {
  await trx
    .updateTable('users')
    .set({ oidc_issuer: issuer, oidc_subject: subject })
    .where('id', '=', userId)
    .execute();
}

/** Sets what single sign-on derived at this sign-in: the role, and whether the person may sign in at all. */
export async function setSsoRolesAndActive(trx: Executor, user: User): Promise<void> {
  await trx
    .updateTable('users')
    .set({ roles: toJsonText(user.roles), active: toSqlBool(user.active) })
    .where('id', '=', user.id)
    .execute();
}
