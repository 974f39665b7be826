import { type Kysely, sql } from 'kysely';
import { grantToRoles } from './helpers';

// Enterprise accounts: a user may speak for one firm (role `enterprise`, data scope `enterprise`: its own firm's rows
// only). Databases created before this have the role with the `own` scope and no permissions: move it over.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .execute();
  await db.schema.createIndex('users_enterprise_idx').ifNotExists().on('users').column('enterprise_id').execute();
  await sql`update roles set data_scope = 'enterprise' where code = 'enterprise' and builtin = 1 and data_scope = 'own'`.execute(db);
  await grantToRoles(db, { enterprise: ['enterprise:read'] });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_enterprise_idx').ifExists().execute();
  await db.schema.alterTable('users').dropColumn('enterprise_id').execute();
}
