import { type Kysely, sql } from 'kysely';
import { grantToRoles, withId } from '../../../migrations/helpers';

// Enterprise service requests (企业诉求): categories with their time limits, requests owned by the unit that first
// received them (首接负责制), parts handed to other units (each a 督办 task), and the request's history.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('service_categories').ifNotExists())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('limit_days', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The defaults of rules.md, written out: a migration never imports the catalogue.
  const defaults: [string, string, string, number][] = [
    ['consultation', '咨询', 'Consultation', 3],
    ['general', '一般协调', 'General coordination', 5],
    ['complex', '复杂协调', 'Complex coordination', 15],
    ['major', '重大事项', 'Major matter', 30],
  ];
  for (const [i, [code, zh, en, days]] of defaults.entries())
    await sql`insert into service_categories (code, name_zh, name_en, limit_days, sort_order, active, updated_at)
      select ${code}, ${zh}, ${en}, ${days}, ${(i + 1) * 10}, 1, ${new Date(0).toISOString()}
      where not exists (select 1 from service_categories where code = ${code})`.execute(db);

  await withId(db, db.schema.createTable('service_requests').ifNotExists())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    // The firm's township when received: the township sees its firms' requests.
    .addColumn('township_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    // 首接负责制: the unit that first received it owns it until the firm confirms it closed.
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull().references('service_categories.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    // open, closed (replied, waiting for the firm), confirmed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('reply', 'text')
    .addColumn('closed_date', 'text')
    .addColumn('working_days', 'integer')
    .addColumn('on_time', 'integer')
    .addColumn('was_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating', 'text')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_requests_enterprise').ifNotExists().on('service_requests').column('enterprise_id').execute();
  await db.schema.createIndex('service_requests_township').ifNotExists().on('service_requests').column('township_unit_id').execute();
  await db.schema.createIndex('service_requests_owner_closed').ifNotExists().on('service_requests').columns(['owner_unit_id', 'closed_date']).execute();
  await db.schema.createIndex('service_requests_owner_received').ifNotExists().on('service_requests').columns(['owner_unit_id', 'received_date']).execute();
  await db.schema.createIndex('service_requests_status_due').ifNotExists().on('service_requests').columns(['status', 'due_date']).execute();

  await withId(db, db.schema.createTable('service_request_parts').ifNotExists())
    .addColumn('request_id', 'integer', (c) => c.notNull().references('service_requests.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('replied_date', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('replied_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_request_parts_request').ifNotExists().on('service_request_parts').column('request_id').execute();
  await db.schema.createIndex('service_request_parts_unit').ifNotExists().on('service_request_parts').columns(['unit_id', 'request_id']).execute();

  await withId(db, db.schema.createTable('service_request_events').ifNotExists())
    .addColumn('request_id', 'integer', (c) => c.notNull().references('service_requests.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    // Whether the firm sees it: replies, its own words and ratings; internal notes and parts stay with the units.
    .addColumn('public', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_request_events_request').ifNotExists().on('service_request_events').column('request_id').execute();

  await grantToRoles(db, {
    office: ['service:read', 'service:handle', 'service:manage', 'service:accounts'],
    leader: ['service:read'],
    department: ['service:read', 'service:handle'],
    township: ['service:read', 'service:handle', 'service:accounts'],
    service_officer: ['service:read', 'service:handle'],
    enterprise: ['service:read', 'service:submit'],
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['service_request_events', 'service_request_parts', 'service_requests', 'service_categories'])
    await db.schema.dropTable(table).ifExists().execute();
  await sql`delete from role_permissions where permission like 'service:%'`.execute(db);
}
