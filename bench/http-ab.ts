// A/B of the request pipeline: the app of two source trees (e.g. a `git archive` of an older commit beside this one,
// node_modules linked), each started by its `bench/http-serve.ts` in a process of its own, loaded by autocannon in
// turns (A, B, bare, then bare, B, A, …) so that all see the same machine load; reads are also put beside a bare Fastify
// JSON route served by this process (as in `bench/http.ts`), as a ratio. Usage:
//   npx tsx bench/http-ab.ts <treeA> <treeB>     (BENCH_ROUNDS, default 3; BENCH_SECONDS per load, default 5;
//   BENCH_DATABASE_URL for PostgreSQL). Prints each round and the median of each side.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import Fastify from 'fastify';

const [treeA, treeB] = process.argv.slice(2);
if (!treeA || !treeB) throw new Error('usage: npx tsx bench/http-ab.ts <treeA> <treeB>');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const run = promisify(execFile);
const autocannonBin = path.resolve('node_modules/.bin/autocannon');

interface Served {
  base: string;
  cookie: string;
  writer: { cookie: string; csrf: string };
  firmId: number;
  child: ChildProcess;
}

async function serve(tree: string): Promise<Served> {
  const child = spawn(path.join(tree, 'node_modules/.bin/tsx'), ['bench/http-serve.ts'], { cwd: tree, stdio: ['pipe', 'pipe', 'inherit'], env: process.env });
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    if (line.startsWith('{')) return { ...JSON.parse(line), child };
  }
  throw new Error(`${tree}: the app did not start`);
}

interface Load {
  rps: number;
  p99: number;
  failed: number;
}

async function autocannon(url: string, seconds: number, connections: number, cookie: string, write?: { csrf: string; body: string }): Promise<Load> {
  const args = ['-c', String(connections), '-d', String(seconds), '-j', ...(cookie ? ['-H', `cookie=${cookie}`] : [])];
  if (write) args.push('-m', 'PATCH', '-H', 'content-type=application/json', '-H', `x-csrf-token=${write.csrf}`, '-b', write.body);
  const { stdout } = await run(autocannonBin, [...args, url], { maxBuffer: 16 * 1024 * 1024 });
  const r = JSON.parse(stdout);
  return { rps: r.requests.average, p99: r.latency.p99, failed: r.non2xx + r.errors + r.timeouts };
}

const LOADS = [
  { label: 'GET /api/auth/me (50 c)', path: () => '/api/auth/me', connections: 50, write: false },
  { label: 'GET /api/enterprises 20 rows (50 c)', path: () => '/api/enterprises?pageSize=20', connections: 50, write: false },
  { label: 'PATCH /api/enterprises/:id (8 c)', path: (s: Served) => `/api/enterprises/${s.firmId}`, connections: 8, write: true },
];

async function measure(s: Served, load: (typeof LOADS)[number], seconds: number) {
  const url = `${s.base}${load.path(s)}`;
  return load.write
    ? autocannon(url, seconds, load.connections, s.writer.cookie, { csrf: s.writer.csrf, body: '{"employees":418}' })
    : autocannon(url, seconds, load.connections, s.cookie);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const bareApp = Fastify({ logger: false });
bareApp.get('/bare', async () => ({ ok: true, user: { id: 1, username: 'bare', displayName: '裸路由' } }));
await bareApp.listen({ host: '127.0.0.1', port: 0 });
const bareUrl = `http://127.0.0.1:${(bareApp.server.address() as AddressInfo).port}/bare`;
const a = await serve(treeA);
const b = await serve(treeB);
try {
  const { stdout: uptime } = await run('uptime');
  console.log(`A = ${treeA}\nB = ${treeB}\n${ROUNDS} rounds, ${SECONDS} s per load; ${uptime.trim()}`);
  for (const load of LOADS) {
    for (const s of [a, b]) await measure(s, load, 2); // warm-up, not counted
    const figures: Record<'A' | 'B' | 'bare', Load[]> = { A: [], B: [], bare: [] };
    const bare = async () => (load.write ? null : autocannon(bareUrl, SECONDS, load.connections, ''));
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate who goes first, so neither side always follows the other's load.
      const order = round % 2 === 0 ? (['A', 'B', 'bare'] as const) : (['bare', 'B', 'A'] as const);
      for (const name of order) {
        const figure = name === 'bare' ? await bare() : await measure(name === 'A' ? a : b, load, SECONDS);
        if (figure) figures[name].push(figure);
      }
    }
    const bareMedian = figures.bare.length ? median(figures.bare.map((x) => x.rps)) : 0;
    const show = (name: 'A' | 'B' | 'bare') => {
      const xs = figures[name];
      const rps = median(xs.map((x) => x.rps));
      const ratio = bareMedian && name !== 'bare' ? `, ${((100 * rps) / bareMedian).toFixed(0)} % of bare` : '';
      const each = xs.map((x) => `${x.rps.toFixed(0)}${x.failed ? `(${x.failed} failed)` : ''}`).join(' ');
      return `${name.padEnd(4)} ${each} → median ${rps.toFixed(0)} req/s, p99 ${median(xs.map((x) => x.p99))} ms${ratio}`;
    };
    console.log(`${load.label.padEnd(38)} ${show('A')}`);
    console.log(`${''.padEnd(38)} ${show('B')}`);
    if (bareMedian) console.log(`${''.padEnd(38)} ${show('bare')}`);
  }
  const { stdout: after } = await run('uptime');
  console.log(after.trim());
} finally {
  a.child.stdin?.end();
  b.child.stdin?.end();
  await bareApp.close();
}
