import type { Kysely } from 'kysely';

// Schedules that meet every n months (政银企对接会 every two): the interval and the month the cycle counts from.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('meeting_schedules')
    .addColumn('every_months', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('meeting_schedules').addColumn('start_month', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('meeting_schedules').dropColumn('start_month').execute();
  await db.schema.alterTable('meeting_schedules').dropColumn('every_months').execute();
}
