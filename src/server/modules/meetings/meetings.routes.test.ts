import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';

let t: TestApp;
let office: Client;
let daying: Client;
let chengguan: Client;
const units: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2021-10-12T02:00:00Z');
  for (const code of ['daying', 'chengguan', 'tjj']) units[code] = await t.unitId(code);
  [office, daying, chengguan] = await Promise.all([t.signIn('office'), t.signIn('daying'), t.signIn('chengguan')]);
});
afterAll(() => t.close());

const meeting = () => ({
  kind: 'monthly',
  title: '2021年10月工业强县月例会',
  meetingDate: '2021-10-12',
  location: '县政府三楼会议室',
  convener: '副县长 李某',
  attendees: '县工业强县办、统计局、各乡镇分管负责同志',
  unitIds: [units.daying, units.tjj],
  agenda: '通报9月指标完成情况；研究落后指标整改',
  minutes: '会议听取了9月指标运行情况汇报……',
  decisions: [
    { text: '大营镇10月底前完成两个技改项目设备安装', ownerUnitId: units.daying, dueDate: '2021-10-29' },
    { text: '统计局对新增入统企业逐家核实', ownerUnitId: units.tjj, dueDate: '2021-10-22' },
  ],
});

describe('meetings', () => {
  let id: number;

  it('records a meeting whose two decisions become two 督办 tasks of their owner units', async () => {
    const res = await office.post('/api/meetings', meeting());
    expect(res.statusCode).toBe(200);
    const m = res.json();
    id = m.id;
    expect(m.decisions).toHaveLength(2);
    expect(m.units.map((u: { id: number }) => u.id).sort()).toEqual([units.daying, units.tjj].sort());
    const tasks = await t.deps.db.selectFrom('tasks').selectAll().where('sourceModule', '=', 'meetings').orderBy('sourceId').execute();
    expect(tasks.map((x) => [x.sourceId, x.ownerUnitId, x.dueDate, x.type])).toEqual([
      [`${id}/1`, units.daying, '2021-10-29', 'meeting_decision'],
      [`${id}/2`, units.tjj, '2021-10-22', 'meeting_decision'],
    ]);
    expect(m.decisions.map((d: { task: { id: number } }) => d.task.id)).toEqual(tasks.map((x) => x.id));
  });

  it('shows the decisions’ progress as their tasks move', async () => {
    const taskId = (await office.get(`/api/meetings/${id}`)).json().decisions[0].task.id;
    expect((await daying.post(`/api/tasks/${taskId}/transitions`, { action: 'submit', reason: '已安装完成' })).statusCode).toBeLessThan(300);
    expect((await office.post(`/api/tasks/${taskId}/transitions`, { action: 'accept' })).statusCode).toBeLessThan(300);
    const m = (await office.get(`/api/meetings/${id}`)).json();
    expect(m.decisions[0].task.status).toBe('done');
    const list = (await office.get('/api/meetings?kind=monthly')).json();
    expect(list.items[0]).toMatchObject({ id, decisionCount: 2, doneCount: 1 });
  });

  it('lets attending and owning units see it, and no one else', async () => {
    expect((await daying.get(`/api/meetings/${id}`)).statusCode).toBe(200);
    expect((await chengguan.get(`/api/meetings/${id}`)).statusCode).toBe(404);
    expect((await chengguan.get('/api/meetings')).json().total).toBe(0);
    expect((await daying.post('/api/meetings', meeting())).statusCode).toBe(403);
  });

  it('refuses bad input and writes nothing', async () => {
    const before = (await office.get('/api/meetings')).json().total;
    const past = await office.post('/api/meetings', { ...meeting(), decisions: [{ text: 'x', ownerUnitId: units.daying, dueDate: '2021-10-01' }] });
    expect(past.statusCode).toBe(400);
    expect(Object.keys(past.json().fields)).toContain('decisions.0.dueDate');
    expect((await office.post('/api/meetings', { ...meeting(), kind: 'party' })).statusCode).toBe(400);
    expect((await office.post('/api/meetings', { ...meeting(), extra: 1 })).statusCode).toBe(400);
    expect((await office.get('/api/meetings')).json().total).toBe(before);
    expect((await office.get('/api/meetings/export.xlsx')).statusCode).toBe(200);
  });
});
