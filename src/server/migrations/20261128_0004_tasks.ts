import type { Kysely } from 'kysely';
import { grantToRoles, withId } from './helpers';

// The task (督办) engine, its escalations, the in-app inbox, per-unit webhooks and the scheduler's job claims.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per (job, period): the unique key is what keeps two app instances from running the same period twice.
  await withId(db, db.schema.createTable('job_runs').ifNotExists())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('instance', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('ok', 'integer')
    .addColumn('message', 'text')
    .addUniqueConstraint('job_runs_job_period_uq', ['job', 'period'])
    .execute();
  await db.schema.createIndex('job_runs_started_idx').ifNotExists().on('job_runs').column('started_at').execute();

  await withId(db, db.schema.createTable('tasks').ifNotExists())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source_module', 'text')
    .addColumn('source_id', 'text')
    // No foreign key: enterprises are another part's table, and tasks must not block removing a firm.
    .addColumn('enterprise_id', 'integer')
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('assignee_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('created_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    // Stored so lists can filter "due soon" in SQL; computed from the calendar when the task is created.
    .addColumn('due_soon_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_date', 'text')
    .addColumn('finished_date', 'text')
    .addColumn('was_overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalation_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['owner_unit_id', 'assignee_user_id', 'due_date', 'status', 'enterprise_id', 'created_by_unit_id'])
    await db.schema.createIndex(`tasks_${column}_idx`).ifNotExists().on('tasks').column(column).execute();
  await db.schema.createIndex('tasks_source_idx').ifNotExists().on('tasks').columns(['source_module', 'source_id']).execute();

  await db.schema
    .createTable('task_co_units')
    .ifNotExists()
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addPrimaryKeyConstraint('task_co_units_pk', ['task_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('task_co_units_unit_idx').ifNotExists().on('task_co_units').column('unit_id').execute();

  // The timeline: creation, every status change (who, when, reason), comments and escalations, in one ordered table.
  await withId(db, db.schema.createTable('task_events').ifNotExists())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('text', 'text')
    .execute();
  await db.schema.createIndex('task_events_task_idx').ifNotExists().on('task_events').column('task_id').execute();

  await db.schema
    .createTable('task_escalations')
    .ifNotExists()
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_escalations_pk', ['task_id', 'step'])
    .execute();

  await withId(db, db.schema.createTable('notifications').ifNotExists())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user_idx').ifNotExists().on('notifications').columns(['user_id', 'read_at']).execute();

  await withId(db, db.schema.createTable('webhooks').ifNotExists())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhooks_unit_idx').ifNotExists().on('webhooks').column('unit_id').execute();

  await withId(db, db.schema.createTable('webhook_deliveries').ifNotExists())
    .addColumn('webhook_id', 'integer', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('webhook_deliveries_due_idx').ifNotExists().on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('webhook_deliveries_webhook_idx').ifNotExists().on('webhook_deliveries').column('webhook_id').execute();

  // Databases created before this migration already have the built-in roles: give them the new permissions.
  await grantToRoles(db, GRANTS);
}

// Kept here rather than imported: migrations never import app code, so they stay valid when the catalogue moves on.
const GRANTS: Record<string, string[]> = {
  office: ['task:read', 'task:write', 'task:assign', 'job:read'],
  leader: ['task:read'],
  department: ['task:read', 'task:write'],
  township: ['task:read', 'task:write'],
  service_officer: ['task:read', 'task:write'],
  sysadmin: ['webhook:manage', 'job:read'],
};

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['webhook_deliveries', 'webhooks', 'notifications', 'task_escalations', 'task_events', 'task_co_units', 'tasks', 'job_runs'])
    await db.schema.dropTable(table).ifExists().execute();
}
