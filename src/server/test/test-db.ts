import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type DbHandle, openDb } from '../core/db/database';
import { migratePlatform } from '../platform';

/** Which database this test project runs on (set per Vitest project). */
export const testDialect = (process.env.TEST_DIALECT ?? 'sqlite') as 'sqlite' | 'postgres';

/**
 * A migrated, empty database of its own for one test file: an in-memory SQLite database, or a fresh schema
 * inside this run's PostgreSQL database.
 */
export async function openTestDb(): Promise<DbHandle> {
  if (testDialect === 'sqlite') {
    const handle = openDb({ kind: 'sqlite', file: ':memory:' });
    await migratePlatform(handle);
    return handle;
  }
  const url = inject('pgRunUrl');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  const handle = openDb({ kind: 'postgres', url, schema, poolSize: 4 });
  await migratePlatform(handle);
  return handle;
}
