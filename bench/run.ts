// Benchmarks of the foundation at county and province scale: request latency (p50/p95) through the full app
// (session lookup, permission, scope, SQL) and audit-chain throughput. Prints figures; asserts nothing.
//   npm run bench                      SQLite (temporary file)
//   BENCH_DATABASE_URL=postgres://… npm run bench   PostgreSQL (a temporary schema, dropped afterwards)
import { DEMO_TOTP_SECRET } from '../src/shared/demo-accounts';
import { totpOf } from '../src/server/core/auth/mfa';
import { benchApp, time } from './support';
import { systemContext } from '../src/server/core/access/context';
import { GENESIS_HASH, chainHash } from '../src/server/core/audit/chain';
import { recordAudit, verifyAuditChain } from '../src/server/core/audit/audit.service';
import type { DbHandle } from '../src/server/core/db/database';
import { DEMO_PASSWORD } from '../src/server/core/setup/bootstrap';

const SCALES = { county: { units: 60, users: 300, audit: 20_000 }, province: { units: 2_000, users: 20_000, audit: 300_000 } };

async function seedScale(handle: DbHandle, scale: (typeof SCALES)['county']) {
  const { db } = handle;
  const now = new Date().toISOString();
  const root = await db.selectFrom('orgUnits').select(['id', 'path']).where('kind', '=', 'county').executeTakeFirstOrThrow();
  const existing = Number(
    (
      await db
        .selectFrom('orgUnits')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  for (let i = existing; i < scale.units; i++) {
    const { id } = await db
      .insertInto('orgUnits')
      .values({
        parentId: root.id,
        code: `u${i}`,
        nameZh: `单位${i}`,
        nameEn: `Unit ${i}`,
        kind: 'township',
        divisionCode: null,
        path: '/',
        sortOrder: i,
        active: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('orgUnits')
      .set({ path: `${root.path}${id}/` })
      .where('id', '=', id)
      .execute();
  }
  const unitIds = (await db.selectFrom('orgUnits').select('id').execute()).map((u) => u.id);
  const template = await db.selectFrom('users').select('passwordHash').where('username', '=', 'daying').executeTakeFirstOrThrow();
  const users = Array.from({ length: scale.users }, (_, i) => ({
    username: `user${i}`,
    displayName: `用户${i}`,
    phone: null,
    unitId: unitIds[i % unitIds.length],
    passwordHash: template.passwordHash,
    passwordChangedAt: now,
    passwordChangeReason: null,
    active: 1,
    failedLogins: 0,
    locale: 'zh-CN',
    createdAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < users.length; i += 500)
    await db
      .insertInto('users')
      .values(users.slice(i, i + 500))
      .execute();

  // Bulk-load a valid chain for the read benchmarks; the append benchmark below goes through recordAudit.
  let prev = (await db.selectFrom('auditLog').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst())?.hash ?? GENESIS_HASH;
  const t0 = performance.now();
  for (let i = 0; i < scale.audit; i += 1000) {
    const batch = [];
    for (let j = i; j < Math.min(scale.audit, i + 1000); j++) {
      const fields = {
        at: new Date(Date.now() - (scale.audit - j) * 60_000).toISOString(),
        actorUserId: 1,
        actorUsername: 'office',
        actorUnitId: 2,
        ip: '127.0.0.1',
        action: j % 3 ? 'unit.update' : 'user.update',
        entityType: j % 3 ? 'unit' : 'user',
        entityId: String(j % 997),
        beforeJson: `{"v":${j}}`,
        afterJson: `{"v":${j + 1}}`,
      };
      const hash = chainHash(prev, fields);
      batch.push({ ...fields, prevHash: prev, hash });
      prev = hash;
    }
    await db.insertInto('auditLog').values(batch).execute();
  }
  return performance.now() - t0;
}

async function runScale(name: keyof typeof SCALES) {
  const scale = SCALES[name];
  const bench = await benchApp('run');
  const { app, deps, handle } = bench;
  try {
    const loadMs = await seedScale(handle, scale);
    console.log(
      `\n${name} scale on ${handle.dialect}: ${scale.units} units, ${scale.users} users, ${scale.audit} audit rows (bulk-loaded at ${Math.round(scale.audit / (loadMs / 1000))} rows/s)`,
    );

    const login = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      const session = { cookie: `icp_sid=${res.cookies[0].value}`, csrf: res.json().csrfToken as string };
      // The demo administrators sign in with the demo key's current code (each signs in once here, so no code is reused).
      if (res.json().mfaPending === 'verify') {
        const code = totpOf(DEMO_TOTP_SECRET).generate();
        const verified = await app.inject({
          method: 'POST',
          url: '/api/auth/mfa/verify',
          payload: { code },
          headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
        });
        if (verified.statusCode !== 200) throw new Error(`second factor of ${username}: ${verified.statusCode}`);
      }
      return session;
    };
    await time('POST /api/auth/login (scrypt N=16384)', 20, () => login('office'));
    const office = await login('office');
    const sysadmin = await login('sysadmin');
    const auditor = await login('auditor');
    const daying = await login('daying');
    const get = (s: { cookie: string }, url: string) => app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
    await time('GET /api/auth/me', 200, () => get(office, '/api/auth/me'));
    await time('GET /api/units (office, all)', 100, () => get(office, '/api/units'));
    await time('GET /api/units/:id (township, scoped 404)', 200, () => get(daying, '/api/units/3'));
    await time('GET /api/users page 1 (20, by name)', 100, () => get(sysadmin, '/api/users?sort=username'));
    await time('GET /api/users search q=用户12', 100, () => get(sysadmin, `/api/users?q=${encodeURIComponent('用户12')}`));
    await time('GET /api/audit page 1 (newest)', 100, () => get(auditor, '/api/audit'));
    await time('GET /api/audit filtered entity', 100, () => get(auditor, '/api/audit?entityType=user&entityId=5'));
    await time('GET /api/audit page 50', 100, () => get(auditor, '/api/audit?page=50'));
    await time('GET /api/users/export.xlsx (all users)', 3, () => get(sysadmin, '/api/users/export.xlsx'));

    const appends = 2000;
    const t0 = performance.now();
    for (let i = 0; i < appends; i++) {
      await deps.db
        .transaction()
        .execute((trx) => recordAudit(trx, deps, systemContext(), { action: 'bench.write', entityType: 'bench', entityId: i, after: { i } }));
    }
    console.log(`  audit append, one transaction each           ${Math.round(appends / ((performance.now() - t0) / 1000))} rows/s`);
    const t1 = performance.now();
    const report = await verifyAuditChain(deps.db);
    console.log(
      `  audit chain verify                           ${Math.round(report.checked / ((performance.now() - t1) / 1000))} rows/s (${report.checked} rows, ok=${report.ok})`,
    );
  } finally {
    await bench.close();
  }
}

for (const name of (process.env.BENCH_SCALES ?? 'county,province').split(',') as (keyof typeof SCALES)[]) await runScale(name);
