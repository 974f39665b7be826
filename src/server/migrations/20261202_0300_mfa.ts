import type { Kysely } from 'kysely';
import { withId } from './helpers';

// A second factor (TOTP, RFC 6238) with single-use recovery codes. The secret lives in a table of its own so that no
// user listing, export or audit of a user row can carry it. A session signed in with the password alone waits for
// the code (or, for an administrator without a factor yet, for enrolment) before it may do anything else.
export async function up(db: Kysely<any>): Promise<void> {
  // A unique index rather than an integer primary key, which SQLite would turn into an alias of its row id.
  await withId(db, db.schema.createTable('user_mfa').ifNotExists())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('secret', 'text')
    .addColumn('pending_secret', 'text')
    .addColumn('enabled_at', 'text')
    .addColumn('last_step', 'integer')
    .execute();
  await db.schema.createIndex('user_mfa_user_idx').ifNotExists().unique().on('user_mfa').column('user_id').execute();
  await withId(db, db.schema.createTable('user_recovery_codes').ifNotExists())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('user_recovery_codes_user_idx').ifNotExists().on('user_recovery_codes').column('user_id').execute();
  await db.schema.alterTable('sessions').addColumn('mfa_pending', 'text').execute();
  await db.schema.alterTable('login_log').addColumn('factor', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_log').dropColumn('factor').execute();
  await db.schema.alterTable('sessions').dropColumn('mfa_pending').execute();
  await db.schema.dropTable('user_recovery_codes').ifExists().execute();
  await db.schema.dropTable('user_mfa').ifExists().execute();
}
