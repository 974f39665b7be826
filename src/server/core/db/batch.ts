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
