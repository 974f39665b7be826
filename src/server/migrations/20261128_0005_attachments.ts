import type { Kysely } from 'kysely';
import { withId } from './helpers';

// Files attached to any record: metadata here, bytes on disk by sha256. The owner is (type, id) so every module
// can attach files without a table of its own; who may see them is decided by the owner type's registered rules.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('attachments').ifNotExists())
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('attachments_owner_idx').ifNotExists().on('attachments').columns(['owner_type', 'owner_id']).execute();
  await db.schema.createIndex('attachments_sha256_idx').ifNotExists().on('attachments').column('sha256').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachments').ifExists().execute();
}
