import type { Kysely } from 'kysely';

// The ledger page reads one unit's values over two years; the (month, unit_id) index made it scan every unit's
// values of those months (about 3 M index entries at province scale). Found by bench/indicators.ts.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('indicator_values_unit_month').ifNotExists().on('indicator_values').columns(['unit_id', 'month']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('indicator_values_unit_month').ifExists().execute();
}
