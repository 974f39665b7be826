import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, uploadFile } from '../../test/build-app';
import { ensureDemoMeetingSchedule } from './meetings.demo';
import { createScheduledMeetings } from './schedules.service';

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
    expect((await office.get(`/api/tasks/${tasks[0].id}`)).json().sourceLabel).toMatchObject({ zh: `${m.title} 第1项议定事项`, path: `/meetings/${id}` });
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

  it('announces a meeting ahead as planned, without decisions', async () => {
    const res = await office.post('/api/meetings', {
      ...meeting(),
      title: '2021年11月经济运行调度会',
      meetingDate: '2021-11-05',
      status: 'planned',
      decisions: [],
      unitIds: [units.tjj],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'planned', decisions: [] });
    expect((await office.get('/api/meetings?status=planned&kind=monthly')).json().items.map((m: { id: number }) => m.id)).toContain(res.json().id);
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
    // A meeting announced ahead has decided nothing yet.
    const planned = await office.post('/api/meetings', { ...meeting(), status: 'planned' });
    expect(planned.statusCode).toBe(400);
    expect(planned.json().fields).toEqual({ status: expect.any(String) });
    expect((await office.post('/api/meetings', { ...meeting(), extra: 1 })).statusCode).toBe(400);
    expect((await office.get('/api/meetings')).json().total).toBe(before);
    expect((await office.get('/api/meetings/export.xlsx')).statusCode).toBe(200);
  });
});

describe('editing a meeting', () => {
  let id: number;
  beforeAll(async () => {
    id = (await office.post('/api/meetings', { ...meeting(), title: '2021年10月经济运行调度会', kind: 'dispatch' })).json().id;
  });

  it('records the minutes and a further decision, which becomes the next task; audited', async () => {
    const res = await office.patch(`/api/meetings/${id}`, {
      minutes: '会议补充纪要：加快技改项目进度。',
      unitIds: [units.daying],
      newDecisions: [{ text: '城关镇排查闲置厂房', ownerUnitId: units.chengguan, dueDate: '2021-11-05' }],
    });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.minutes).toBe('会议补充纪要：加快技改项目进度。');
    expect(m.units.map((u: { id: number }) => u.id)).toEqual([units.daying]);
    expect(m.decisions.map((d: { seq: number; ownerUnit: { id: number } }) => [d.seq, d.ownerUnit.id])).toEqual([
      [1, units.daying],
      [2, units.tjj],
      [3, units.chengguan],
    ]);
    const task = await t.deps.db
      .selectFrom('tasks')
      .selectAll()
      .where('sourceModule', '=', 'meetings')
      .where('sourceId', '=', `${id}/3`)
      .executeTakeFirstOrThrow();
    expect([task.ownerUnitId, task.dueDate]).toEqual([units.chengguan, '2021-11-05']);
    const audit = await t.deps.db.selectFrom('auditLog').selectAll().where('action', '=', 'meeting.update').where('entityId', '=', String(id)).execute();
    expect(audit).toHaveLength(1);
    // The owner of the new decision now sees the meeting.
    expect((await chengguan.get(`/api/meetings/${id}`)).statusCode).toBe(200);
  });

  it('refuses bad edits and changes nothing', async () => {
    const before = (await office.get(`/api/meetings/${id}`)).json();
    const past = await office.patch(`/api/meetings/${id}`, {
      minutes: '不应保存',
      newDecisions: [{ text: 'x', ownerUnitId: units.daying, dueDate: '2021-10-01' }],
    });
    expect(past.statusCode).toBe(400);
    expect(Object.keys(past.json().fields)).toEqual(['newDecisions.0.dueDate']);
    expect((await office.patch(`/api/meetings/${id}`, { title: '' })).statusCode).toBe(400);
    expect((await office.patch(`/api/meetings/${id}`, { status: 'cancelled' })).statusCode).toBe(400);
    expect((await office.patch(`/api/meetings/${id}`, { unitIds: [999999] })).json().fields).toEqual({ unitIds: expect.any(String) });
    expect((await daying.patch(`/api/meetings/${id}`, { minutes: 'x' })).statusCode).toBe(403);
    expect((await office.patch('/api/meetings/999999', { minutes: 'x' })).statusCode).toBe(404);
    expect((await office.get(`/api/meetings/${id}`)).json()).toEqual(before);
  });

  it('keeps its files for those who see it', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await uploadFile(office, `/api/attachments/meeting/${id}`, '会议签到表.pdf', pdf, 'application/pdf');
    expect(up.statusCode).toBe(200);
    expect((await daying.get(`/api/attachments?ownerType=meeting&ownerId=${id}`)).json().items).toHaveLength(1);
    expect((await uploadFile(daying, `/api/attachments/meeting/${id}`, 'x.pdf', pdf, 'application/pdf')).statusCode).toBe(403);
    const outsider = await t.signIn('stainless.team');
    expect((await outsider.get(`/api/attachments?ownerType=meeting&ownerId=${id}`)).statusCode).toBe(404);
  });
});

