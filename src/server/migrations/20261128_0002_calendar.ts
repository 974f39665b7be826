import type { Kysely } from 'kysely';
import { grantToRoles } from './helpers';

// Exceptions to "Monday–Friday work": statutory holidays and make-up working days, per county, editable.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_days')
    .ifNotExists()
    .addColumn('date', 'text', (c) => c.primaryKey().notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .execute();
  // Databases created before this migration already have the built-in office role: give it the new permission.
  await grantToRoles(db, { office: ['calendar:manage'] });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_days').ifExists().execute();
}
