// Shared by the benchmarks: a throw-away database (SQLite file, or a PostgreSQL schema when BENCH_DATABASE_URL is set)
// and a timer that prints p50/p95.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { type DbHandle, openDb } from '../src/server/core/db/database';
import { DEMO_PASSWORD } from '../src/server/core/setup/bootstrap';

/** A fresh database for one benchmark, and the function that removes it afterwards. */
export async function openBenchDb(name: string): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
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
    async get(cookie: string, url: string) {
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    },
  };
}
