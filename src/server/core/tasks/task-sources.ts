import { sql } from 'kysely';
import type { Executor } from '../db/database';

/** A task's source record as people read it: a label in both languages and the page that shows it. */
export interface TaskSourceLabel {
  zh: string;
  en: string;
  path: string | null;
}

/**
 * Describes a module's task sources in bulk, by the record ids the module wrote (`source.recordId`); ids it does not
 * know are left out. Declared as `taskSources` in the module's manifest.
 */
export type TaskSourceDescriber = (db: Executor, recordIds: string[]) => Promise<Map<string, TaskSourceLabel>>;

/** The `column` of the rows of `table` with the given ids, for labels. */
export async function namesOf(db: Executor, table: string, column: string, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ id: number; name: string }>`select id, ${sql.ref(column)} as name from ${sql.table(table)} where id in (${sql.join([
    ...new Set(ids),
  ])})`.execute(db);
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

/** Units' names in both languages by id. */
export async function unitNamesOf(db: Executor, ids: number[]): Promise<Map<number, { zh: string; en: string }>> {
  const [zh, en] = await Promise.all([namesOf(db, 'org_units', 'name_zh', ids), namesOf(db, 'org_units', 'name_en', ids)]);
  return new Map([...zh].map(([id, name]) => [id, { zh: name, en: en.get(id) ?? name }]));
}

/** A month (`2021-09`) as a label: 2021年9月 / 2021-09. */
export const monthLabel = (month: string) => ({ zh: `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`, en: month });
