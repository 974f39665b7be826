import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DbHandle } from '../core/db/database';
import { openTestDb, testDialect } from '../test/test-db';

const SNAPSHOT = fileURLToPath(new URL('./schema.snapshot.json', import.meta.url));

// Both dialects spell the same portable types differently; the snapshot records the portable name.
const PORTABLE: Record<string, string> = {
  integer: 'integer',
  int4: 'integer',
  serial: 'integer',
  int8: 'bigint',
  bigint: 'bigint',
  text: 'text',
  real: 'real',
  float8: 'real',
  'double precision': 'real',
};

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

/** The migrated schema as `table.column: type [not null]`, sorted, without Kysely's own bookkeeping tables. */
async function describeSchema(db: Kysely<any>) {
  const tables = await db.introspection.getTables();
  return Object.fromEntries(
    tables
      .filter((t) => !t.name.startsWith('kysely_') && (handle.schema ? t.schema === handle.schema : true))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((t) => [
        t.name,
        t.columns
          .map((c) => `${c.name}: ${PORTABLE[c.dataType.toLowerCase()] ?? c.dataType}${c.isAutoIncrementing ? ' auto' : c.isNullable ? '' : ' not null'}`)
          .sort(),
      ]),
  );
}

/** The indexes the migrations create, as `name: table(columns) [unique]`, sorted; constraint-backed ones are left out. */
async function describeIndexes(db: Kysely<any>): Promise<string[]> {
  const rows =
    testDialect === 'sqlite'
      ? (
          await sql<{ name: string; table: string; unique: number; columns: string }>`
            select i.name, i.tbl_name as "table", l."unique" as "unique",
              (select group_concat(c.name, ', ') from (select name from pragma_index_info(i.name) order by seqno) c) as columns
            from sqlite_master i join pragma_index_list(i.tbl_name) l on l.name = i.name
            where i.type = 'index' and i.sql is not null`.execute(db)
        ).rows
      : (
          await sql<{ name: string; table: string; unique: boolean; columns: string }>`
            select i.relname as name, t.relname as "table", ix.indisunique as "unique",
              (select string_agg(a.attname, ', ' order by k.ord) from unnest(ix.indkey) with ordinality k(attnum, ord)
                join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum) as columns
            from pg_index ix join pg_class i on i.oid = ix.indexrelid join pg_class t on t.oid = ix.indrelid
              join pg_namespace n on n.oid = t.relnamespace
            where n.nspname = ${handle.schema} and not exists (select 1 from pg_constraint c where c.conindid = ix.indexrelid)`.execute(db)
        ).rows;
  return rows.map((r) => `${r.name}: ${r.table}(${r.columns})${r.unique ? ' unique' : ''}`).sort();
}

it(`matches the checked-in schema snapshot, indexes included, on ${testDialect}`, async () => {
  const db = handle.db.withoutPlugins() as Kysely<any>;
  const actual = { tables: await describeSchema(db), indexes: await describeIndexes(db) };
  if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, `${JSON.stringify(actual, null, 2)}\n`);
  expect(actual).toEqual(JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')));
});
