import type { Kysely } from 'kysely';

// `indicators.county_value`: whether the county row of an indicator is reported by its data source ('reported', as
// every indicator was until now) or is the sum of the units' values ('sum').
// `indicator_values.source`: the record a value came from when another module wrote it (`reports/<id>` for an accepted
// township report). Such a value changes only through that record (reopened and accepted again) or by the office's
// reasoned correction. Values written by acceptance before this migration are recognised by the explanation the
// acceptance wrote (`乡镇月报《…》#<id>`) and backfilled.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('indicators')
    .addColumn('county_value', 'text', (c) => c.notNull().defaultTo('reported'))
    .execute();
  await db.schema.alterTable('indicator_values').addColumn('source', 'text').execute();
  const accepted = await db
    .selectFrom('indicator_values')
    .select(['id', 'explanation'])
    .where('explanation', 'like', '乡镇月报《%》#%')
    .where('source', 'is', null)
    .execute();
  for (const row of accepted) {
    const id = /#(\d+)$/.exec(row.explanation as string)?.[1];
    if (id)
      await db
        .updateTable('indicator_values')
        .set({ source: `reports/${id}` })
        .where('id', '=', row.id)
        .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('indicator_values').dropColumn('source').execute();
  await db.schema.alterTable('indicators').dropColumn('county_value').execute();
}
