/**
 * Sessions people can see and end, with idle and absolute timeouts; staff found by their identity
 * provider's subject (OpenID Connect single sign-on).
 *
 * `sessions.expires_at` now means the earlier of the idle end (last seen + SESSION_IDLE_MINUTES) and the
 * absolute end (created + SESSION_MAX_HOURS): a request moves it on at most once a minute, with `last_seen_at`,
 * so the check stays one indexed comparison and pruning stays the range scan of `sessions_expires_idx`.
 * `handle` names a session in the API ("end this session") without its id, which is the hash of the cookie's
 * secret; the sessions open at this migration get a prefix of that hash, which says nothing of the secret.
 * `user_agent` and `ip` are what the browser and the network said when it was opened, for "which device".
 *
 * `users.oidc_issuer` + `oidc_subject`: the identity provider's `iss` and `sub` of a member of staff who signs
 * in with it; unique together (NULLs — password-only staff — are not compared).
 */
import { sql } from 'kysely';
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('handle', 'text').execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('last_seen_at', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('ip', 'text').execute();
  await db
    .updateTable('sessions')
    .set({ handle: sql`substr(id, 1, 26)`, last_seen_at: sql`created_at` })
    .execute();
  await db.schema.createIndex('sessions_handle_idx').on('sessions').column('handle').unique().execute();

  await db.schema.alterTable('users').addColumn('oidc_issuer', 'text').execute();
  await db.schema.alterTable('users').addColumn('oidc_subject', 'text').execute();
  await db.schema
    .createIndex('users_oidc_idx')
    .on('users')
    .columns(['oidc_issuer', 'oidc_subject'])
    .unique()
    .execute();
}
