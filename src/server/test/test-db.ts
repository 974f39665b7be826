import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type DbHandle, type DbTarget, openDb } from '../core/db/database';
import { migratePlatform } from '../platform';
import { TEMPLATE_SCHEMA } from './pg-global-setup';

/** Which database this test project runs on (set per Vitest project). */
export const testDialect = (process.env.TEST_DIALECT ?? 'sqlite') as 'sqlite' | 'postgres';

/**
 * A migrated, empty database of its own for one test file: an in-memory SQLite database, or a copy of this run's
 * migrated PostgreSQL template; with where it lives, for tools that reach it from outside the app (backups).
 */
export async function testDatabase(): Promise<{ handle: DbHandle; target: DbTarget }> {
  if (testDialect === 'sqlite') {
    const handle = openDb({ kind: 'sqlite', file: ':memory:' });
    await migratePlatform(handle);
    return { handle, target: { kind: 'sqlite', file: ':memory:' } };
  }
  const runUrl = inject('pgRunUrl');
  // Named after the template, so the run's clean-up (every database whose name starts with the run's) finds it.
  const name = `${inject('pgTemplate')}_copy_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: runUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
  } finally {
    await admin.end();
  }
  const target: DbTarget = { kind: 'postgres', url: Object.assign(new URL(runUrl), { pathname: `/${name}` }).toString(), schema: TEMPLATE_SCHEMA, poolSize: 4 };
  return { handle: openDb(target), target };
}

/** A migrated, empty database of its own for one test file (see `testDatabase`). */
export async function openTestDb(): Promise<DbHandle> {
  return (await testDatabase()).handle;
}
