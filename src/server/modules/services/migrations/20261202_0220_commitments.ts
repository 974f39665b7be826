import { type Kysely, sql } from 'kysely';
import { grantToRoles, withId } from '../../../migrations/helpers';

// The commitments ledger (政策兑现与欠款台账): what the county owes firms (policy promises, government arrears) with
// the responsible unit, amount due in fen, due date and basis; payments, partial or whole.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('service_commitments').ifNotExists())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('township_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    // policy (政策兑现) or arrears (欠款)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // The document or contract it rests on.
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('responsible_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('amount_due_fen', 'bigint', (c) => c.notNull())
    .addColumn('paid_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('settled_date', 'text')
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_commitments_enterprise').ifNotExists().on('service_commitments').column('enterprise_id').execute();
  await db.schema.createIndex('service_commitments_unit_due').ifNotExists().on('service_commitments').columns(['responsible_unit_id', 'due_date']).execute();
  await db.schema.createIndex('service_commitments_township').ifNotExists().on('service_commitments').column('township_unit_id').execute();

  await withId(db, db.schema.createTable('service_commitment_payments').ifNotExists())
    .addColumn('commitment_id', 'integer', (c) => c.notNull().references('service_commitments.id'))
    .addColumn('paid_date', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_commitment_payments_item').ifNotExists().on('service_commitment_payments').column('commitment_id').execute();

  await grantToRoles(db, { office: ['service:commitments'] });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('service_commitment_payments').ifExists().execute();
  await db.schema.dropTable('service_commitments').ifExists().execute();
  await sql`delete from role_permissions where permission = 'service:commitments'`.execute(db);
}
