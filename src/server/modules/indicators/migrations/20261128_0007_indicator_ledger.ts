import { type Kysely, sql } from 'kysely';
import { grantToRoles, withId } from '../../../migrations/helpers';

// The monthly ledger (月完成指标数据台账): one value per indicator, unit and month; months locked by the office;
// every change after submission kept in the value's history.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('indicator_values').ifNotExists())
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addUniqueConstraint('indicator_values_indicator_unit_month', ['indicator_id', 'unit_id', 'month'])
    .execute();
  await db.schema.createIndex('indicator_values_month').ifNotExists().on('indicator_values').columns(['month', 'unit_id']).execute();

  await withId(db, db.schema.createTable('indicator_value_history').ifNotExists())
    .addColumn('value_id', 'integer', (c) => c.notNull().references('indicator_values.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before_value', 'double precision')
    .addColumn('after_value', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicator_value_history_value').ifNotExists().on('indicator_value_history').column('value_id').execute();

  await db.schema
    .createTable('indicator_month_locks')
    .ifNotExists()
    .addColumn('month', 'text', (c) => c.primaryKey().notNull())
    .addColumn('locked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('locked_at', 'text', (c) => c.notNull())
    .execute();

  await grantToRoles(db, {
    office: ['indicator:enter', 'indicator:lock'],
    department: ['indicator:enter'],
    township: ['indicator:enter'],
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['indicator_value_history', 'indicator_values', 'indicator_month_locks']) await db.schema.dropTable(table).ifExists().execute();
  await sql`delete from role_permissions where permission in ('indicator:enter', 'indicator:lock')`.execute(db);
}
