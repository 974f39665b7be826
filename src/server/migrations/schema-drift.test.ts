import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
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

it(`matches the checked-in schema snapshot on ${testDialect}`, async () => {
  const actual = await describeSchema(handle.db.withoutPlugins() as Kysely<any>);
  if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, `${JSON.stringify(actual, null, 2)}\n`);
  expect(actual).toEqual(JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')));
});
