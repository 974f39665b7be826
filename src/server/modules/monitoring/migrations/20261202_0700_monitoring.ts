import { type Kysely, sql } from 'kysely';
import { grantToRoles, withId } from '../../../migrations/helpers';

// Enterprise operation monitoring (企业运行监测): each firm's monthly figures from three sources — output value in fen
// (统计局), electricity in kWh (供电公司), taxes in fen (税务) — one row per firm and month, a source's column null
// until it reports; and the flags (下滑, 停产, 半停产) computed from them, kept once raised so that a re-import never
// raises one twice (a flag whose condition no longer holds is inactive, not deleted).
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('monitoring_figures').ifNotExists())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('output_fen', 'bigint')
    .addColumn('electricity_kwh', 'bigint')
    .addColumn('taxes_fen', 'bigint')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('monitoring_figures_firm_month').ifNotExists().unique().on('monitoring_figures').columns(['enterprise_id', 'month']).execute();

  await withId(db, db.schema.createTable('monitoring_flags').ifNotExists())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    // decline (下滑), stopped (停产) or half_stopped (半停产)
    .addColumn('flag', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('monitoring_flags_firm_month_flag')
    .ifNotExists()
    .unique()
    .on('monitoring_flags')
    .columns(['enterprise_id', 'month', 'flag'])
    .execute();
  await db.schema.createIndex('monitoring_flags_month').ifNotExists().on('monitoring_flags').columns(['month', 'active']).execute();

  await grantToRoles(db, {
    office: ['monitoring:read', 'monitoring:import'],
    leader: ['monitoring:read'],
    township: ['monitoring:read'],
    service_officer: ['monitoring:read'],
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('monitoring_flags').ifExists().execute();
  await db.schema.dropTable('monitoring_figures').ifExists().execute();
  await sql`delete from role_permissions where permission like 'monitoring:%'`.execute(db);
}
