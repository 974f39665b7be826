import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../../shared/rules/uscc';
import { type Client, type TestApp, createTestApp, uploadFile } from '../../test/build-app';
import { ensureDemoEnterprises, enterprisesFile } from './enterprises.demo';
import { importEnterprises } from './enterprises.import';
import { insertEnterprise } from './enterprises.service';

const upload = (client: Client, bytes: Buffer) => uploadFile(client, '/api/enterprises/import', 'import.xlsx', bytes);

let t: TestApp;
let office: Client;
let daying: Client;
let chengguan: Client;
let team: Client;
let units: Record<string, number>;

/** A valid credit code of Baofeng from a serial number (I, O, Z, S and V never appear in credit codes). */
const code = (serial: number) => {
  const body = `91410421MA${String(serial).padStart(7, '0')}`;
  return body + usccCheckChar(body);
};

beforeAll(async () => {
  t = await createTestApp();
  const file = fileURLToPath(new URL('../../../../scripts/demo/baofeng-enterprises.json', import.meta.url));
  await ensureDemoEnterprises(t.deps, enterprisesFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))));
  units = Object.fromEntries(await Promise.all(['daying', 'chengguan', 'team-stainless', 'team-optics', 'office'].map(async (c) => [c, await t.unitId(c)])));
  [office, daying, chengguan, team] = await Promise.all([t.signIn('office'), t.signIn('daying'), t.signIn('chengguan'), t.signIn('stainless.team')]);
});
afterAll(() => t.close());

const firmOf = async (client: Client, query: string) => (await client.get(`/api/enterprises?${query}`)).json();

