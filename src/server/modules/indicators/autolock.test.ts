import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/build-app';
import { autoLock } from './autolock';
import { ensureDemoIndicators, indicatorsFile } from './indicators.demo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const file = fileURLToPath(new URL('../../../../scripts/demo/baofeng-indicators-2021.json', import.meta.url));
  await ensureDemoIndicators(t.deps, indicatorsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))), { withLedger: false });
});
afterAll(() => t.close());

describe('automatic month lock', () => {
  it('waits for the lock day, then locks last month once and follows up the lagging units', async () => {
    // March 2021: working days 1–5, 8, 9, 10 — the 8th working day is Wednesday 10 March (county time, UTC+8).
    t.clock.set('2021-03-09T02:00:00Z');
    expect(await autoLock(t.deps)).toBe('2021-03-09: before the lock day');
    t.clock.set('2021-03-10T01:00:00Z');
    // 13 townships and the 4 departments answering for county figures not decomposed to townships.
    expect(await autoLock(t.deps)).toBe('2021-02: locked; 17 units followed up, 17 tasks');
    expect(await autoLock(t.deps)).toBe('2021-02: already locked');

    const office = await t.unitId('office');
    const tasks = await t.deps.db.selectFrom('tasks').select(['createdByUnitId', 'dueDate']).where('sourceModule', '=', 'indicators').execute();
    expect(tasks).toHaveLength(17);
    // Created by the office on its behalf; 5 working days from 10 March is 17 March.
    expect(tasks[0]).toEqual({ createdByUnitId: office, dueDate: '2021-03-17' });
    const audit = await t.deps.db.selectFrom('auditLog').selectAll().where('action', '=', 'indicator_month.lock').executeTakeFirstOrThrow();
    expect(audit.actorUserId).toBeNull();
  });

  it('follows the office’s monthly cycle settings', async () => {
    const office = await t.signIn('office');
    const daying = await t.signIn('daying');
    expect((await daying.get('/api/settings/monthly-cycle')).json()).toEqual({
      reportDueWorkingDay: 5,
      lockWorkingDay: 8,
      responseWorkingDays: 5,
      autoLock: true,
    });
    const cycle = { reportDueWorkingDay: 5, lockWorkingDay: 8, responseWorkingDays: 5, autoLock: false };
    expect((await daying.put('/api/settings/monthly-cycle', cycle)).statusCode).toBe(403);
    const bad = await office.put('/api/settings/monthly-cycle', { ...cycle, lockWorkingDay: 0, extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(['extra', 'lockWorkingDay']);
    expect((await office.put('/api/settings/monthly-cycle', cycle)).statusCode).toBe(200);
    t.clock.set('2021-04-12T01:00:00Z');
    expect(await autoLock(t.deps)).toBe('automatic locking is off');
  });
});
