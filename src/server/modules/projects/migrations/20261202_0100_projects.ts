import { type Kysely, sql } from 'kysely';
import { withId } from '../../../migrations/helpers';

// Key projects (重点项目): the 三大改造 and 工业强县 libraries, their milestones (each a 督办 task) and monthly investment.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('projects').ifNotExists())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    // three_transformations (三大改造) or strong_county (工业强县重点项目)
    .addColumn('library', 'text', (c) => c.notNull())
    // Comma-separated types of a 三大改造 project: intelligent, green, technical (several allowed).
    .addColumn('types', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('chain_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('township_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('total_investment_fen', 'bigint', (c) => c.notNull())
    .addColumn('annual_plan_fen', 'bigint', (c) => c.notNull())
    .addColumn('planned_start', 'text', (c) => c.notNull())
    .addColumn('planned_completion', 'text', (c) => c.notNull())
    .addColumn('planned_production', 'text', (c) => c.notNull())
    .addColumn('leader_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('responsible_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('responsible_person', 'text', (c) => c.notNull())
    .addColumn('service_team_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['township_unit_id', 'responsible_unit_id', 'stage', 'leader_user_id', 'chain_unit_id'])
    await db.schema.createIndex(`projects_${column}`).ifNotExists().on('projects').column(column).execute();

  await withId(db, db.schema.createTable('project_milestones').ifNotExists())
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // The standard milestone's code (approval, land … production), or null for one the office added.
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('met_date', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('project_milestones_project_seq', ['project_id', 'seq'])
    .execute();
  await db.schema.createIndex('project_milestones_owner').ifNotExists().on('project_milestones').columns(['owner_unit_id', 'project_id']).execute();

  await db.schema
    .createTable('project_investments')
    .ifNotExists()
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('completed_fen', 'bigint', (c) => c.notNull())
    // 形象进度: what was built this month, in words; photos are attachments of owner `project`.
    .addColumn('progress_text', 'text', (c) => c.notNull())
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reported_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_investments_pk', ['project_id', 'month'])
    .execute();

  const grants: [string, string][] = [
    ['office', 'project:read'],
    ['office', 'project:write'],
    ['office', 'project:manage'],
    ['leader', 'project:read'],
    ['department', 'project:read'],
    ['department', 'project:write'],
    ['township', 'project:read'],
    ['township', 'project:write'],
    ['service_officer', 'project:read'],
  ];
  for (const [role, permission] of grants) {
    await sql`insert into role_permissions (role_id, permission)
      select id, ${permission} from roles r where r.code = ${role}
      and not exists (select 1 from role_permissions p where p.role_id = r.id and p.permission = ${permission})`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['project_investments', 'project_milestones', 'projects']) await db.schema.dropTable(table).ifExists().execute();
  await sql`delete from role_permissions where permission in ('project:read', 'project:write', 'project:manage')`.execute(db);
}
