import type { Insertable } from 'kysely';
import type { Executor } from '../db/database';
import type { CalendarDayTable } from '../db/schema';

/** SQL for the county calendar's exceptions (holidays and make-up working days). */
export const calendarRepository = {
  between(db: Executor, from: string, to: string) {
    return db.selectFrom('calendarDays').select(['date', 'kind', 'name']).where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
  },
  find(db: Executor, date: string) {
    return db.selectFrom('calendarDays').select(['date', 'kind', 'name']).where('date', '=', date).executeTakeFirst();
  },
  async yearsPresent(db: Executor): Promise<Set<string>> {
    const rows = await db.selectFrom('calendarDays').select('date').execute();
    return new Set(rows.map((r) => r.date.slice(0, 4)));
  },
  async insertMany(db: Executor, rows: Insertable<CalendarDayTable>[]) {
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('calendarDays')
        .values(rows.slice(i, i + 200))
        .execute();
  },
  async upsert(db: Executor, row: Insertable<CalendarDayTable>) {
    await db
      .insertInto('calendarDays')
      .values(row)
      .onConflict((oc) => oc.column('date').doUpdateSet({ kind: row.kind, name: row.name, updatedAt: row.updatedAt, updatedBy: row.updatedBy }))
      .execute();
  },
  /** One multi-row upsert (the caller keeps batches within the bind-parameter limits; no date twice in one). */
  async upsertMany(db: Executor, rows: Insertable<CalendarDayTable>[]) {
    if (rows.length)
      await db
        .insertInto('calendarDays')
        .values(rows)
        .onConflict((oc) =>
          oc.column('date').doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            name: eb.ref('excluded.name'),
            updatedAt: eb.ref('excluded.updatedAt'),
            updatedBy: eb.ref('excluded.updatedBy'),
          })),
        )
        .execute();
  },
  async deleteMany(db: Executor, dates: string[]) {
    if (dates.length) await db.deleteFrom('calendarDays').where('date', 'in', dates).execute();
  },
  async delete(db: Executor, date: string) {
    await db.deleteFrom('calendarDays').where('date', '=', date).execute();
  },
};
