import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warnings } from '../../../shared/modules/indicators.schemas';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { ensureDemoIndicators, indicatorsFile } from './index';

// From a red cell of the board the office asks the unit for its explanation: the month's 督办 task, made once.
let t: TestApp;
let office: Client;
let daying: Client;
const MONTH = '2021-09';
let lagging: number;
let allGreen: number;

beforeAll(async () => {
  t = await createTestApp();
  const file = fileURLToPath(new URL('../../../../scripts/demo/baofeng-indicators-2021.json', import.meta.url));
  await ensureDemoIndicators(t.deps, indicatorsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))));
  t.clock.set('2021-10-20T02:00:00Z');
  [office, daying] = await Promise.all([t.signIn('office'), t.signIn('daying')]);
  const board: Warnings = (await office.get(`/api/indicator-warnings?month=${MONTH}`)).json();
  const levels = new Map<number, string[]>();
  for (const row of board.indicators) for (const c of row.units) levels.set(c.unit.id, [...(levels.get(c.unit.id) ?? []), c.level]);
  const units = [...levels.entries()];
  lagging = units.find(([, l]) => l.includes('red'))?.[0] as number;
  allGreen = units.find(([, l]) => l.every((x) => x === 'green' || x === 'yellow'))?.[0] as number;
  expect(lagging && allGreen).toBeTruthy();
});
afterAll(() => t.close());

const tasksOf = (unitId: number) =>
  t.deps.db.selectFrom('tasks').select(['id', 'type', 'sourceModule', 'sourceId', 'ownerUnitId', 'description']).where('ownerUnitId', '=', unitId).execute();

describe('POST /api/indicator-warnings/tasks', () => {
  it('makes the lagging unit’s task of the month once, audited, naming its red indicators', async () => {
    const first = await office.post('/api/indicator-warnings/tasks', { month: MONTH, unitId: lagging });
    expect(first.statusCode).toBe(200);
    expect(first.json().created).toBe(true);
    const again = await office.post('/api/indicator-warnings/tasks', { month: MONTH, unitId: lagging });
    expect(again.json()).toEqual({ id: first.json().id, created: false });
    const tasks = await tasksOf(lagging);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ type: 'indicator_warning', sourceModule: 'indicators', sourceId: `${MONTH}/${lagging}` });
    expect(tasks[0].description).toContain('序时进度');
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityType', '=', 'task')
      .where('entityId', '=', String(first.json().id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('task.create');
  });

  it('refuses a unit with nothing red or missing (409 on the field) and writes nothing', async () => {
    const res = await office.post('/api/indicator-warnings/tasks', { month: MONTH, unitId: allGreen });
    expect(res.statusCode).toBe(409);
    expect(res.json().fields.unitId).toContain('无需督办');
    expect(await tasksOf(allGreen)).toEqual([]);
  });

  it('is the office’s: a township is refused (403)', async () => {
    const before = await tasksOf(lagging);
    expect((await daying.post('/api/indicator-warnings/tasks', { month: MONTH, unitId: lagging })).statusCode).toBe(403);
    expect(await tasksOf(lagging)).toEqual(before);
  });

  it('answers bad input with a message per field', async () => {
    const res = await office.post('/api/indicator-warnings/tasks', { month: '2021-13', unitId: 'x' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields ?? {}).sort()).toEqual(['month', 'unitId']);
  });
});