describe('enterprise profiles', () => {
  it('loads the demo firms with valid codes, the three the source document names among them', async () => {
    const all = await firmOf(office, 'pageSize=100');
    expect(all.total).toBe(60);
    const names = all.items.map((e: { name: string }) => e.name);
    for (const name of ['平顶山市五星石墨有限公司', '河南铁福来装备制造股份有限公司', '河南国玺超纯新材料股份有限公司']) expect(names).toContain(name);
  });

  it('shows a township only its firms and a service team only the firms it serves', async () => {
    const mine = await firmOf(daying, 'pageSize=100');
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((e: { township: { id: number } }) => e.township.id === units.daying)).toBe(true);
    const served = await firmOf(team, 'pageSize=100');
    expect(served.items.every((e: { serviceTeam: { id: number } }) => e.serviceTeam.id === units['team-stainless'])).toBe(true);
    expect(served.total).toBeGreaterThan(0);
    // The count runs as its own query (without the names' joins): it must count what the scope and filter let through.
    expect(served.total).toBe(served.items.length);
    const page = await firmOf(daying, 'pageSize=2&aboveScale=true');
    const aboveScale = mine.items.filter((e: { aboveScale: boolean }) => e.aboveScale).length;
    expect(page.total).toBe(aboveScale);
    expect(page.items.length).toBe(Math.min(2, aboveScale));
  });

  it('lets a department with the directory role read every firm, contacts masked, and change none', async () => {
    const gxj = await t.signIn('gxj');
    const all = await firmOf(gxj, 'pageSize=100');
    expect(all.total).toBe(60);
    expect(all.items[0].piiMasked).toBe(true);
    expect((await gxj.patch(`/api/enterprises/${all.items[0].id}`, { address: '改' })).statusCode).toBe(403);
    // The department role alone no longer lists firms: its unit scope covered none.
    const department = await t.deps.db
      .selectFrom('rolePermissions')
      .innerJoin('roles', 'roles.id', 'rolePermissions.roleId')
      .select('rolePermissions.permission')
      .where('roles.code', '=', 'department')
      .execute();
    expect(department.map((p) => p.permission)).not.toContain('enterprise:read');
  });

  it('answers 404 when a township reads or edits another township’s firm', async () => {
    const other = (await firmOf(office, `townshipUnitId=${units.chengguan}&pageSize=1`)).items[0];
    expect((await daying.get(`/api/enterprises/${other.id}`)).statusCode).toBe(404);
    expect((await daying.patch(`/api/enterprises/${other.id}`, { address: '改' })).statusCode).toBe(404);
    expect((await chengguan.get(`/api/enterprises/${other.id}`)).statusCode).toBe(200);
    const after = (await office.get(`/api/enterprises/${other.id}`)).json();
    expect(after.address).toBe(other.address);
  });

  it('masks phone numbers for users without enterprise:pii', async () => {
    const firm = (await firmOf(daying, 'pageSize=1')).items[0];
    expect(firm.piiMasked).toBe(true);
    expect(firm.contacts[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const whole = (await office.get(`/api/enterprises/${firm.id}`)).json();
    expect(whole.piiMasked).toBe(false);
    expect(whole.contacts[0].phone).toMatch(/^\d{11}$/);
  });

  it('files a firm with a checked credit code, per-field errors for bad input, audited', async () => {
    const body = {
      name: '宝丰县测试精密机械有限公司',
      uscc: code(9001),
      townshipUnitId: units.daying,
      industryCode: 'C34',
      contacts: [{ name: '陈经理', phone: '13800000000', idNumber: '41042119800101123X' }],
    };
    const wrongDigit = await daying.post('/api/enterprises', { ...body, uscc: `${body.uscc.slice(0, 17)}${body.uscc.endsWith('0') ? '1' : '0'}` });
    expect(wrongDigit.statusCode).toBe(400);
    expect(wrongDigit.json().fields.uscc).toContain('校验位');
    const otherTownship = await daying.post('/api/enterprises', { ...body, townshipUnitId: units.chengguan });
    expect(otherTownship.json().fields).toHaveProperty('townshipUnitId');
    const bad = await daying.post('/api/enterprises', { ...body, industryCode: 'Z99', contacts: [{ name: '', idNumber: '123' }] });
    expect(Object.keys(bad.json().fields).sort()).toEqual(['contacts.0.idNumber', 'contacts.0.name', 'industryCode']);

    const created = await daying.post('/api/enterprises', body);
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ uscc: body.uscc, writable: true, contacts: [{ phone: '138****0000', idNumber: '4104**********123X' }] });
    expect((await daying.post('/api/enterprises', body)).json().fields.uscc).toContain('已登记');
    const audit = await t.deps.db.selectFrom('auditLog').selectAll().where('action', '=', 'enterprise.create').executeTakeFirstOrThrow();
    expect(audit.entityId).toBe(String(created.json().id));
  });

  it('changes only the employees when a PATCH names only them, and the service team keeps the firm in sight (issue 16)', async () => {
    const officer = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'stainless.team').executeTakeFirstOrThrow();
    const created = await office.post('/api/enterprises', {
      name: '宝丰县员工数测试有限公司',
      uscc: code(9002),
      townshipUnitId: units.daying,
      address: '大营镇工业园区9号',
      industryCode: 'C31',
      chainUnitIds: [units['team-stainless']],
      aboveScale: true,
      smeTier: 'innovative',
      employees: 300,
      serviceTeamUnitId: units['team-stainless'],
      chiefOfficerUserId: officer.id,
      contacts: [{ name: '刘经理', position: '总经理', phone: '13800000003', idNumber: '' }],
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    const before = (await office.get(`/api/enterprises/${id}`)).json();

    const res = await office.patch(`/api/enterprises/${id}`, { employees: 418 });
    expect(res.statusCode).toBe(200);
    const { updatedAt: _b, ...unchanged } = before;
    const { updatedAt: _a, ...after } = (await office.get(`/api/enterprises/${id}`)).json();
    expect(after).toEqual({ ...unchanged, employees: 418 });
    expect(after).toMatchObject({ address: '大营镇工业园区9号', aboveScale: true, smeTier: 'innovative', chiefOfficer: { id: officer.id } });
    expect(after.chains).toHaveLength(1);
    expect(after.contacts).toHaveLength(1);
    expect((await team.get(`/api/enterprises/${id}`)).statusCode).toBe(200);

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'enterprise.update')
      .where('entityId', '=', String(id))
      .executeTakeFirstOrThrow();
    const { updatedAt: _ab, ...auditBefore } = JSON.parse(audit.beforeJson ?? '{}');
    const { updatedAt: _aa, ...auditAfter } = JSON.parse(audit.afterJson ?? '{}');
    expect(auditAfter).toEqual({ ...auditBefore, employees: 418 });
  });

  it('filters by industry section, chain, flags and text, and exports what the list shows', async () => {
    const carbon = await firmOf(office, `industryCode=C30&highTech=true&pageSize=100`);
    expect(carbon.items.every((e: { industryCode: string; highTech: boolean }) => e.industryCode === 'C30' && e.highTech)).toBe(true);
    const byName = await firmOf(office, 'q=五星石墨');
    expect(byName.items.map((e: { name: string }) => e.name)).toEqual(['平顶山市五星石墨有限公司']);
    const res = await office.get('/api/enterprises/export.xlsx?q=五星石墨');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0].rowCount).toBe(2);
  });
});

