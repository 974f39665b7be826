import type { Kysely } from 'kysely';
import { withId } from '../../../migrations/helpers';

// Recurring meetings (the 月例会 on the 10th working day of each month): a schedule creates each meeting ahead of its
// date as `planned`; the office records it as `held` with its minutes and decisions.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('meeting_schedules').ifNotExists())
    .addColumn('kind', 'text', (c) => c.notNull())
    /** The meeting's name without its month: 工业强县月例会 becomes 2021年10月工业强县月例会. */
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('working_day', 'integer', (c) => c.notNull())
    /** How many working days ahead the meeting is created and its units told. */
    .addColumn('lead_working_days', 'integer', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('convener', 'text', (c) => c.notNull())
    .addColumn('attendees', 'text', (c) => c.notNull())
    .addColumn('agenda', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('meeting_schedule_units')
    .ifNotExists()
    .addColumn('schedule_id', 'integer', (c) => c.notNull().references('meeting_schedules.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addPrimaryKeyConstraint('meeting_schedule_units_pk', ['schedule_id', 'unit_id'])
    .execute();
  await db.schema
    .alterTable('meetings')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('held'))
    .execute();
  await db.schema
    .alterTable('meetings')
    .addColumn('schedule_id', 'integer', (c) => c.references('meeting_schedules.id'))
    .execute();
  // One meeting per schedule and date, however often the job runs.
  await db.schema.createIndex('meetings_schedule_date').ifNotExists().unique().on('meetings').columns(['schedule_id', 'meeting_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('meetings_schedule_date').ifExists().execute();
  await db.schema.alterTable('meetings').dropColumn('schedule_id').execute();
  await db.schema.alterTable('meetings').dropColumn('status').execute();
  for (const table of ['meeting_schedule_units', 'meeting_schedules']) await db.schema.dropTable(table).ifExists().execute();
}
