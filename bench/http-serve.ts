// One platform app on a fresh bench database, listening on PORT (or any port), for `bench/http-ab.ts`: prints one JSON
// line (base URL, an office session cookie, a writer's cookie and CSRF token, a firm's id) and serves until stdin
// closes. It uses only `bench/support.ts` and the platform's start-up, so a copy runs in an older tree too.
import type { AddressInfo } from 'node:net';
import { benchApp, benchClient } from './support';

const bench = await benchApp('http-serve', { config: { logLevel: 'info' }, demo: 'all' });
await bench.app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
const base = `http://127.0.0.1:${(bench.app.server.address() as AddressInfo).port}`;
const client = benchClient(bench.app);
const cookie = await client.login('office');
const writer = await client.session('office');
const firm = await bench.handle.db.selectFrom('enterprises').select('id').orderBy('id').executeTakeFirstOrThrow();
console.log(JSON.stringify({ base, cookie, writer, firmId: firm.id, dialect: bench.handle.dialect }));
process.stdin.resume();
process.stdin.on('end', async () => {
  await bench.close();
  process.exit(0);
});