/** A filled template: the header row of the real template, a notes row, then the given rows. */
async function workbook(rows: (string | number)[][], tamper = false) {
  const template = await office.get('/api/enterprises/template.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (tamper) sheet.getRow(1).getCell(3).value = '乡镇';
  rows.forEach((row, i) => {
    sheet.getRow(3 + i).values = row;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const row = (serial: number, name: string, township = '大营镇', industry = 'C31 黑色金属冶炼和压延加工业') => [
  name,
  code(serial),
  township,
  '工业园区',
  industry,
  '是',
  '否',
  '',
  '',
  '无',
  120,
  '不锈钢产业链服务专班',
  '李四',
  '13900000000',
];

describe('enterprise import', () => {
  const count = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('enterprises')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports nothing when one row is bad, and reports the row and column in an annotated sheet', async () => {
    const before = await count();
    const file = await workbook([row(1, '宝丰县导入一号有限公司'), row(2, '宝丰县导入二号有限公司', '不存在镇'), row(3, '宝丰县导入三号有限公司')]);
    const res = await upload(office, file);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('IMPORT_INVALID');
    expect(body.errors).toEqual([{ row: 4, column: '所属乡镇', message: '乡镇（街道）不存在' }]);
    expect(await count()).toBe(before);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(Buffer.from(body.report, 'base64') as unknown as ArrayBuffer);
    const sheet = report.worksheets[0];
    expect(sheet.getRow(4).getCell(15).value).toBe('所属乡镇：乡镇（街道）不存在');
    expect(sheet.getRow(4).getCell(3).fill).toMatchObject({ fgColor: { argb: 'FFFFCCC7' } });
  });

  it('reports schema problems, duplicate codes in the file and codes already on file', async () => {
    const existing = (await firmOf(office, 'pageSize=1')).items[0].uscc as string;
    const dupe = row(10, '宝丰县导入十号有限公司');
    const badCode = row(11, '宝丰县导入十一号有限公司');
    badCode[1] = 'NOTACODE';
    const taken = row(12, '宝丰县导入十二号有限公司');
    taken[1] = existing;
    const res = await upload(office, await workbook([dupe, dupe, badCode, taken]));
    expect(res.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [4, '统一社会信用代码'],
      [5, '统一社会信用代码'],
      [6, '统一社会信用代码'],
    ]);
  });

  it('refuses a tampered template with a clear message', async () => {
    const res = await upload(office, await workbook([row(20, '宝丰县导入二十号有限公司')], true));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().fields.file).toContain('表头');
    expect((await upload(office, Buffer.from('not a workbook'))).json().fields.file).toContain('模板');
  });

  it('leaves nothing behind when writing fails half-way', async () => {
    const before = await count();
    const file = await workbook([row(30, '宝丰县导入三十号有限公司'), row(31, '宝丰县导入三十一号有限公司')]);
    const officeCtx = await t.contextOf('office');
    let written = 0;
    const failing: typeof insertEnterprise = async (trx, now, body) => {
      if (++written === 2) throw new Error('disk full');
      return insertEnterprise(trx, now, body);
    };
    await expect(importEnterprises(t.deps, officeCtx, file, failing)).rejects.toThrow('disk full');
    expect(await count()).toBe(before);
  });

  it('imports a good file in one go, audited; a township cannot import', async () => {
    const res = await upload(
      office,
      await workbook([row(40, '宝丰县导入四十号有限公司'), row(41, '宝丰县导入四十一号有限公司', '城关镇', 'C40 仪器仪表制造业')]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });
    const firm = (await firmOf(office, 'q=导入四十一号')).items[0];
    expect(firm).toMatchObject({ industryCode: 'C40', aboveScale: true, township: { id: units.chengguan }, serviceTeam: { id: units['team-stainless'] } });
    expect((await upload(daying, await workbook([row(42, '宝丰县导入四十二号有限公司')]))).statusCode).toBe(403);
    const audit = await t.deps.db.selectFrom('auditLog').selectAll().where('action', '=', 'enterprise.import').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.afterJson as string).rows).toBe(2);
  });
});
