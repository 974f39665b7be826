import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../shared/demo-accounts';
import { totpOf } from './core/auth/mfa';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from './core/audit/audit.service';
import { type DbHandle, openDb } from './core/db/database';
import { testDialect } from './test/test-db';

/**
 * Two app processes on one PostgreSQL database, as in production behind a load balancer: a session made on one is
 * good on the other, concurrent audited writes through both keep one intact hash chain, and a scheduled job's period
 * runs on one instance only (a webhook notice is delivered once, not twice).
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-instances-'));
const processes: ChildProcess[] = [];
let databaseUrl = '';
let database: DbHandle;
let admin: pg.Client;
const dbName = `instances_${randomBytes(4).toString('hex')}`;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** Starts one instance of the server from source on the shared database and waits until it answers. */
async function startInstance(name: string): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--demo'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: path.join(work, name), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  processes.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return base;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`instance ${name} did not start`);
}

/** A signed-in caller of one instance, by its session cookie and CSRF token. */
async function signIn(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken, mfaPending } = (await res.json()) as { csrfToken: string; mfaPending: string | null };
  if (mfaPending) {
    // The demo administrators' phone: the code of the demo secret, now.
    const code = totpOf(DEMO_TOTP_SECRET).generate();
    const verified = await fetch(`${base}/api/auth/mfa/verify`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(verified.status).toBe(200);
  }
  return { cookie, csrfToken };
}

type Session = Awaited<ReturnType<typeof signIn>>;
const call = (base: string, session: Session, method: string, url: string, body?: unknown) =>
  fetch(`${base}${url}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

let a = '';
let b = '';
beforeAll(async () => {
  if (testDialect !== 'postgres') return;
  const runUrl = inject('pgRunUrl');
  admin = new pg.Client({ connectionString: runUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(runUrl);
  url.pathname = `/${dbName}`;
  databaseUrl = url.toString();
  // The first instance migrates and loads the demo county; the second starts on the same database as a restart would.
  a = await startInstance('a');
  b = await startInstance('b');
  database = openDb({ kind: 'postgres', url: databaseUrl });
}, 240_000);
afterAll(async () => {
  await Promise.all(processes.map((child) => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'))));
  await database?.close();
  if (admin) {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  fs.rmSync(work, { recursive: true, force: true });
});

describe.skipIf(testDialect !== 'postgres')('several instances on one PostgreSQL', () => {
  it('shares sessions: signed in on one, known on the other; signed out on the other, gone on the first', async () => {
    const session = await signIn(a, 'office');
    const me = await call(b, session, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('office');
    expect((await call(b, session, 'POST', '/api/auth/logout', {})).status).toBeLessThan(300);
    expect((await call(a, session, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('keeps one intact audit chain under concurrent audited writes through both instances', async () => {
    const [onA, onB] = [await signIn(a, 'office'), await signIn(b, 'office')];
    const firms = (await (await call(a, onA, 'GET', '/api/enterprises?pageSize=10')).json()) as { items: { id: number }[] };
    const before = await verifyAuditChain(database.db);
    const writes = Array.from({ length: 40 }, (_, i) =>
      call(i % 2 ? a : b, i % 2 ? onA : onB, 'PATCH', `/api/enterprises/${firms.items[i % firms.items.length].id}`, { employees: 100 + i }),
    );
    expect((await Promise.all(writes)).map((r) => r.status)).toEqual(Array(40).fill(200));
    const after = await verifyAuditChain(database.db);
    expect(after.ok).toBe(true);
    expect(after.checked).toBe(before.checked + 40);
  });

  it('runs a scheduled period on one instance only: a webhook notice reaches its robot once', async () => {
    const received: string[] = [];
    const robot = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
      });
    });
    await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
    try {
      const sysadmin = await signIn(a, 'sysadmin');
      expect((await call(a, sysadmin, 'PUT', '/api/settings/webhooks', { allowedHosts: ['127.0.0.1'] })).status).toBe(200);
      const units = (await (await call(a, sysadmin, 'GET', '/api/units')).json()) as { id: number; code: string }[];
      const daying = units.find((u) => u.code === 'daying')?.id as number;
      const url = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=instances`;
      expect((await call(a, sysadmin, 'POST', '/api/webhooks', { unitId: daying, name: '双实例测试群', url })).status).toBe(200);
      const office = await signIn(b, 'office');
      const title = `双实例督办 ${randomBytes(3).toString('hex')}`;
      expect((await call(b, office, 'POST', '/api/tasks', { title, ownerUnitId: daying, dueInWorkingDays: 5 })).status).toBe(200);
      // Both instances fire the delivery job at the next minute; one claims the minute and sends.
      for (let i = 0; i < 150 && !received.some((body) => body.includes(title)); i++) await new Promise((r) => setTimeout(r, 500));
      await new Promise((r) => setTimeout(r, 3_000));
      expect(received.filter((body) => body.includes(title))).toHaveLength(1);
      const runs = await database.db.selectFrom('jobRuns').select(['job', 'period', 'instance']).where('job', '=', 'webhooks.deliver').execute();
      expect(new Set(runs.map((r) => r.period)).size).toBe(runs.length);
    } finally {
      robot.close();
    }
  }, 120_000);
});
