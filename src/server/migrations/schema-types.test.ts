import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DbHandle } from '../core/db/database';
import { openTestDb, testDialect } from '../test/test-db';

const SRC = fileURLToPath(new URL('../..', import.meta.url));

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The tables and columns the application's types declare (`Database` with each `modules/<m>/<m>.tables.ts` merged in), snake_cased. */
function declaredSchema(): Record<string, string[]> {
  const moduleTables = fs
    .readdirSync(path.join(SRC, 'server/modules'))
    .map((m) => path.join(SRC, 'server/modules', m, `${m}.tables.ts`))
    .filter((file) => fs.existsSync(file));
  const schemaPath = path.join(SRC, 'server/core/db/schema.ts');
  const program = ts.createProgram([schemaPath, ...moduleTables], { strict: true, skipLibCheck: true, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const schemaFile = program.getSourceFile(schemaPath);
  const moduleSymbol = schemaFile && checker.getSymbolAtLocation(schemaFile);
  const symbol = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === 'Database');
  if (!symbol) throw new Error('no Database interface in schema.ts');
  const database = checker.getDeclaredTypeOfSymbol(symbol);
  const out: Record<string, string[]> = {};
  for (const table of checker.getPropertiesOfType(database)) {
    const tableType = checker.getTypeOfSymbol(table);
    out[snake(table.name)] = checker
      .getPropertiesOfType(tableType)
      .map((column) => {
        const text = checker.typeToString(checker.getTypeOfSymbol(column));
        const nullable = /\bnull\b/.test(text) && !text.startsWith('Generated<');
        return `${snake(column.name)}${nullable ? '' : ' not null'}`;
      })
      .sort();
  }
  return out;
}

/** The migrated tables and columns, with nullability (auto-incrementing keys count as not null). */
async function migratedSchema(db: Kysely<any>): Promise<Record<string, string[]>> {
  const tables = await db.introspection.getTables();
  return Object.fromEntries(
    tables
      .filter((t) => !t.name.startsWith('kysely_') && (handle.schema ? t.schema === handle.schema : true))
      .map((t) => [t.name, t.columns.map((c) => `${c.name}${c.isNullable && !c.isAutoIncrementing ? '' : ' not null'}`).sort()]),
  );
}

it(`the table types in schema.ts and the modules agree with the migrated database on ${testDialect}`, async () => {
  const declared = declaredSchema();
  const migrated = await migratedSchema(handle.db.withoutPlugins() as Kysely<any>);
  expect(Object.keys(declared).sort()).toEqual(Object.keys(migrated).sort());
  for (const table of Object.keys(migrated)) expect({ table, columns: declared[table] }).toEqual({ table, columns: migrated[table] });
}, 60_000);
