import type { Kysely } from 'kysely';

// The warnings board reads, for every target, its unit's months of this year and last. Through the unique
// (indicator, unit, month) index each of those rows was then fetched from the table for its status and value; this
// index holds them too, so the board's query never touches the table (at province scale on SQLite 2.5 M values of
// two years: 8.0 s through the month index, 2.7–3.9 s through this one). Found by bench/indicators.ts.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('indicator_values_board')
    .ifNotExists()
    .on('indicator_values')
    .columns(['indicator_id', 'unit_id', 'month', 'status', 'value'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('indicator_values_board').ifExists().execute();
}
