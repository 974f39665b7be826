import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { DbHandle } from '../core/db/database';
import type { TestApp } from './build-app';

/** The demo accounts, one per built-in role (gxj is also the enterprise reader; wuxing is a firm; abc is a bank), that the suite-wide checks call as. */
export const CALLERS = ['office', 'leader', 'gxj', 'daying', 'stainless.team', 'wuxing', 'abc', 'sysadmin', 'secadmin', 'auditor'] as const;
export const ANONYMOUS = 'anonymous';

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; [key: string]: unknown };

export interface Operation {
  method: string;
  /** The OpenAPI path, e.g. `/api/units/{id}`. */
  template: string;
  /** The JSON body's schema, when the operation takes one. */
  body: JsonSchema | null;
}

/** Every operation of the app's OpenAPI document, in a stable order. */
export async function listOperations(t: TestApp): Promise<Operation[]> {
  type Doc = { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> };
  const doc = (await t.anonymous().get('/api/docs/json')).json() as Doc;
  return Object.entries(doc.paths)
    .flatMap(([template, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        template,
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      })),
    )
    .filter((op) => op.method !== 'HEAD')
    .sort((a, b) => `${a.template} ${a.method}`.localeCompare(`${b.template} ${b.method}`));
}

/** A concrete path for an OpenAPI path template, with plausible values of the demo county's for its parameters. */
export function concretePath(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'year' ? '2021' : name === 'month' ? '2021-09' : '1'));
}

export const MATRIX_FILE = path.join(import.meta.dirname, '../core/http/authz-matrix.json');

/** The reviewed authorization matrix: per operation (`METHOD /path`), the callers that pass the gate. */
export function reviewedMatrix(): Record<string, string[]> {
  return JSON.parse(fs.readFileSync(MATRIX_FILE, 'utf8')) as Record<string, string[]>;
}

const tablesOf = new WeakMap<DbHandle, string[]>();

/**
 * Row counts of every table of a database: equal before and after means nothing was written. The tables are looked
 * up once per database and counted in one statement (the fuzzing counts twice per case, hundreds of cases).
 */
export async function rowCounts(database: DbHandle): Promise<Record<string, number>> {
  const db = database.db.withoutPlugins() as Kysely<any>;
  let names = tablesOf.get(database);
  if (!names) {
    const tables = await db.introspection.getTables();
    names = tables.filter((table) => (database.schema ? table.schema === database.schema : true)).map((table) => table.name);
    tablesOf.set(database, names);
  }
  const counts = sql.join(
    names.map((name) => sql`select ${name} as t, count(*) as n from ${sql.table(name)}`),
    sql` union all `,
  );
  const { rows } = await sql<{ t: string; n: number | string }>`${counts}`.execute(db);
  return Object.fromEntries(rows.map((row) => [row.t, Number(row.n)]));
}
