import { type Kysely, sql } from 'kysely';
import { grantToRoles, withId } from '../../../migrations/helpers';

// Township monthly reporting: report forms defined as data (each version's definition kept as JSON, so a report
// keeps the version it was filled in), the reports themselves with their values, and every change of state.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('report_forms').ifNotExists())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('period_type', 'text', (c) => c.notNull())
    .addColumn('due_working_day', 'integer', (c) => c.notNull())
    // The first month units must report on this form; earlier months are neither expected nor counted as missing.
    .addColumn('start_month', 'text', (c) => c.notNull())
    // 1: every active township reports; 0: the units listed in report_form_units.
    .addColumn('all_townships', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('report_form_versions').ifNotExists())
    .addColumn('form_id', 'integer', (c) => c.notNull().references('report_forms.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_form_versions_form_version', ['form_id', 'version'])
    .execute();

  await db.schema
    .createTable('report_form_units')
    .ifNotExists()
    .addColumn('form_id', 'integer', (c) => c.notNull().references('report_forms.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addPrimaryKeyConstraint('report_form_units_pk', ['form_id', 'unit_id'])
    .execute();

  await withId(db, db.schema.createTable('reports').ifNotExists())
    .addColumn('form_id', 'integer', (c) => c.notNull().references('report_forms.id'))
    .addColumn('form_version_id', 'integer', (c) => c.notNull().references('report_form_versions.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('values_json', 'text', (c) => c.notNull())
    .addColumn('explanations_json', 'text', (c) => c.notNull())
    // The first submission decides timeliness; a resubmission after a return does not make a late report on time.
    .addColumn('first_submitted_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reports_form_unit_month', ['form_id', 'unit_id', 'month'])
    .execute();
  await db.schema.createIndex('reports_month_unit').ifNotExists().on('reports').columns(['month', 'unit_id']).execute();

  await withId(db, db.schema.createTable('report_events').ifNotExists())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // The field or section a return concerns, shown to the township beside it.
    .addColumn('field_key', 'text')
    .addColumn('by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_events_report').ifNotExists().on('report_events').column('report_id').execute();

  await grantToRoles(db, {
    office: ['report:read', 'report:review', 'report_form:manage'],
    leader: ['report:read'],
    township: ['report:read', 'report:fill'],
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['report_events', 'reports', 'report_form_units', 'report_form_versions', 'report_forms'])
    await db.schema.dropTable(table).ifExists().execute();
  await sql`delete from role_permissions where permission in ('report:read', 'report:fill', 'report:review', 'report_form:manage')`.execute(db);
}
