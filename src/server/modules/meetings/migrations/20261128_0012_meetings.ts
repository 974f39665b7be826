import { type Kysely, sql } from 'kysely';
import { grantToRoles, withId } from '../../../migrations/helpers';

// Meetings of the monthly cycle (月例会, 经济运行调度会, service-team meetings): who met, on what, the minutes, and the
// decisions, each of which becomes a 督办 task of its owner unit.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('meetings').ifNotExists())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('convener', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    // Attending people as free text (names and posts); attending units in meeting_units.
    .addColumn('attendees', 'text', (c) => c.notNull())
    .addColumn('agenda', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_date').ifNotExists().on('meetings').column('meeting_date').execute();

  await db.schema
    .createTable('meeting_units')
    .ifNotExists()
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addPrimaryKeyConstraint('meeting_units_pk', ['meeting_id', 'unit_id'])
    .execute();

  await withId(db, db.schema.createTable('meeting_decisions').ifNotExists())
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addUniqueConstraint('meeting_decisions_meeting_seq', ['meeting_id', 'seq'])
    .execute();

  await grantToRoles(db, {
    office: ['meeting:read', 'meeting:write'],
    leader: ['meeting:read'],
    department: ['meeting:read'],
    township: ['meeting:read'],
    service_officer: ['meeting:read'],
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['meeting_decisions', 'meeting_units', 'meetings']) await db.schema.dropTable(table).ifExists().execute();
  await sql`delete from role_permissions where permission in ('meeting:read', 'meeting:write')`.execute(db);
}
