import { CompiledQuery, type Insertable, sql } from 'kysely';
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

/** `fooBar` → `foo_bar`, as the CamelCasePlugin names tables and columns in the database. */
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const quoted = (name: string) => `"${snake(name)}"`;

export interface InsertManyOptions<R> {
  /** `on conflict (columns) do update set` the `update` columns to the new row's values (an upsert). */
  onConflict?: { columns: (keyof R & string)[]; update: (keyof R & string)[] };
  /** Runs after each statement (an import's `pace.breathe`). */
  between?: () => Promise<void>;
}

/**
 * Inserts rows with multi-row statements in the caller's executor: 500 rows a statement (fewer for wide rows), never
 * more bound parameters than SQLite (32,766) or PostgreSQL (65,535) take. The SQL text is written here, once per
 * statement size, not built value by value, so a quarter of a million rows cost their round trips and little else.
 * Every row gives every column any row names (a missing value is written as null). Both databases.
 */
export async function insertMany<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  options: InsertManyOptions<Insertable<Database[T]>> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  const columns = [...names];
  const numbered = sql`${0}`.compile(db).sql !== '?';
  let tail = '';
  if (options.onConflict) {
    const { columns: keys, update } = options.onConflict;
    tail = ` on conflict (${keys.map(quoted).join(', ')}) do ${
      update.length ? `update set ${update.map((c) => `${quoted(c)} = excluded.${quoted(c)}`).join(', ')}` : 'nothing'
    }`;
  }
  const head = `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values `;
  const texts = new Map<number, string>();
  const textFor = (n: number) => {
    let text = texts.get(n);
    if (!text) {
      const tuples: string[] = [];
      for (let r = 0; r < n; r++) tuples.push(`(${columns.map((_, c) => (numbered ? `$${r * columns.length + c + 1}` : '?')).join(', ')})`);
      text = head + tuples.join(', ') + tail;
      texts.set(n, text);
    }
    return text;
  };
  for (const batch of batches([...rows], columns.length)) {
    const params: unknown[] = [];
    for (const row of batch) for (const c of columns) params.push((row as Record<string, unknown>)[c] ?? null);
    await db.executeQuery(CompiledQuery.raw(textFor(batch.length), params));
    if (options.between) await options.between();
  }
}
