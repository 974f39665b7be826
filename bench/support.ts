// Shared by the benchmarks: the app on a throw-away database (SQLite file, or a PostgreSQL schema when
// BENCH_DATABASE_URL is set) started by the platform's one start-up (`bootApp`), a timer that prints p50/p95, and a
// client that signs demo accounts in.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from '../src/server/config';
import type { UserContext } from '../src/server/core/access/context';
import { authenticate } from '../src/server/core/auth/auth.service';
import { type DbHandle, openDb } from '../src/server/core/db/database';
import type { Clock, Deps } from '../src/server/core/deps';
import { SESSION_COOKIE } from '../src/server/core/http/request-context';
import { DEMO_PASSWORD, countyFile, ensureDemoAccounts, loadCounty } from '../src/server/core/setup/bootstrap';
import { bootApp, loadCountyData } from '../src/server/platform';

// Sign-ins hash at the production cost unless a run says otherwise.
process.env.PASSWORD_HASH_COST ??= '16384';

/** The demo county (units and accounts) every bench starts from. */
export const demoCounty = countyFile.parse(JSON.parse(fs.readFileSync('scripts/demo/baofeng-county.json', 'utf8')));

/** Which database a run measures, as the figures name it. */
export const dialectName = () => (process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite');

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export interface BenchAppOptions {
  /** The county day the app lives on (09:00 county time, 01:00 UTC), or a clock of its own; the real time otherwise. */
  today?: string;
  clock?: Clock;
  /** Over the defaults: demo mode, no web files. */
  config?: Partial<Config>;
  /** `accounts` (default): the county's units and demo accounts; `all`: every module's demo data too. */
  demo?: 'accounts' | 'all';
  logger?: boolean;
  logStream?: NodeJS.WritableStream;
  /** Keep the database between runs under this name (not removed on close), so a slow generated data set is built once. */
  keep?: string;
}

export interface BenchApp {
  app: FastifyInstance;
  deps: Deps;
  handle: DbHandle;
  config: Config;
  clock: Clock;
  /** Closes the app and the database and removes the database. */
  close(): Promise<void>;
}

/**
 * The app as the server starts it (`bootApp`: migrations, modules, built-in roles, calendar) on a fresh bench
 * database, with the demo county and its accounts loaded and the app ready.
 */
export async function benchApp(name: string, options: BenchAppOptions = {}): Promise<BenchApp> {
  const { handle, drop } = await openBenchDb(name, options.keep);
  const clock = options.clock ?? (options.today ? { now: () => new Date(`${options.today}T01:00:00Z`) } : undefined);
  const config: Config = { ...loadConfig({}, []), demo: true, webDist: '/nonexistent', ...options.config };
  let app: FastifyInstance | undefined;
  const close = async () => {
    try {
      await app?.close();
    } finally {
      await handle.close();
      await drop();
    }
  };
  try {
    const built = await bootApp({ config, database: handle, clock, logger: options.logger ?? false, logStream: options.logStream });
    app = built.app;
    if (options.demo === 'all') await loadCountyData(built.deps, demoCounty, { demo: true });
    else {
      await loadCounty(built.deps, demoCounty);
      await ensureDemoAccounts(built.deps, demoCounty);
    }
    await built.app.ready();
    return { app: built.app, deps: built.deps, handle, config, clock: built.deps.clock, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** A fresh database for one benchmark, and the function that removes it afterwards. */
export async function openBenchDb(name: string, keep?: string): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (keep && !/^[a-z0-9_]+$/.test(keep)) throw new Error(`A kept bench database's name is [a-z0-9_]: ${keep}`);
  if (!url && keep) {
    const file = path.join(os.tmpdir(), `icp-bench-keep-${keep}.db`);
    return { handle: openDb({ kind: 'sqlite', file }), drop: async () => {} };
  }
  if (url && keep) {
    const schema = `bench_keep_${keep}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema if not exists ${schema}`);
    await admin.end();
    return { handle: openDb({ kind: 'postgres', url, schema }), drop: async () => {} };
  }
  if (!url) {
    const file = path.join(os.tmpdir(), `icp-bench-${name}-${Date.now()}.db`);
    return { handle: openDb({ kind: 'sqlite', file }), drop: async () => fs.rmSync(file, { force: true }) };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  return {
    handle: openDb({ kind: 'postgres', url, schema }),
    drop: async () => {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Runs `fn` n times and prints the p50 and p95 latency. */
export async function time(label: string, n: number, fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(46)} p50 ${percentile(samples, 50).toFixed(2).padStart(8)} ms   p95 ${percentile(samples, 95).toFixed(2).padStart(8)} ms   (n=${n})`,
  );
}

/** Signs demo accounts in to an app built in this process and reads its pages through them (a read that fails throws). */
export function benchClient(app: FastifyInstance) {
  return {
    async login(username: string): Promise<string> {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      return `icp_sid=${res.cookies[0].value}`;
    },
    /** The session cookie and the CSRF token a write sends. */
    async session(username: string): Promise<{ cookie: string; csrf: string }> {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      return { cookie: `icp_sid=${res.cookies[0].value}`, csrf: res.json().csrfToken as string };
    },

    async get(cookie: string, url: string) {
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    },
  };
}

/** A demo account's request context, for calling services directly as that account. */
export async function benchContext({ app, deps }: Pick<BenchApp, 'app' | 'deps'>, username: string): Promise<UserContext> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  const user = await authenticate(deps, res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '');
  if (!user || user === 'expired') throw new Error(`bench: no session for ${username}`);
  return { user, ip: null, userAgent: null, locale: 'zh-CN' };
}
