import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/access/context';
import type { TaskClosed, TaskReopened } from '../../core/tasks/task-events';
import { type Client, type TestApp, createTestApp, uploadFile } from '../../test/build-app';
import { lockProjectsOnMonthLock } from './projects.month-close';

let t: TestApp;
let office: Client;
let leader: Client;
let daying: Client;
let chengguan: Client;
let gxj: Client;
let tjj: Client;
const units: Record<string, number> = {};
let leaderId: number;
// What a module subscribed to `taskClosed` sees in the closing transaction and after its commit.
const closed: { inTransaction: TaskClosed[]; afterCommit: TaskClosed[] } = { inTransaction: [], afterCommit: [] };
const reopened: TaskReopened[] = [];

beforeAll(async () => {
  t = await createTestApp();
  t.subscribe('projects-test-task-closed', {
    taskClosed: {
      inTransaction: async (_trx, _deps, _ctx, event) => void closed.inTransaction.push(event),
      afterCommit: async (_deps, _ctx, event) => void closed.afterCommit.push(event),
    },
    taskReopened: { inTransaction: async (_trx, _deps, _ctx, event) => void reopened.push(event) },
  });
  // Monday 12 July 2021: June is the last closed month, time progress 50 %.
  t.clock.set('2021-07-12T02:00:00Z');
  for (const code of ['daying', 'chengguan', 'gxj', 'tjj', 'jjq', 'office', 'grp-stainless', 'team-stainless']) units[code] = await t.unitId(code);
  await signInAll();
  leaderId = (await t.deps.db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

/** Signs everyone in again, as sessions lapse when the clock jumps. */
async function signInAll() {
  [office, leader, daying, chengguan, gxj, tjj] = await Promise.all(['office', 'leader', 'daying', 'chengguan', 'gxj', 'tjj'].map((u) => t.signIn(u)));
}

const WAN = 1_000_000; // fen in 1万元
const project = (over: Record<string, unknown> = {}) => ({
  code: 'XM2021-001',
  name: '大营镇不锈钢精深加工智能化改造项目',
  library: 'three_transformations',
  types: ['intelligent', 'technical'],
  chainUnitId: units['grp-stainless'],
  townshipUnitId: units.daying,
  stage: 'construction',
  totalInvestmentFen: 5000 * WAN,
  annualPlanFen: 1200 * WAN,
  plannedStart: '2021-03-01',
  plannedCompletion: '2022-06-30',
  plannedProduction: '2022-09-30',
  leaderUserId: leaderId,
  responsibleUnitId: units.daying,
  responsiblePerson: '张三',
  serviceTeamUnitId: units['team-stainless'],
  content: '新建智能化生产线 2 条',
  location: '大营镇产业园',
  ...over,
});
const count = async (table: 'projects' | 'projectMilestones' | 'tasks') =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

type M = { id: number; code: string | null; state: string; metDate: string | null; ownerUnit: { id: number }; task: { id: number; status: string } | null };
let id: number;
const milestone = async (code: string): Promise<M> => (await office.get(`/api/projects/${id}`)).json().milestones.find((m: M) => m.code === code);

describe('the project library', () => {
  it('adds a project whose open milestones are 督办 tasks of their departments; earlier stages count as met', async () => {
    const res = await office.post('/api/projects', project());
    expect(res.statusCode).toBe(200);
    const p = res.json();
    id = p.id;
    expect(p.milestones).toHaveLength(10);
    expect(p.milestones.filter((m: M) => m.metDate).map((m: M) => m.code)).toEqual([
      'approval',
      'land',
      'planning_permit',
      'eia',
      'energy_safety',
      'construction_permit',
      'start',
    ]);
    const tasks = await t.deps.db.selectFrom('tasks').selectAll().where('sourceModule', '=', 'projects').orderBy('sourceId').execute();
    expect(tasks.map((x) => [x.sourceId, x.type, x.ownerUnitId])).toEqual([
      [`${id}/10`, 'project_milestone', units.gxj],
      [`${id}/8`, 'project_milestone', units.gxj],
      [`${id}/9`, 'project_milestone', units.jjq],
    ]);
    const task = (await office.get(`/api/tasks/${tasks[0].id}`)).json();
    expect(task.sourceLabel).toEqual({ zh: `重点项目 ${p.name} 第10个节点`, en: `Project ${p.name}, milestone 10`, path: `/projects/${id}` });
    expect(p).toMatchObject({ colour: 'red', ytdFen: 0, progress: { asOfMonth: '2021-06', timeProgress: 50, completion: 0, gapPp: -50 } });
    expect(p.can).toEqual({ manage: true, report: true });
    const audit = await t.deps.db.selectFrom('auditLog').select('action').where('entityType', '=', 'project').execute();
    expect(audit.map((a) => a.action)).toContain('project.create');
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = await Promise.all([count('projects'), count('projectMilestones'), count('tasks')]);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ totalInvestmentFen: -1 }, ['totalInvestmentFen']],
      [{ annualPlanFen: 12.5 }, ['annualPlanFen']],
      [{ stage: 'dreaming' }, ['stage']],
      [{ code: 'XM-2', plannedCompletion: '2021-01-01', plannedProduction: '2020-12-01' }, ['plannedCompletion', 'plannedProduction']],
      [{ code: 'XM-3', types: [] }, ['types']],
      [{ code: 'XM-4', townshipUnitId: units.gxj }, ['townshipUnitId']],
      [{}, ['code']], // taken
      [{ code: 'XM-5', extra: 1 }, ['extra']],
    ];
    for (const [over, fields] of cases) {
      const res = await office.post('/api/projects', project(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(Object.keys(res.json().fields ?? {}).sort(), JSON.stringify(over)).toEqual(fields.sort());
    }
    expect(await Promise.all([count('projects'), count('projectMilestones'), count('tasks')])).toEqual(before);
  });

  it('a PATCH changes exactly the fields it names', async () => {
    const before = (await office.get(`/api/projects/${id}`)).json();
    const res = await office.patch(`/api/projects/${id}`, { name: '大营镇不锈钢精深加工智能化改造项目（一期）' });
    expect(res.statusCode).toBe(200);
    const after = res.json();
    expect(after.name).toBe('大营镇不锈钢精深加工智能化改造项目（一期）');
    const { name: _a, updatedAt: _b, ...keptAfter } = after;
    const { name: _c, updatedAt: _d, ...keptBefore } = before;
    expect(keptAfter).toEqual(keptBefore);
    const bad = await office.patch(`/api/projects/${id}`, { plannedCompletion: '2020-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['plannedCompletion']);
    expect((await daying.patch(`/api/projects/${id}`, { name: 'x' })).statusCode).toBe(403);
  });
});

describe('townships', () => {
  it('report their own project’s monthly investment; the colour follows time progress', async () => {
    const res = await daying.put(`/api/projects/${id}/investments/2021-06`, { completedFen: 480 * WAN, progressText: '主体钢结构完成 60%' });
    expect(res.statusCode).toBe(200);
    // 480 of 1200 万元 by June: 40 % against 50 % is −10 pp, still green.
    expect(res.json()).toMatchObject({ colour: 'green', ytdFen: 480 * WAN, progress: { completion: 40, gapPp: -10 } });
    expect(res.json().investments).toEqual([expect.objectContaining({ month: '2021-06', completedFen: 480 * WAN, locked: false })]);
    const lower = await daying.put(`/api/projects/${id}/investments/2021-06`, { completedFen: 479 * WAN, progressText: '' });
    expect(lower.json().colour).toBe('yellow');
    expect((await daying.put(`/api/projects/${id}/investments/2021-07`, { completedFen: 1 })).statusCode).toBe(400);
    expect((await daying.put(`/api/projects/${id}/investments/2021-06`, { completedFen: -5 })).statusCode).toBe(400);
    expect((await daying.put(`/api/projects/${id}/investments/2021-13`, { completedFen: 5 })).statusCode).toBe(400);
    await daying.put(`/api/projects/${id}/investments/2021-06`, { completedFen: 480 * WAN, progressText: '主体钢结构完成 60%' });
  });

  it('cannot read or write another township’s project (404)', async () => {
    expect((await chengguan.get(`/api/projects/${id}`)).statusCode).toBe(404);
    expect((await chengguan.put(`/api/projects/${id}/investments/2021-06`, { completedFen: 1 })).statusCode).toBe(404);
    expect((await chengguan.get('/api/projects')).json().total).toBe(0);
    expect((await daying.get('/api/projects')).json().total).toBe(1);
    const s = await milestone('structure');
    expect((await chengguan.patch(`/api/projects/${id}/milestones/${s.id}`, { note: 'x' })).statusCode).toBe(404);
    expect((await uploadFile(chengguan, `/api/attachments/project/${id}`, 'a.png', PNG, 'image/png')).statusCode).toBe(404);
    expect((await uploadFile(daying, `/api/attachments/project/${id}`, 'a.png', PNG, 'image/png')).statusCode).toBe(200);
  });
});

describe('departments', () => {
  it('see the projects where they own a milestone, and record their own milestone met', async () => {
    expect((await gxj.get(`/api/projects/${id}`)).statusCode).toBe(200);
    expect((await gxj.get('/api/projects')).json().total).toBe(1);
    const s = await milestone('structure');
    expect(s.ownerUnit.id).toBe(units.gxj);
    const res = await gxj.patch(`/api/projects/${id}/milestones/${s.id}`, { metDate: '2021-07-10', note: '主体结构封顶' });
    expect(res.statusCode).toBe(200);
    const met = res.json().milestones.find((m: M) => m.code === 'structure');
    expect(met).toMatchObject({ metDate: '2021-07-10', note: '主体结构封顶' });
    const task = await t.deps.db
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', s.task?.id ?? 0)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ status: 'done', finishedDate: '2021-07-10' });
    // Finished through the task engine: subscribers hear of it, in the transaction and after the commit.
    const event = { taskId: task.id, type: 'project_milestone', ownerUnitId: units.gxj, status: 'done', finishedDate: '2021-07-10', wasOverdue: false };
    expect(closed.inTransaction.filter((e) => e.taskId === task.id)).toEqual([expect.objectContaining(event)]);
    expect(closed.afterCommit.filter((e) => e.taskId === task.id)).toEqual([expect.objectContaining(event)]);
    const audit = await t.deps.db.selectFrom('auditLog').select('action').where('entityType', '=', 'task').where('entityId', '=', String(task.id)).execute();
    expect(audit.map((a) => a.action)).toContain('task.project_milestone');
    expect(res.json().milestones.find((m: M) => m.code === 'acceptance').canUpdate).toBe(false);
  });

  it('cannot update another unit’s milestone (403) nor a project they do not see (404)', async () => {
    const acceptance = await milestone('acceptance');
    expect(acceptance.ownerUnit.id).toBe(units.jjq);
    expect((await gxj.patch(`/api/projects/${id}/milestones/${acceptance.id}`, { metDate: '2021-07-10' })).statusCode).toBe(403);
    const production = await milestone('production');
    expect((await gxj.patch(`/api/projects/${id}/milestones/${production.id}`, { dueDate: '2023-01-01' })).statusCode).toBe(403);
    expect((await gxj.patch(`/api/projects/${id}/milestones/${production.id}`, { metDate: '2021-08-01' })).statusCode).toBe(400);
    expect((await tjj.get(`/api/projects/${id}`)).statusCode).toBe(404);
    expect((await tjj.patch(`/api/projects/${id}/milestones/${production.id}`, { note: 'x' })).statusCode).toBe(404);
    expect((await gxj.put(`/api/projects/${id}/investments/2021-06`, { completedFen: 1 })).statusCode).toBe(403);
    expect((await acceptance.metDate) ?? null).toBeNull();
  });

  it('a milestone met late keeps "was overdue", in the project and its task', async () => {
    const res = await office.post(`/api/projects/${id}/milestones`, { name: '设备安装', ownerUnitId: units.gxj, dueDate: '2021-07-13' });
    expect(res.statusCode).toBe(200);
    const added = res.json().milestones.at(-1);
    expect(added).toMatchObject({ seq: 11, code: null, state: 'due_soon' });
    t.clock.set('2021-07-20T02:00:00Z');
    await signInAll();
    expect((await milestone('structure')).state).toBe('met');
    const overdue = (await office.get(`/api/projects/${id}`)).json().milestones.at(-1);
    expect(overdue).toMatchObject({ state: 'overdue', wasOverdue: true });
    const late = (await gxj.patch(`/api/projects/${id}/milestones/${added.id}`, { metDate: '2021-07-19' })).json().milestones.at(-1);
    expect(late).toMatchObject({ state: 'met_late', wasOverdue: true });
    const task = await t.deps.db.selectFrom('tasks').selectAll().where('id', '=', added.task.id).executeTakeFirstOrThrow();
    expect(task).toMatchObject({ status: 'done', wasOverdue: 1 });
    expect(closed.afterCommit.filter((e) => e.taskId === task.id)).toEqual([expect.objectContaining({ finishedDate: '2021-07-19', wasOverdue: true })]);

    // The met date taken back: the engine opens the task again, on its timeline and in the audit, and says so.
    const undone = (await gxj.patch(`/api/projects/${id}/milestones/${added.id}`, { metDate: null })).json().milestones.at(-1);
    expect(undone).toMatchObject({ metDate: null, state: 'overdue' });
    const open = await t.deps.db.selectFrom('tasks').selectAll().where('id', '=', task.id).executeTakeFirstOrThrow();
    expect(open).toMatchObject({ status: 'open', finishedDate: null, submittedDate: null, wasOverdue: 1 });
    const timeline = await t.deps.db.selectFrom('taskEvents').select(['fromStatus', 'toStatus', 'text']).where('taskId', '=', task.id).orderBy('id').execute();
    expect(timeline.at(-1)).toEqual({ fromStatus: 'done', toStatus: 'open', text: '节点完成记录已撤销' });
    expect(reopened.filter((e) => e.taskId === task.id)).toEqual([expect.objectContaining({ type: 'project_milestone', ownerUnitId: units.gxj })]);
    const audit = await t.deps.db.selectFrom('auditLog').select('action').where('entityType', '=', 'task').where('entityId', '=', String(task.id)).execute();
    expect(audit.map((a) => a.action).filter((a) => a === 'task.project_milestone')).toHaveLength(2);
    // Met again: closed again, once more published.
    await gxj.patch(`/api/projects/${id}/milestones/${added.id}`, { metDate: '2021-07-19' });
    expect(closed.afterCommit.filter((e) => e.taskId === task.id)).toHaveLength(2);
    t.clock.set('2021-07-12T02:00:00Z');
    await signInAll();
  });
});

describe('lists, the board and the month close', () => {
  let late: number;
  beforeAll(async () => {
    // Planned to start in March and still not started in July: more than three months late, red.
    late = (
      await office.post(
        '/api/projects',
        project({
          code: 'XM2021-002',
          name: '城关镇新型碳材料项目',
          library: 'strong_county',
          types: [],
          townshipUnitId: units.chengguan,
          responsibleUnitId: units.chengguan,
          stage: 'new_start',
          annualPlanFen: 0,
        }),
      )
    ).json().id;
  });

  it('filters by colour, library, stage and leader, and exports what it shows', async () => {
    const ids = async (q: string) => (await office.get(`/api/projects?${q}`)).json().items.map((p: { id: number }) => p.id);
    expect(await ids('colour=red')).toEqual([late]);
    expect(await ids('colour=green')).toEqual([id]);
    expect(await ids('library=strong_county')).toEqual([late]);
    expect(await ids('type=technical')).toEqual([id]);
    expect(await ids('stage=construction')).toEqual([id]);
    expect(await ids(`leaderUserId=${leaderId}&sort=code&order=desc`)).toEqual([late, id]);
    expect((await office.get('/api/projects?sort=nope')).statusCode).toBe(400);
    const xlsx = await office.get('/api/projects/export.xlsx?colour=red');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0].rowCount).toBe(2);
  });

  it('shows the board by stage, the Gantt and the leaders’ view; leaders read all', async () => {
    const board = (await leader.get('/api/projects/board')).json();
    expect(board.columns.map((c: { stage: string; total: number }) => [c.stage, c.total])).toEqual([
      ['planning', 0],
      ['preliminary', 0],
      ['new_start', 1],
      ['construction', 1],
      ['completed', 0],
      ['production', 0],
    ]);
    expect(board.columns[2].cards[0]).toMatchObject({ id: late, colour: 'red' });
    const gantt = (await leader.get('/api/projects/gantt?pageSize=10')).json();
    expect(gantt.items[0].milestones).toHaveLength(11);
    const leaders = (await leader.get('/api/projects/leaders')).json();
    expect(leaders.items[0]).toMatchObject({ leader: { id: leaderId }, colours: { green: 1, red: 1, yellow: 0 } });
    expect((await leader.post('/api/projects', project({ code: 'L-1' }))).statusCode).toBe(403);
  });

  it('locks the month’s figures and gives each red project one 督办 task, however often it runs', async () => {
    const close = () =>
      t.deps.db
        .transaction()
        .execute((trx) => lockProjectsOnMonthLock(trx, t.deps, systemContext(), { month: '2021-06', board: {} as never, officeUnitId: units.office }));
    await close();
    await close();
    const red = await t.deps.db.selectFrom('tasks').selectAll().where('type', '=', 'project_red').execute();
    expect(red.map((x) => [x.sourceId, x.ownerUnitId])).toEqual([[`${late}/red-2021-06`, units.chengguan]]);
    const locked = await daying.put(`/api/projects/${id}/investments/2021-06`, { completedFen: 1 });
    expect(locked.statusCode).toBe(400);
    expect(Object.keys(locked.json().fields)).toEqual(['month']);
  });
});

describe('import', () => {
  const upload = (bytes: Buffer) => uploadFile(office, '/api/projects/import', 'projects.xlsx', bytes);
  const row = (code: string, over: Partial<Record<number, unknown>> = {}) => {
    const r: unknown[] = [
      code,
      `导入项目 ${code}`,
      '三大改造项目库',
      '绿色化改造、技术改造',
      '',
      '不锈钢产业服务组',
      '大营镇',
      '前期',
      800,
      300.5,
      '2021-09-01',
      '2022-06-30',
      '2022-08-31',
      '李县长',
      '大营镇',
      '王五',
      '',
      '年产 10 万吨',
      '大营镇',
    ];
    for (const [i, v] of Object.entries(over)) r[Number(i)] = v;
    return r;
  };
  const filled = async (rows: unknown[][]) => {
    const template = await office.get('/api/projects/template.xlsx');
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    rows.forEach((r, i) => {
      sheet.getRow(3 + i).values = r as ExcelJS.CellValue[];
    });
    return Buffer.from(await book.xlsx.writeBuffer());
  };

  it('writes nothing when one row is bad, and says which', async () => {
    const before = await Promise.all([count('projects'), count('projectMilestones'), count('tasks')]);
    const res = await upload(await filled([row('IM-1'), row('IM-2', { 8: -3 }), row('IM-3', { 11: '2021-01-01' })]));
    expect(res.statusCode).toBe(400);
    const problems = res.json().errors.map((e: { row: number; column: string }) => [e.row, e.column]);
    expect(problems).toEqual([
      [4, '总投资（万元）'],
      [5, '计划竣工'],
    ]);
    expect(await Promise.all([count('projects'), count('projectMilestones'), count('tasks')])).toEqual(before);
  });

  it('imports a good file with milestones and tasks; a township may not', async () => {
    const res = await upload(await filled([row('IM-1'), row('IM-2')]));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });
    const p = (await office.get('/api/projects?q=IM-2')).json().items[0];
    expect(p).toMatchObject({ annualPlanFen: 300.5 * WAN, types: ['green', 'technical'], stage: 'preliminary', leader: { id: leaderId } });
    expect((await uploadFile(daying, '/api/projects/import', 'p.xlsx', await filled([row('IM-9')]))).statusCode).toBe(403);
  });
});

// The smallest PNG: 1×1 transparent.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
