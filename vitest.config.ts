import os from 'node:os';
import { defineConfig } from 'vitest/config';

const pgUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI === 'true' && !pgUrl) {
  throw new Error('CI=true but TEST_DATABASE_URL is not set: the server suite must also run on PostgreSQL.');
}

const serverProject = (name: string, dialect: 'sqlite' | 'postgres') => ({
  test: {
    name,
    include: ['src/server/**/*.test.ts'],
    environment: 'node',
    env: { TEST_DIALECT: dialect, PASSWORD_HASH_COST: '1024' },
    globalSetup: dialect === 'postgres' ? ['src/server/test/pg-global-setup.ts'] : [],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Files share a worker's module graph instead of importing the server afresh each (import was two thirds of the
    // suite's time). Safe because a file's own state dies with its app: its database, clock and, through
    // `TestApp.subscribe`, its event subscribers; the module list installs once per process.
    isolate: false,
  },
});

export default defineConfig({
  test: {
    // Vitest's default (cores − 1) runs one file at a time on a 2-core machine, although a PostgreSQL test file spends
    // much of its time waiting for the database: two files at a time took the CI suite from about 750 s towards half.
    maxWorkers: Math.max(2, os.availableParallelism()),
    projects: [
      { test: { name: 'rules', include: ['src/shared/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'web', include: ['src/web/**/*.test.ts'], environment: 'node' } },
      serverProject('server-sqlite', 'sqlite'),
      ...(pgUrl ? [serverProject('server-postgres', 'postgres')] : []),
    ],
  },
});
