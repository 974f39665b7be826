import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warnings } from '../../../shared/modules/indicators.schemas';
import { documentTable, documentText } from '../../test/read-back';
import { systemContext } from '../../core/access/context';
import { keepArtefact } from '../../test/artefacts';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { ensureDemoIndicators, indicatorsFile } from '../indicators';
import { draftNoticeOnLock } from './documents.service';

// October, submitted but not locked in the demo year, is locked here: the month close drafts its criticism notice.
// It is also the month in which one township (闹店镇) has every indicator green, the subject of a praise notice.
let t: TestApp;
let office: Client;
let daying: Client;
let board: Warnings;
const MONTH = '2021-10';

beforeAll(async () => {
  t = await createTestApp();
  const file = fileURLToPath(new URL('../../../../scripts/demo/baofeng-indicators-2021.json', import.meta.url));
  await ensureDemoIndicators(t.deps, indicatorsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))));
  t.clock.set('2021-11-10T02:00:00Z');
  [office, daying] = await Promise.all([t.signIn('office'), t.signIn('daying')]);
});
afterAll(() => t.close());

const noticesOf = async (month: string) =>
  t.deps.db.selectFrom('documents').select(['id', 'subject', 'status', 'title']).where('docType', '=', 'notice').where('month', '=', month).execute();

const auditOf = (documentId: number) =>
  t.deps.db.selectFrom('auditLog').select(['action', 'actorUserId']).where('entityType', '=', 'document').where('entityId', '=', String(documentId)).execute();

describe('the month close drafts the criticism notice', () => {
  let noticeId: number;

  it('when a locked month has a unit red two months running, once, and tells the office', async () => {
    expect(await noticesOf(MONTH)).toEqual([]);
    expect((await office.post('/api/indicator-ledger/locks', { month: MONTH })).statusCode).toBe(200);
    board = (await office.get(`/api/indicator-warnings?month=${MONTH}`)).json();
    const persistent = board.indicators.flatMap((r) => r.units.filter((c) => c.level === 'red' && c.persistentRed).map((c) => c.unit.nameZh));
    expect(persistent.length).toBeGreaterThan(0);
    const notices = await noticesOf(MONTH);
    expect(notices).toMatchObject([{ subject: 'criticism', status: 'draft', title: '关于2021年10月工业强县主要指标连续落后单位的通报' }]);
    noticeId = notices[0].id;
    const notice = (await office.get(`/api/documents/${noticeId}`)).json();
    for (const name of persistent) expect(JSON.stringify(notice.blocks)).toContain(name);

    const inbox = (await office.get('/api/notifications')).json().items;
    const told = inbox.filter((n: { link: string }) => n.link === `/documents/${noticeId}`);
    expect(told).toHaveLength(1);
    expect(told[0].titleZh).toContain('通报草稿待审核');
    expect((await daying.get('/api/notifications')).json().items.some((n: { link: string }) => n.link === `/documents/${noticeId}`)).toBe(false);
    expect((await auditOf(noticeId)).map((a) => a.action)).toEqual(['document.draft']);
  });

  it('makes no second draft when the month is locked again or relocked', async () => {
    expect((await office.post('/api/indicator-ledger/locks', { month: MONTH })).statusCode).toBe(409);
    // A relock after the lock row went (there is no unlock in the API: the row is removed as a repair would).
    await t.deps.db.deleteFrom('indicatorMonthLocks').where('month', '=', MONTH).execute();
    expect((await office.post('/api/indicator-ledger/locks', { month: MONTH })).statusCode).toBe(200);
    expect((await noticesOf(MONTH)).map((n) => n.id)).toEqual([noticeId]);
    // The office drafting the criticism notice by hand gets the same draft.
    expect((await office.post('/api/documents/notices', { month: MONTH })).json().id).toBe(noticeId);
  });

  it('drafts nothing for a month without a unit red two months running', async () => {
    const ctx = await t.contextOf('office');
    const calm: Warnings = {
      ...board,
      month: '2021-08',
      indicators: board.indicators.map((r) => ({ ...r, units: r.units.map((c) => ({ ...c, persistentRed: false })) })),
    };
    await t.deps.db.transaction().execute((trx) => draftNoticeOnLock(trx, t.deps, ctx, { month: '2021-08', board: calm, officeUnitId: ctx.user.unitId }));
    expect(await noticesOf('2021-08')).toEqual([]);
  });

  it('drafts it for the automatic lock too, with no user behind it', async () => {
    const september = (await office.get('/api/indicator-warnings?month=2021-09')).json();
    const officeId = await t.unitId('office');
    await t.deps.db
      .transaction()
      .execute((trx) => draftNoticeOnLock(trx, t.deps, systemContext(), { month: '2021-09', board: september, officeUnitId: officeId }));
    const [notice] = await t.deps.db
      .selectFrom('documents')
      .select(['id', 'createdBy', 'subject'])
      .where('docType', '=', 'notice')
      .where('month', '=', '2021-09')
      .execute();
    expect(notice).toMatchObject({ createdBy: null, subject: 'criticism' });
    expect(await auditOf(notice.id)).toEqual([{ action: 'document.draft', actorUserId: null }]);
    // Nobody drafts by hand what was drafted for them: reviewing it is the office's next step.
    expect((await office.post('/api/documents/notices', { month: '2021-09' })).json().id).toBe(notice.id);
  });

  it('keeps the draft from the townships', async () => {
    expect((await daying.get(`/api/documents/${noticeId}`)).statusCode).toBe(404);
    expect((await daying.get('/api/documents?docType=notice')).json().total).toBe(0);
  });
});

