import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warnings } from '../../../shared/modules/indicators.schemas';
import { documentMedia, documentTable, documentText, documentXml } from '../../test/read-back';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { libreOffice } from '../../core/documents/pdf';
import { keepArtefact } from '../../test/artefacts';
import { ensureDemoIndicators, followUpLockedMonth, indicatorsFile } from '../indicators';

let t: TestApp;
let office: Client;
let daying: Client;
let leader: Client;
let board: Warnings;

beforeAll(async () => {
  t = await createTestApp();
  // The demo year: ledger January–October, January–September locked.
  const file = fileURLToPath(new URL('../../../../scripts/demo/baofeng-indicators-2021.json', import.meta.url));
  await ensureDemoIndicators(t.deps, indicatorsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))));
  t.clock.set('2021-10-12T02:00:00Z');
  [office, daying, leader] = await Promise.all([t.signIn('office'), t.signIn('daying'), t.signIn('leader')]);
  board = (await office.get('/api/indicator-warnings?month=2021-09')).json();
});
afterAll(() => t.close());

const redUnitsOf = (b: Warnings) => [...new Set(b.indicators.flatMap((r) => r.units.filter((c) => c.level === 'red').map((c) => c.unit.nameZh)))];

describe('work brief', () => {
  let briefId: number;

  it('refuses a month that is not locked', async () => {
    const res = await office.post('/api/documents/briefs', { month: '2021-10' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.month).toBeTruthy();
  });

  it('drafts the brief of a locked month from its data, with the red units by name', async () => {
    expect(board.locked).toBe(true);
    const res = await office.post('/api/documents/briefs', { month: '2021-09' });
    expect(res.statusCode).toBe(200);
    const brief = res.json();
    briefId = brief.id;
    expect(brief).toMatchObject({ docType: 'brief', status: 'draft', number: null, title: '2021年9月工业强县主要指标运行情况' });
    expect(brief.actions).toEqual(['edit', 'issue', 'delete']);
    const text = JSON.stringify(brief.blocks);
    const red = redUnitsOf(board);
    expect(red.length).toBeGreaterThan(0);
    for (const name of red) expect(text).toContain(name);
    // Figure 1: the county's completion of each indicator as bars against time progress as a line.
    const chart = brief.blocks.find((b: { kind: string }) => b.kind === 'chart');
    const county = board.indicators.filter((r) => r.county?.completion != null);
    expect(county.length).toBeGreaterThan(3);
    expect(chart.categories).toEqual(county.map((r) => r.indicator.nameZh));
    expect(chart.series.map((s: { name: string }) => s.name)).toEqual(['完成率', '序时进度']);
    const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    expect(chart.series[0].data).toEqual(county.map((r) => round1(r.county!.completion)));
    expect(chart.series[1].data).toEqual(county.map((r) => round1(r.county!.timeProgress)));
    // drafting again returns the same draft
    expect((await office.post('/api/documents/briefs', { month: '2021-09' })).json().id).toBe(briefId);
  });

  it('lets the office edit narrative paragraphs only, and hides drafts from other units', async () => {
    const brief = (await office.get(`/api/documents/${briefId}`)).json();
    const narrative = brief.blocks.findIndex((b: { editable?: boolean }) => b.editable);
    const data = brief.blocks.findIndex((b: { kind: string; editable?: boolean }) => b.kind === 'paragraph' && !b.editable);
    const ok = await office.patch(`/api/documents/${briefId}`, { paragraphs: [{ index: narrative, text: '九月份全县工业经济总体平稳。' }] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().blocks[narrative].text).toBe('九月份全县工业经济总体平稳。');
    const bad = await office.patch(`/api/documents/${briefId}`, { paragraphs: [{ index: data, text: '篡改数据' }] });
    expect(bad.statusCode).toBe(400);
    expect((await office.patch(`/api/documents/${briefId}`, { bogus: 1 })).statusCode).toBe(400);
    expect((await daying.get(`/api/documents/${briefId}`)).statusCode).toBe(404);
    expect((await daying.post(`/api/documents/${briefId}/issue`, {})).statusCode).toBe(403);
  });

  it('issues the brief with a number, stores the .docx with the figures and notifies the units', async () => {
    const res = await office.post(`/api/documents/${briefId}/issue`, {});
    expect(res.statusCode).toBe(200);
    const brief = res.json();
    expect(brief).toMatchObject({ status: 'issued', number: '宝工强简〔2021〕1号', seq: 1, year: 2021, issueDate: '2021-10-12' });
    expect(brief.actions).toEqual(['download']);
    expect((await office.patch(`/api/documents/${briefId}`, { title: 'x' })).statusCode).toBe(400);
    expect((await office.post(`/api/documents/${briefId}/issue`, {})).statusCode).toBe(400);

    const file = await daying.get(`/api/documents/${briefId}/file.docx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    const docx = file.rawPayload;
    keepArtefact('brief.docx', docx);
    const text = await documentText(docx);
    expect(text[0]).toBe('工业强县工作简报');
    expect(text[1]).toBe('宝工强简〔2021〕1号');
    expect(text).toContain('九月份全县工业经济总体平稳。');
    expect(text).toContain('2021年10月12日');
    const xml = await documentXml(docx);
    for (const name of redUnitsOf(board)) expect(xml).toContain(name);
    // The chart is embedded as a PNG drawn at twice the 590 px it is shown at, captioned under it.
    const png = await documentMedia(docx, 'png');
    expect(png).toHaveLength(1);
    expect([...png[0].subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(png[0].readUInt32BE(16)).toBe(1180);
    expect(text).toContain('图1 2021年9月全县主要指标完成率与序时进度');
    // Table 1: one row per indicator with the county's target, YTD value, completion and time progress.
    const table1 = await documentTable(docx, 0);
    expect(table1[0]).toEqual(['指标', '计量单位', '年度目标', '累计完成', '完成率', '序时进度', '差距（百分点）', '等级']);
    const first = board.indicators.find((r) => r.county)!;
    const c = first.county!;
    expect(table1[1]).toEqual([
      first.indicator.nameZh,
      first.indicator.unitZh,
      c.target.toFixed(first.indicator.decimals),
      c.ytd === null ? '—' : c.ytd.toFixed(first.indicator.decimals),
      c.completion === null ? '—' : `${c.completion.toFixed(1)}%`,
      // a growth or ratio row has no completion, so no time progress either
      c.completion === null ? '—' : `${c.timeProgress.toFixed(1)}%`,
      c.gapPp === null ? '—' : c.gapPp.toFixed(1),
      { green: '绿灯', yellow: '黄灯', red: '红灯', missing: '未报' }[c.level],
    ]);
    // Table 2: the traffic lights, red-heavy units first.
    const table2 = await documentTable(docx, 1);
    const redCount = (name: string) => board.indicators.filter((r) => r.units.some((u) => u.unit.nameZh === name && u.level === 'red')).length;
    expect(Number(table2[1][3])).toBe(Math.max(...table2.slice(1).map((r) => redCount(r[0]))));

    const inbox = (await daying.get('/api/notifications')).json();
    expect(inbox.items.some((n: { titleZh: string }) => n.titleZh.includes('宝工强简〔2021〕1号'))).toBe(true);
    // The register finds it by number, by type and by date, for a township too.
    const found = (await daying.get(`/api/documents?q=${encodeURIComponent('〔2021〕1号')}&docType=brief&from=2021-10-01&to=2021-10-31`)).json();
    expect(found.items.map((d: { id: number }) => d.id)).toEqual([briefId]);
    expect((await daying.get('/api/documents?status=draft')).json().total).toBe(0);
    const xlsx = await office.get('/api/documents/export.xlsx?docType=brief');
    expect(xlsx.statusCode).toBe(200);
  });
});

describe('reminder letters', () => {
  it('refuses to draft letters for a month that is not locked', async () => {
    const res = await office.post('/api/documents/letters', { month: '2021-10' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.month).toBeTruthy();
  });

  it('drafts one letter per red or missing unit, naming indicators, targets, YTD values and gaps', async () => {
    const res = await office.post('/api/documents/letters', { month: '2021-09' });
    expect(res.statusCode).toBe(200);
    const letters = res.json().items;
    const lagging = new Set(board.indicators.flatMap((r) => r.units.filter((c) => c.level === 'red' || c.level === 'missing').map((c) => c.unit.id)));
    expect(letters.map((l: { unit: { id: number } }) => l.unit.id).sort()).toEqual([...lagging].sort());
    expect((await office.post('/api/documents/letters', { month: '2021-09' })).json().items.map((l: { id: number }) => l.id)).toEqual(
      letters.map((l: { id: number }) => l.id),
    );
  });

  it('issues a letter: reuses the month close task of the unit, or creates it; the unit sees only its own letters', async () => {
    const letters = (await office.get('/api/documents?docType=letter&month=2021-09&pageSize=100')).json().items;
    const [first, second] = letters;
    // The month close created the follow-up tasks of the lagging units (the demo locks months without it: run it now).
    const ctx = await t.contextOf('office');
    await t.deps.db.transaction().execute((trx) => followUpLockedMonth(trx, t.deps, ctx, '2021-09', ctx.user.unitId));
    const task = await t.deps.db
      .selectFrom('tasks')
      .select('id')
      .where('sourceModule', '=', 'indicators')
      .where('sourceId', '=', `2021-09/${first.unit.id}`)
      .executeTakeFirstOrThrow();
    const issued = (await office.post(`/api/documents/${first.id}/issue`, {})).json();
    expect(issued).toMatchObject({ status: 'issued', number: '宝工强函〔2021〕1号', taskId: task.id });
    const tasksBefore = await t.deps.db.selectFrom('tasks').select('id').where('sourceId', '=', `2021-09/${first.unit.id}`).execute();
    expect(tasksBefore).toHaveLength(1);

    const docx = (await office.get(`/api/documents/${first.id}/file.docx`)).rawPayload;
    keepArtefact('letter.docx', docx);
    const text = await documentText(docx);
    // Addressed by the full name of the unit's government (赵庄镇人民政府), in the letter layout (double red rule).
    const { kind } = await t.deps.db.selectFrom('orgUnits').select('kind').where('id', '=', first.unit.id).executeTakeFirstOrThrow();
    expect(first.addressee).toBe(kind === 'township' ? `${first.unit.nameZh}人民政府` : first.unit.nameZh);
    expect(text).toContain(`${first.addressee}：`);
    expect(await documentXml(docx)).toContain('w:val="thickThinMediumGap"');
    expect(text.some((p) => p.includes('5个工作日内'))).toBe(true);
    const table = await documentTable(docx, 0);
    const cells = board.indicators.flatMap((r) =>
      r.units.filter((c) => c.unit.id === first.unit.id && (c.level === 'red' || c.level === 'missing')).map((c) => ({ ...c, ind: r.indicator })),
    );
    expect(table.length).toBe(cells.length + 1);
    expect(table[1][0]).toBe(`${cells[0].ind.nameZh}（${cells[0].ind.unitZh}）`);
    expect(table[1][1]).toBe(cells[0].target.toFixed(cells[0].ind.decimals));

    if (second) {
      const other = (await office.post(`/api/documents/${second.id}/issue`, {})).json();
      expect(other.number).toBe('宝工强函〔2021〕2号');
    }
    const dayingId = await t.unitId('daying');
    const mine = (await daying.get('/api/documents?docType=letter')).json().items;
    expect(mine.every((d: { unit: { id: number } }) => d.unit.id === dayingId)).toBe(true);
    if (first.unit.id !== dayingId) expect((await daying.get(`/api/documents/${first.id}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/documents/${first.id}`)).statusCode).toBe(200);
  });

  it('will not issue a letter whose month is not locked', async () => {
    const now = new Date().toISOString();
    const dayingId = await t.unitId('daying');
    const { id } = await t.deps.db
      .insertInto('documents')
      .values({
        docType: 'letter',
        status: 'draft',
        title: '未锁定月份的提醒函',
        month: '2021-10',
        unitId: dayingId,
        addressee: '大营镇',
        body: '[]',
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await office.post(`/api/documents/${id}/issue`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.month).toBeTruthy();
    expect((await office.get(`/api/documents/${id}`)).json()).toMatchObject({ status: 'draft', number: null });
  });
});

describe('numbering', () => {
  it('gives two briefs issued at the same moment consecutive numbers, no gap and no duplicate', async () => {
    const ids: number[] = [];
    for (const month of ['2021-07', '2021-08']) ids.push((await office.post('/api/documents/briefs', { month })).json().id);
    const results = await Promise.all(ids.map((id) => office.post(`/api/documents/${id}/issue`, {})));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    const seqs = results.map((r) => r.json().seq).sort();
    expect(seqs).toEqual([2, 3]);
    const counter = await t.deps.db.selectFrom('documentNumbers').selectAll().where('docType', '=', 'brief').executeTakeFirstOrThrow();
    expect(counter.lastSeq).toBe(3);
  });

  it('numbers each year on its own, by the issue date chosen', async () => {
    const id = (await office.post('/api/documents/briefs', { month: '2021-06' })).json().id;
    // Issued in the new year (a session of its own: the suite's session is left untouched while the clock is ahead).
    t.clock.set('2022-01-06T02:00:00Z');
    const res = await (await t.signIn('office')).post(`/api/documents/${id}/issue`, { issueDate: '2022-01-05' });
    t.clock.set('2021-10-12T02:00:00Z');
    expect(res.json().number).toBe('宝工强简〔2022〕1号');
  });

  it('refuses an issue date after today or within the month written about, and numbers nothing', async () => {
    const id = (await office.post('/api/documents/briefs', { month: '2021-07' })).json().id;
    const before = await t.deps.db.selectFrom('documentNumbers').selectAll().execute();
    const future = await office.post(`/api/documents/${id}/issue`, { issueDate: '2021-10-13' });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields.issueDate).toContain('不能晚于今天');
    const early = await office.post(`/api/documents/${id}/issue`, { issueDate: '2021-07-31' });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields.issueDate).toContain('月份结束之后');
    expect(await t.deps.db.selectFrom('documentNumbers').selectAll().execute()).toEqual(before);
    expect((await office.get(`/api/documents/${id}`)).json().status).toBe('draft');
  });
});

describe('templates', () => {
  it('are data the office edits', async () => {
    const list = (await office.get('/api/documents/templates')).json().items;
    expect(list.map((x: { docType: string }) => x.docType)).toEqual(['brief', 'letter', 'notice']);
    const res = await office.put('/api/documents/templates/brief', {
      headerText: '宝丰县工业强县工作简报',
      numberPrefix: '宝工强简',
      issuer: '宝丰县工业强县办',
      addressee: '各乡镇',
      footerLines: ['抄送：县委办。'],
    });
    expect(res.statusCode).toBe(200);
    expect(
      (await daying.put('/api/documents/templates/brief', { headerText: 'x', numberPrefix: 'x', issuer: 'x', addressee: '', footerLines: [] })).statusCode,
    ).toBe(403);
    const draft = (await office.post('/api/documents/briefs', { month: '2021-05' })).json();
    const text = await documentText((await office.get(`/api/documents/${draft.id}/file.docx`)).rawPayload);
    expect(text[0]).toBe('宝丰县工业强县工作简报');
    expect(text[1]).toBe('〔草稿〕');
    expect(text).toContain('抄送：县委办。');
  });
});

describe('notices', () => {
  it('drafts the notice of a locked month naming the units red two months running, and issues it in its own numbering', async () => {
    expect((await office.post('/api/documents/notices', { month: '2021-10' })).statusCode).toBe(400);
    const res = await office.post('/api/documents/notices', { month: '2021-09' });
    expect(res.statusCode).toBe(200);
    const notice = res.json();
    expect(notice).toMatchObject({ docType: 'notice', title: '关于2021年9月工业强县主要指标连续落后单位的通报' });
    const issued = (await office.post(`/api/documents/${notice.id}/issue`, {})).json();
    expect(issued.number).toBe('宝工强办〔2021〕1号');
    const docx = (await daying.get(`/api/documents/${notice.id}/file.docx`)).rawPayload;
    keepArtefact('notice.docx', docx);
    const text = await documentText(docx);
    expect(text[0]).toBe('宝丰县工业强县工作领导小组办公室文件');
    expect(text[1]).toBe('宝工强办〔2021〕1号');
    const persistent = board.indicators.flatMap((r) =>
      r.units.filter((c) => c.level === 'red' && c.persistentRed).map((c) => [c.unit.nameZh, r.indicator.nameZh]),
    );
    expect(persistent.length).toBeGreaterThan(0);
    const table = await documentTable(docx, 0);
    expect(
      table
        .slice(1)
        .map((r) => [r[0], r[1]])
        .sort(),
    ).toEqual(persistent.sort());
    // The notice asks the units it names for a written report: each of them has the month's 督办 task to reply in.
    const named = [...new Set(persistent.map(([name]) => name))];
    const tasks = await t.deps.db
      .selectFrom('tasks')
      .innerJoin('orgUnits', 'orgUnits.id', 'tasks.ownerUnitId')
      .select('orgUnits.nameZh')
      .where('sourceModule', '=', 'indicators')
      .where('sourceId', 'like', '2021-09/%')
      .execute();
    expect(named.every((name) => tasks.some((task) => task.nameZh === name))).toBe(true);
    expect(text.some((p) => p.includes('个工作日内'))).toBe(true);
  });
});

describe('PDF', () => {
  it('is offered for issued documents only', async () => {
    const drafts = (await office.get('/api/documents?status=draft&docType=brief')).json().items;
    expect(drafts.every((d: { pdf: boolean }) => !d.pdf)).toBe(true);
    expect((await office.get(`/api/documents/${drafts[0].id}/file.pdf`)).statusCode).toBe(404);
  });

  // LibreOffice is optional in production; where it is installed, the stored .docx converts and the PDF is kept.
  it.runIf(libreOffice() !== null)('converts an issued document with LibreOffice once and keeps it', { timeout: 180_000 }, async () => {
    const [issued] = (await office.get('/api/documents?status=issued&docType=letter')).json().items;
    expect(issued.pdf).toBe(true);
    const pdf = await office.get(`/api/documents/${issued.id}/file.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    keepArtefact('letter.pdf', pdf.rawPayload);
    const row = await t.deps.db.selectFrom('documents').select('pdfSha256').where('id', '=', issued.id).executeTakeFirstOrThrow();
    expect(row.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await office.get(`/api/documents/${issued.id}/file.pdf`)).rawPayload.equals(pdf.rawPayload)).toBe(true);
  });
});
