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

/**
 * A body valid by an operation's JSON schema, as far as the schema says (required fields with the smallest value
 * their type, enum, format and bounds allow), so that a call gets past validation to the handler's own checks.
 */
export function sampleBody(schema: JsonSchema | null | undefined): unknown {
  if (!schema) return {};
  const s = schema as JsonSchema & {
    enum?: unknown[];
    const?: unknown;
    anyOf?: JsonSchema[];
    oneOf?: JsonSchema[];
    required?: string[];
    items?: JsonSchema;
    minItems?: number;
    minimum?: number;
    exclusiveMinimum?: number;
    minLength?: number;
    format?: string;
    pattern?: string;
  };
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const choice = s.anyOf ?? s.oneOf;
  if (choice) return sampleBody(choice.find((c) => c.type !== 'null') ?? choice[0]);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((name) => [name, sampleBody(s.properties?.[name])]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleBody(s.items));
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'date') return '2021-09-30';
      if (s.pattern === '^\\d{4}-\\d{2}$') return '2021-09';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    default:
      return null;
  }
}