describe('praise notices', () => {
  let praiseId: number;

  it('refuses a bad subject or an unknown field with a 400 per field, writing nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('documents')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const bad = await office.post('/api/documents/notices', { month: MONTH, subject: 'reward' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual({ subject: '通报类别应为批评或表扬' });
    const unknown = await office.post('/api/documents/notices', { month: MONTH, subject: 'praise', tone: 'warm' });
    expect(unknown.statusCode).toBe(400);
    expect(Object.keys(unknown.json().fields)).toEqual(['tone']);
    expect((await office.post('/api/documents/notices', { month: '2021-11', subject: 'praise' })).json().fields.month).toBeTruthy();
    expect(await count()).toBe(before);
  });

  it('is drafted once per locked month, beside the criticism notice, by the office only', async () => {
    expect((await daying.post('/api/documents/notices', { month: MONTH, subject: 'praise' })).statusCode).toBe(403);
    const res = await office.post('/api/documents/notices', { month: MONTH, subject: 'praise' });
    expect(res.statusCode).toBe(200);
    const praise = res.json();
    praiseId = praise.id;
    expect(praise).toMatchObject({ docType: 'notice', subject: 'praise', status: 'draft', title: '关于2021年10月工业强县主要指标先进单位的通报' });
    expect((await office.post('/api/documents/notices', { month: MONTH, subject: 'praise' })).json().id).toBe(praiseId);
    expect((await noticesOf(MONTH)).map((n) => n.subject).sort()).toEqual(['criticism', 'praise']);
    expect((await daying.get(`/api/documents/${praiseId}`)).statusCode).toBe(404);
    expect((await auditOf(praiseId)).map((a) => a.action)).toEqual(['document.draft']);
  });

  it('is numbered with the criticism notice without a gap, and its .docx names the green units and the first three', async () => {
    const [criticism] = (await noticesOf(MONTH)).filter((n) => n.subject === 'criticism');
    expect((await office.post(`/api/documents/${criticism.id}/issue`, {})).json().number).toBe('宝工强办〔2021〕1号');
    const opening = '为表彰先进，现将10月份主要指标先进单位通报如下。';
    expect((await office.patch(`/api/documents/${praiseId}`, { paragraphs: [{ index: 0, text: opening }] })).statusCode).toBe(200);
    const issued = (await office.post(`/api/documents/${praiseId}/issue`, {})).json();
    expect(issued).toMatchObject({ status: 'issued', subject: 'praise', number: '宝工强办〔2021〕2号', seq: 2 });
    const counter = await t.deps.db
      .selectFrom('documentNumbers')
      .select('lastSeq')
      .where('docType', '=', 'notice')
      .where('year', '=', 2021)
      .executeTakeFirstOrThrow();
    expect(counter.lastSeq).toBe(2);

    const docx = (await daying.get(`/api/documents/${praiseId}/file.docx`)).rawPayload;
    keepArtefact('praise-notice.docx', docx);
    const text = await documentText(docx);
    expect(text.slice(0, 2)).toEqual(['宝丰县工业强县工作领导小组办公室文件', '宝工强办〔2021〕2号']);
    expect(text).toContain('关于2021年10月工业强县主要指标先进单位的通报');
    expect(text).toContain(opening);
    // 统计局 answers for the county figures not decomposed to townships that it reports (增加值增速): all green in October.
    expect(text).toContain('县统计局、闹店镇共2个单位本月各项主要指标均达到或超过序时进度，予以通报表扬。');
    const table = await documentTable(docx, 0);
    expect(table[0]).toEqual(['指标', '第一位', '第二位', '第三位']);
    const ranked = board.indicators.filter((r) => r.units.some((c) => c.rank !== null));
    expect(table.slice(1).map((r) => r[0])).toEqual(ranked.map((r) => r.indicator.nameZh));
    ranked.forEach((r, i) => {
      // The first three green units: a yellow one may rank high but is still behind time progress.
      const first = r.units.filter((c) => c.rank !== null && c.level === 'green').sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
      const names = [0, 1, 2].map((k) => first[k]?.unit.nameZh ?? '—');
      expect(table[i + 1].slice(1).map((cell) => cell.split('（')[0])).toEqual(names);
    });
  });

  it('shows its subject in the register, its filter and its export', async () => {
    expect((await daying.get('/api/documents?docType=notice&subject=praise')).json().items.map((d: { id: number }) => d.id)).toEqual([praiseId]);
    const criticism = (await office.get(`/api/documents?subject=criticism&month=${MONTH}`)).json().items;
    expect(criticism.map((d: { docType: string; subject: string }) => [d.docType, d.subject])).toEqual([['notice', 'criticism']]);
    expect((await office.get('/api/documents?subject=reward')).statusCode).toBe(400);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await office.get(`/api/documents/export.xlsx?docType=notice&month=${MONTH}&sort=number&order=asc`)).rawPayload as unknown as ArrayBuffer,
    );
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(sheet.getColumn(header.indexOf('通报类别') + 1).values.slice(2)).toEqual(['批评', '表扬']);
  });
});
