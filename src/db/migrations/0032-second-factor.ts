/**
 * A second factor for staff who sign in with a password (issue 13): a TOTP authenticator and ten single-use
 * recovery codes, and the sign-ins that have passed the password and wait for a code.
 *
 * `staff_second_factors` holds one authenticator per user. Its secret is sealed (AES-256-GCM under a key
 * derived from the audit key, app/sealed-secrets.ts): the database, its backups and its replicas never hold
 * it in the clear. `key_id` names the audit key it was sealed with, so a rotated keyring still opens it.
 * `confirmed_at` is null while it is being set up (nothing is asked of the user until they have shown it
 * works); `last_step` is the TOTP time step of the last code accepted, so no code is accepted twice.
 *
 * `staff_recovery_codes` keeps the sha256 of each code (73 random bits: a hash is enough) and when it was used.
 *
 * `pending_sign_ins` keeps the sha256 of the ticket a password sign-in hands back instead of a session; the
 * ticket is good for one second step within five minutes, and for at most three codes: `attempts` counts the
 * codes tried, each claimed by one conditional update before the code is checked, so parallel tries cannot
 * all slip under the cap. Housekeeping deletes the ended ones.
 */
import type { AnyDb } from './sql-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('staff_second_factors')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('sealed_secret', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('last_step', 'bigint')
    .execute();

  await db.schema
    .createTable('staff_recovery_codes')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('staff_recovery_codes_pk', ['user_id', 'code_hash'])
    .execute();

  await db.schema
    .createTable('pending_sign_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('pending_sign_ins_expires_idx')
    .on('pending_sign_ins')
    .column('expires_at')
    .execute();
}
