import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, type Migration, Migrator, PostgresDialect, SqliteDialect, type SqliteDialectConfig, type Transaction, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../../config';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type Executor = Db | Trx;
export type DialectName = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Db;
  dialect: DialectName;
  /** The PostgreSQL schema the handle works in, when not the default. */
  schema?: string;
  close(): Promise<void>;
}

export type DbTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string; poolSize?: number };

// pg returns int8 (count(*), bigint money in fen) as strings; fen fits a JS number up to 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

// Kysely runs SQLite's queries one at a time on its single connection, so a `select 1` through it waits for any open
// transaction (a long import) to end. The health check asks the connection itself, which answers between statements.
const sqliteConnections = new WeakMap<Db, SqliteDatabase.Database>();

/** Opens the database: SQLite with WAL, foreign keys and a busy timeout, or a PostgreSQL pool. */
export function openDb(target: DbTarget): DbHandle {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      options: target.schema ? `-c search_path=${target.schema}` : undefined,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    return { db, dialect: 'postgres', schema: target.schema, close: () => db.destroy() };
  }
  if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
  const sqlite = new SqliteDatabase(target.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }), plugins: [new CamelCasePlugin()] });
  sqliteConnections.set(db, sqlite);
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;
// Multi-row inserts are long and seldom repeated with the same row count: not worth keeping.
const STATEMENT_CACHE_MAX_SQL = 4_000;

/**
 * The SQLite connection as Kysely sees it, keeping its prepared statements: Kysely prepares every query afresh, and
 * compiling the SQL costs about as much as running a one-row lookup. A statement still iterating (a streamed query)
 * is not handed out again; SQLite re-prepares a kept statement by itself after a schema change.
 */
function cachingStatements(sqlite: SqliteDatabase.Database): SqliteDialectConfig['database'] {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (text: string) => {
      const kept = statements.get(text);
      if (kept && !kept.busy) return kept;
      const statement = sqlite.prepare(text);
      if (text.length <= STATEMENT_CACHE_MAX_SQL && !kept) {
        // Oldest first out: a Map iterates in insertion order.
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

/** Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export function openConfiguredDb(config: Config): DbHandle {
  return openDb(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'sqlite', file: config.sqliteFile });
}

/** Brings the schema to the latest of `migrations` (the platform's, from `platform.ts`); throws with the failing migration's name. */
export async function migrateToLatest({ db, schema }: Pick<DbHandle, 'db' | 'schema'>, migrations: Record<string, Migration>): Promise<string[]> {
  const migrator = new Migrator({
    db: db.withoutPlugins() as Kysely<any>,
    // Kysely looks for its bookkeeping tables by schema; without this it finds another schema's and skips creating its own.
    migrationTableSchema: schema,
    provider: { getMigrations: async () => migrations },
    // Modules are built on parallel branches: a database may have run a later-numbered migration before an earlier one lands.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}

/** Checks that the database answers. */
export async function pingDb(db: Db): Promise<boolean> {
  try {
    const sqlite = sqliteConnections.get(db);
    if (sqlite) sqlite.prepare('select 1').get();
    else await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/**
 * Serialises writers of a hash chain: PostgreSQL takes a transaction-scoped advisory lock;
 * SQLite already admits one writer at a time.
 */
export async function lockChain(trx: Trx, dialect: DialectName, key: number): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
}
