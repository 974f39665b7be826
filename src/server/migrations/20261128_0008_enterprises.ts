import { type Kysely, sql } from 'kysely';
import { grantToRoles, withId } from './helpers';

// 一企一档: one profile per firm, its industrial chains and its contacts.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('enterprises').ifNotExists())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull().unique())
    .addColumn('township_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('industry_code', 'text', (c) => c.notNull())
    .addColumn('above_scale', 'integer', (c) => c.notNull())
    .addColumn('high_tech', 'integer', (c) => c.notNull())
    .addColumn('high_tech_cert_no', 'text', (c) => c.notNull())
    .addColumn('high_tech_valid_to', 'text')
    .addColumn('sme_tier', 'text', (c) => c.notNull())
    .addColumn('rd_institutions', 'text', (c) => c.notNull())
    .addColumn('employees', 'integer')
    .addColumn('service_team_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('chief_officer_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprises_township').ifNotExists().on('enterprises').column('township_unit_id').execute();
  await db.schema.createIndex('enterprises_service_team').ifNotExists().on('enterprises').column('service_team_unit_id').execute();

  await db.schema
    .createTable('enterprise_chains')
    .ifNotExists()
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('chain_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addPrimaryKeyConstraint('enterprise_chains_pk', ['enterprise_id', 'chain_unit_id'])
    .execute();

  await withId(db, db.schema.createTable('enterprise_contacts').ifNotExists())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprise_contacts_enterprise').ifNotExists().on('enterprise_contacts').column('enterprise_id').execute();

  await grantToRoles(db, {
    office: ['enterprise:read', 'enterprise:write', 'enterprise:pii', 'enterprise:import'],
    leader: ['enterprise:read'],
    department: ['enterprise:read'],
    township: ['enterprise:read', 'enterprise:write'],
    service_officer: ['enterprise:read'],
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['enterprise_contacts', 'enterprise_chains', 'enterprises']) await db.schema.dropTable(table).ifExists().execute();
  await sql`delete from role_permissions where permission like 'enterprise:%'`.execute(db);
}
