// Authenticated reads against the framework's own ceiling, in one run: a bare Fastify JSON route, then the platform's
// `GET /api/auth/me` and a 20-row firm list as a signed-in official, each loaded by autocannon in a child process
// (50 connections), with the session cache on and off and with request logs at `info` (discarded). Prints req/s,
// p50/p99 latency and each figure's ratio to the bare route. BENCH_DATABASE_URL runs the platform on PostgreSQL;
// BENCH_SECONDS sets each load's length (default 8).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import { AccessCache } from '../src/server/core/auth/access-cache';
import { bootApp } from '../src/server/platform';
import { benchApp, benchClient } from './support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARM_UP = 2;
const CONNECTIONS = 50;
const WRITE_CONNECTIONS = 8;
const run = promisify(execFile);

interface Load {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

/**
 * Loads a URL from a separate process, so that the load generator does not share the server's event loop. A first
 * load of WARM_UP seconds is not counted: the figures are the server's steady state, not its JIT warming up (the
 * first endpoint measured ran at half its later rate without it).
 */
async function load(url: string, cookie?: string, write?: { csrf: string; body: string; connections: number }, connections = CONNECTIONS): Promise<Load> {
  await autocannon(url, WARM_UP, cookie, write, connections);
  return autocannon(url, SECONDS, cookie, write, connections);
}

async function autocannon(
  url: string,
  seconds: number,
  cookie?: string,
  write?: { csrf: string; body: string; connections: number },
  connections = CONNECTIONS,
): Promise<Load> {
  const args = [
    '-c',
    String(write?.connections ?? connections),
    '-d',
    String(seconds),
    '-j',
    ...(cookie ? ['-H', `cookie=${cookie}`] : []),
    ...(write ? ['-m', 'PATCH', '-H', 'content-type=application/json', '-H', `x-csrf-token=${write.csrf}`, '-b', write.body] : []),
    url,
  ];
  const { stdout } = await run('node_modules/.bin/autocannon', args, { maxBuffer: 16 * 1024 * 1024 });
  const r = JSON.parse(stdout);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failed: r.non2xx + r.errors + r.timeouts };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

function report(label: string, l: Load, bare?: Load) {
  const ratio = bare ? `${((100 * l.rps) / bare.rps).toFixed(0).padStart(4)} % of bare` : '';
  console.log(
    `  ${label.padEnd(44)} ${l.rps.toFixed(0).padStart(7)} req/s   p50 ${String(l.p50).padStart(4)} ms   p99 ${String(l.p99).padStart(4)} ms   ${ratio}${l.failed ? `   ${l.failed} failed` : ''}`,
  );
}

async function main() {
  const bareApp = Fastify({ logger: false });
  bareApp.get('/bare', async () => ({ ok: true, user: { id: 1, username: 'bare', displayName: '裸路由' } }));
  const bare = await load(`${await listen(bareApp)}/bare`);
  await bareApp.close();

  const bench = await benchApp('http', { config: { logLevel: 'info' }, demo: 'all' });
  const { app, deps, handle, config } = bench;
  try {
    const devNull = fs.createWriteStream('/dev/null');
    const base = await listen(app);
    const cookie = await benchClient(app).login('office');
    console.log(`\nauthenticated reads on ${handle.dialect}, ${CONNECTIONS} connections, ${SECONDS} s each`);
    report('bare Fastify JSON route', bare);
    report('GET /api/auth/me', await load(`${base}/api/auth/me`, cookie), bare);
    report('GET /api/enterprises (20 rows)', await load(`${base}/api/enterprises?pageSize=20`, cookie), bare);
    // A business write with its audit row: PATCH of one firm's employees at 8 connections (each request a
    // transaction: the firm, its audit row linked into the hash chain), beside the same firm's read.
    const writer = await benchClient(app).session('office');
    const firm = await handle.db.selectFrom('enterprises').select('id').orderBy('id').executeTakeFirstOrThrow();
    const audits = async () =>
      Number(
        (
          await handle.db
            .selectFrom('auditLog')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const write = { csrf: writer.csrf, body: '{"employees":418}', connections: WRITE_CONNECTIONS };
    await autocannon(`${base}/api/enterprises/${firm.id}`, WARM_UP, writer.cookie, write);
    const before = await audits();
    const patch = await autocannon(`${base}/api/enterprises/${firm.id}`, SECONDS, writer.cookie, write);
    const written = (await audits()) - before;
    report(`PATCH /api/enterprises/:id (${WRITE_CONNECTIONS} connections)`, patch);
    console.log(`  ${''.padEnd(44)} ${written.toLocaleString()} audit rows written (${Math.round(written / SECONDS)}/s)`);
    report(
      `GET /api/enterprises/:id (${WRITE_CONNECTIONS} connections)`,
      await load(`${base}/api/enterprises/${firm.id}`, writer.cookie, undefined, WRITE_CONNECTIONS),
    );
    const cache = deps.accessCache;
    deps.accessCache = undefined;
    report('GET /api/auth/me, session cache off', await load(`${base}/api/auth/me`, cookie), bare);
    deps.accessCache = cache ?? new AccessCache();

    // The same app with its request log at info, written to /dev/null: what a log line per request costs.
    const logged = await bootApp({ config, database: handle, logger: true, logStream: devNull });
    const loggedBase = await listen(logged.app);
    const loggedCookie = await benchClient(logged.app).login('office');
    report('GET /api/auth/me, request log at info', await load(`${loggedBase}/api/auth/me`, loggedCookie), bare);
    report('GET /api/enterprises, request log at info', await load(`${loggedBase}/api/enterprises?pageSize=20`, loggedCookie), bare);
    await logged.app.close();
  } finally {
    await bench.close();
  }
}

await main();
