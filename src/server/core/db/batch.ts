import type { Insertable } from 'kysely';
import type { Executor } from './database';
import type { Database } from './schema';

/** Most rows one multi-row statement carries. */
export const ROWS_PER_STATEMENT = 500;
// Below SQLite's default limit of 32,766 bound parameters, and so below PostgreSQL's 65,535.
const MAX_PARAMETERS = 30_000;

/**
 * Splits rows for multi-row statements: at most 500 rows each, and never more bound parameters than either
 * database takes (`columns` is how many each row binds).
 */
export function batches<T>(rows: T[], columns: number, max = ROWS_PER_STATEMENT): T[][] {
  const size = Math.max(1, Math.min(max, Math.floor(MAX_PARAMETERS / Math.max(1, columns))));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Bound parameters a multi-row insert of these rows takes per row: every column any row names. */
function columnsOf(rows: readonly object[]): number {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  return names.size;
}

/**
 * Inserts rows with multi-row statements (500 rows each, fewer for wide rows, within either database's bind-parameter
 * limit) in the caller's executor: one round trip per 500 rows instead of one per row. `between` runs after each
 * statement (an import's `pace.breathe`).
 */
export async function insertMany<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  between?: () => Promise<void>,
): Promise<void> {
  if (rows.length === 0) return;
  for (const batch of batches([...rows], columnsOf(rows))) {
    await db
      .insertInto(table)
      .values(batch as never)
      .execute();
    if (between) await between();
  }
}
