import type { Kysely } from 'kysely';
import { withId } from './helpers';

// Password history (a new password may not be one of the user's last five) and sign-in throttles counted by key
// (an account name and an address, a name alone, an address alone, a user's password-change attempts), whether or
// not the name exists, so that the answer to a guess never tells a known name from an unknown one.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('password_history').ifNotExists())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('password_history_user_idx').ifNotExists().on('password_history').column('user_id').execute();

  await db.schema
    .createTable('auth_throttles')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey().notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('auth_throttles').ifExists().execute();
  await db.schema.dropTable('password_history').ifExists().execute();
}
