import { type Kysely, sql } from 'kysely';
import { grantToRoles, withId } from '../../../migrations/helpers';

// Indicator catalogue and the annual plan: county targets decomposed to units, versioned once published.
// Indicator values are statistics in the indicator's own unit of measure (亿元, %, 家 …), kept as double precision
// and rounded to the indicator's decimals; they are not money movements, which the funds module keeps in fen.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('indicators').ifNotExists())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('unit_zh', 'text', (c) => c.notNull())
    .addColumn('unit_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('source_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('definition_zh', 'text', (c) => c.notNull())
    .addColumn('definition_en', 'text', (c) => c.notNull())
    .addColumn('yellow_band_pp', 'double precision')
    .addColumn('decimals', 'integer', (c) => c.notNull())
    .addColumn('min_value', 'double precision')
    .addColumn('max_value', 'double precision')
    .addColumn('max_jump_pct', 'double precision')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('indicator_plans').ifNotExists())
    .addColumn('year', 'integer', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('coverage_reason', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // unit_id is the unit the target is decomposed to (its responsible unit); the county unit holds the county target.
  await withId(db, db.schema.createTable('indicator_targets').ifNotExists())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('indicator_plans.id'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('is_county', 'integer', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('start_of_year', 'double precision')
    .addColumn('plan_curve', 'text')
    .addColumn('responsible_person', 'text', (c) => c.notNull())
    .addColumn('lead_leader', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicator_targets_plan_indicator_unit', ['plan_id', 'indicator_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('indicator_targets_unit').ifNotExists().on('indicator_targets').columns(['unit_id', 'plan_id']).execute();

  await withId(db, db.schema.createTable('indicator_plan_versions').ifNotExists())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('indicator_plans.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicator_plan_versions_plan_version', ['plan_id', 'version'])
    .execute();

  // Databases created before this migration already have the built-in roles: give them the new permissions.
  await grantToRoles(db, {
    office: ['indicator:read', 'indicator:manage'],
    leader: ['indicator:read'],
    department: ['indicator:read'],
    township: ['indicator:read'],
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['indicator_plan_versions', 'indicator_targets', 'indicator_plans', 'indicators']) await db.schema.dropTable(table).ifExists().execute();
  await sql`delete from role_permissions where permission in ('indicator:read', 'indicator:manage')`.execute(db);
}
