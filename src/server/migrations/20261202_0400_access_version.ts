import type { Kysely } from 'kysely';

// One counter that every change to sign-in state moves (a session ended, a user changed or disabled, roles and their
// permissions, the security settings). Each app instance keeps the signed-in user of a session in memory and reuses it
// while the counter stands still, so that one cheap read per request replaces six, and a right revoked on any
// instance is gone on every instance's next request.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('access_version')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // One row, no key: an integer primary key would be SQLite's row id and PostgreSQL's plain column.
  await db.insertInto('access_version').values({ version: 0 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('access_version').ifExists().execute();
}