describe('recurring meetings', () => {
  const schedule = () => ({
    kind: 'monthly',
    title: '工业强县月例会',
    workingDay: 10,
    leadWorkingDays: 5,
    location: '县政府三楼会议室',
    convener: '副县长 李某',
    attendees: '各乡镇分管负责同志',
    unitIds: [units.daying],
    agenda: '通报上月指标完成情况',
  });
  let scheduleId: number;
  /** Moves the county clock; sessions idle that long have expired, so everyone signs in again. */
  const moveClockTo = async (iso: string) => {
    t.clock.set(iso);
    [office, daying, chengguan] = await Promise.all([t.signIn('office'), t.signIn('daying'), t.signIn('chengguan')]);
  };

  it('keeps a schedule with the date of its next meeting on the county calendar', async () => {
    t.clock.set('2021-10-12T02:00:00Z');
    const res = await office.post('/api/meeting-schedules', schedule());
    expect(res.statusCode).toBe(200);
    // October 2021 works on the 8th and 9th after National Day: its 10th working day is the 20th.
    expect(res.json()).toMatchObject({ title: '工业强县月例会', workingDay: 10, active: true, nextDate: '2021-10-20' });
    scheduleId = res.json().id;
    expect((await office.get('/api/meeting-schedules')).json().items.map((s: { id: number }) => s.id)).toContain(scheduleId);
  });

  it('refuses a bad schedule with a message per field, and townships may not keep schedules', async () => {
    const bad = await office.post('/api/meeting-schedules', { ...schedule(), workingDay: 0, convener: '', unitIds: [999999] });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(['convener', 'workingDay']);
    expect((await office.post('/api/meeting-schedules', { ...schedule(), unitIds: [999999] })).json().fields).toEqual({ unitIds: expect.any(String) });
    expect((await daying.get('/api/meeting-schedules')).statusCode).toBe(403);
    expect((await daying.post('/api/meeting-schedules', schedule())).statusCode).toBe(403);
    expect((await office.put('/api/meeting-schedules/999999', schedule())).statusCode).toBe(404);
    expect((await office.get('/api/meeting-schedules')).json().items).toHaveLength(1);
  });

  it('creates the next meeting five working days ahead, once, and tells the attending units', async () => {
    t.clock.set('2021-10-12T02:00:00Z'); // six working days before the 20th
    expect(await createScheduledMeetings(t.deps)).toBe(0);
    await moveClockTo('2021-10-13T02:00:00Z');
    expect(await createScheduledMeetings(t.deps)).toBe(1);
    expect(await createScheduledMeetings(t.deps)).toBe(0);
    const planned = (await daying.get('/api/meetings?status=planned')).json();
    expect(planned.items).toHaveLength(1);
    expect(planned.items[0]).toMatchObject({ title: '2021年10月工业强县月例会', meetingDate: '2021-10-20', status: 'planned', scheduleId });
    const inbox = (await daying.get('/api/notifications')).json();
    expect(inbox.items.some((n: { titleZh: string }) => n.titleZh === '会议通知：2021年10月工业强县月例会定于 2021-10-20 在县政府三楼会议室召开')).toBe(true);
    expect((await chengguan.get(`/api/meetings/${planned.items[0].id}`)).statusCode).toBe(404);
  });

  it('takes decisions only once the planned meeting is recorded as held', async () => {
    await moveClockTo('2021-10-20T08:00:00Z');
    const id = (await office.get('/api/meetings?status=planned')).json().items.find((m: { scheduleId: number | null }) => m.scheduleId === scheduleId).id;
    const decision = { text: '大营镇报送技改项目清单', ownerUnitId: units.daying, dueDate: '2021-10-29' };
    const early = await office.patch(`/api/meetings/${id}`, { newDecisions: [decision] });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields).toEqual({ status: expect.any(String) });
    const held = await office.patch(`/api/meetings/${id}`, { status: 'held', minutes: '会议研究了技改项目推进。', newDecisions: [decision] });
    expect(held.statusCode).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', decisions: [{ seq: 1, ownerUnit: { id: units.daying } }] });
    // A meeting with decisions has been held: it cannot go back to planned.
    expect((await office.patch(`/api/meetings/${id}`, { status: 'planned' })).json().fields).toEqual({ status: expect.any(String) });
  });

  it('stops creating meetings when the schedule is switched off', async () => {
    await moveClockTo('2021-11-08T02:00:00Z'); // within five working days of 12 November
    const off = await office.put(`/api/meeting-schedules/${scheduleId}`, { ...schedule(), active: false });
    expect(off.json()).toMatchObject({ active: false, nextDate: null });
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['beforeJson', 'afterJson'])
      .where('action', '=', 'meeting_schedule.update')
      .where('entityId', '=', String(scheduleId))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.beforeJson as string)).toMatchObject({ active: 1 });
    expect(JSON.parse(audit.afterJson as string)).toMatchObject({ active: false });
    expect(await createScheduledMeetings(t.deps)).toBe(0);
    await office.put(`/api/meeting-schedules/${scheduleId}`, schedule());
    expect(await createScheduledMeetings(t.deps)).toBe(1);
  });

  it('keeps a meeting the office moved within its month, and one meeting a month', async () => {
    const ofSchedule = (await office.get('/api/meetings')).json().items.filter((m: { scheduleId: number | null }) => m.scheduleId === scheduleId);
    const november = ofSchedule.find((m: { meetingDate: string }) => m.meetingDate === '2021-11-12');
    const october = ofSchedule.find((m: { meetingDate: string }) => m.meetingDate === '2021-10-20');
    expect((await office.patch(`/api/meetings/${november.id}`, { meetingDate: '2021-11-15' })).statusCode).toBe(200);
    expect(await createScheduledMeetings(t.deps)).toBe(0);
    const clash = await office.patch(`/api/meetings/${october.id}`, { meetingDate: '2021-11-16' });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().fields).toEqual({ meetingDate: expect.any(String) });
  });

  it('meets every n months (政银企对接会 every two), counted from its first month', async () => {
    const every = { ...schedule(), kind: 'matchmaking', title: '政银企对接会', workingDay: 15, leadWorkingDays: 10, everyMonths: 2 };
    const bad = await office.post('/api/meeting-schedules', { ...every, everyMonths: 0, startMonth: '2021-13' });
    expect(Object.keys(bad.json().fields).sort()).toEqual(['everyMonths', 'startMonth']);
    // Without a first month the cycle starts in the month it is saved in: November 2021, whose 15th working day is the 19th.
    const res = await office.post('/api/meeting-schedules', every);
    expect(res.json()).toMatchObject({ everyMonths: 2, startMonth: '2021-11', nextDate: '2021-11-19' });
    // Counted from October, November is skipped: December's 15th working day.
    const moved = await office.put(`/api/meeting-schedules/${res.json().id}`, { ...every, startMonth: '2021-10' });
    expect(moved.json()).toMatchObject({ startMonth: '2021-10', nextDate: '2021-12-21' });
    expect(await createScheduledMeetings(t.deps)).toBe(0);
    await office.put(`/api/meeting-schedules/${res.json().id}`, { ...every, startMonth: '2021-09' });
    expect(await createScheduledMeetings(t.deps)).toBe(1);
    const planned = (await office.get('/api/meetings?kind=matchmaking')).json().items;
    expect(planned.map((m: { title: string; meetingDate: string }) => [m.title, m.meetingDate])).toEqual([['2021年11月政银企对接会', '2021-11-19']]);
    // A monthly schedule keeps meeting every month.
    expect((await office.get('/api/meeting-schedules')).json().items.find((s: { id: number }) => s.id === scheduleId)).toMatchObject({
      everyMonths: 1,
      startMonth: null,
    });
  });
});

describe('the demo county', () => {
  it('gets its 月例会 schedule once, only when it has none', async () => {
    const before = (await t.deps.db.selectFrom('meetingSchedules').select('id').execute()).length;
    expect(before).toBeGreaterThan(0);
    await ensureDemoMeetingSchedule(t.deps);
    expect((await t.deps.db.selectFrom('meetingSchedules').select('id').execute()).length).toBe(before);
    await t.deps.db.updateTable('meetings').set({ scheduleId: null }).execute();
    await t.deps.db.deleteFrom('meetingScheduleUnits').execute();
    await t.deps.db.deleteFrom('meetingSchedules').execute();
    await ensureDemoMeetingSchedule(t.deps);
    await ensureDemoMeetingSchedule(t.deps);
    const items = (await office.get('/api/meeting-schedules')).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: '工业强县月例会', workingDay: 10, leadWorkingDays: 5, active: true });
    const townships = await t.deps.db.selectFrom('orgUnits').select('id').where('kind', '=', 'township').execute();
    expect(items[0].units.map((u: { id: number }) => u.id).sort()).toEqual([...townships.map((u) => u.id), units.tjj].sort());
  });
});
