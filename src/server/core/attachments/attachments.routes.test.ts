import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, uploadFile } from '../../test/build-app';
import { scopeFor } from '../access/access';
import { registerAttachmentOwner } from './owners';

// A test-only owner type: files of an organisation unit, visible to whoever may read that unit (township users
// see their own township only), the same rule a real module's records would follow.
registerAttachmentOwner('test_unit_file', {
  async canRead(trx, ctx, ownerId) {
    const scope = await scopeFor(trx, ctx.user, 'unit:read');
    return scope.all || scope.unitIds.includes(Number(ownerId));
  },
  async canWrite(trx, ctx, ownerId) {
    const scope = await scopeFor(trx, ctx.user, 'unit:read');
    return scope.all || scope.unitIds.includes(Number(ownerId));
  },
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
// The header of an OLE compound file and a directory entry naming the stream Word keeps its text in.
const LEGACY_DOC = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(504),
  Buffer.from('WordDocument\0', 'utf16le'),
  Buffer.alloc(100),
]);
const LEGACY_OTHER = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(504),
  Buffer.from('SummaryInformation\0', 'utf16le'),
  Buffer.alloc(100),
]);

async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('企业').addRow(['宝丰县', 1]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function plainZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('readme.txt', 'hello');
  return zip.generateAsync({ type: 'nodebuffer' });
}

// The browser declares PDF unless told otherwise; the server trusts only the bytes.
const upload = (client: Client, url: string, fileName: string, bytes: Buffer, declaredType = 'application/pdf') =>
  uploadFile(client, url, fileName, bytes, declaredType);

let t: TestApp;
let daying: Client;
let chengguan: Client;
let office: Client;
let dayingUnit: number;

beforeAll(async () => {
  t = await createTestApp();
  daying = await t.signIn('daying');
  chengguan = await t.signIn('chengguan');
  office = await t.signIn('office');
  dayingUnit = await t.unitId('daying');
});
afterAll(() => t.close());

const rowCount = async () =>
  Number(
    (
      await t.deps.db
        .selectFrom('attachments')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('attachments', () => {
  it('stores an accepted PDF by content hash, audited, and serves it back with a safe download header', async () => {
    const res = await upload(daying, `/api/attachments/test_unit_file/${dayingUnit}`, '大营镇 产业报告(2021).pdf', PDF);
    expect(res.statusCode).toBe(200);
    const file = res.json();
    expect(file).toMatchObject({ fileName: '大营镇 产业报告(2021).pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
    expect(file.uploadedBy.displayName).toBeTruthy();
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'attachment.upload')
      .where('entityId', '=', String(file.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.afterJson ?? '{}')).toMatchObject({ ownerType: 'test_unit_file', sha256: file.sha256 });

    const download = await daying.get(`/api/attachments/${file.id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="___ ____(2021).pdf"; filename*=UTF-8''%E5%A4%A7%E8%90%A5%E9%95%87%20%E4%BA%A7%E4%B8%9A%E6%8A%A5%E5%91%8A%282021%29.pdf`,
    );

    const list = (await daying.get(`/api/attachments?ownerType=test_unit_file&ownerId=${dayingUnit}`)).json();
    expect(list).toMatchObject({ total: 1, canWrite: true, maxBytes: 20 * 1024 * 1024 });
    expect(list.items[0].id).toBe(file.id);

    // The export has the panel's columns and rows.
    const exported = await daying.get(`/api/attachments/export.xlsx?ownerType=test_unit_file&ownerId=${dayingUnit}`);
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, '文件名', '大小', '上传人', '上传时间']);
    expect(sheet?.getRow(2).getCell(1).value).toBe('大营镇 产业报告(2021).pdf');
    expect(sheet?.rowCount).toBe(2);
    expect((await chengguan.get(`/api/attachments/export.xlsx?ownerType=test_unit_file&ownerId=${dayingUnit}`)).statusCode).toBe(404);
  });

  it('hides one township’s files from another: list, download, upload and delete all answer 404', async () => {
    const file = (await upload(daying, `/api/attachments/test_unit_file/${dayingUnit}`, 'scan.png', PNG, 'image/png')).json();
    expect((await chengguan.get(`/api/attachments?ownerType=test_unit_file&ownerId=${dayingUnit}`)).statusCode).toBe(404);
    expect((await chengguan.get(`/api/attachments/${file.id}/download`)).statusCode).toBe(404);
    expect((await chengguan.delete(`/api/attachments/${file.id}`)).statusCode).toBe(404);
    expect((await upload(chengguan, `/api/attachments/test_unit_file/${dayingUnit}`, 'x.pdf', PDF)).statusCode).toBe(404);
    // The office sees every unit.
    expect((await office.get(`/api/attachments/${file.id}/download`)).statusCode).toBe(200);
  });

  it('refuses files whose bytes are not an allowed type, whatever their name or declared type, writing nothing', async () => {
    const before = await rowCount();
    for (const [name, bytes] of [
      ['setup.pdf', EXE],
      ['notice.pdf', HTML],
      ['installer.doc', LEGACY_OTHER],
    ] as const) {
      const res = await upload(daying, `/api/attachments/test_unit_file/${dayingUnit}`, name, bytes);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().fields.file).toContain('PDF');
    }
    const en = await daying.request({
      method: 'POST',
      url: `/api/attachments/test_unit_file/${dayingUnit}`,
      headers: { 'content-type': 'multipart/form-data; boundary=b', 'accept-language': 'en-US' },
      payload: Buffer.concat([
        Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n'),
        HTML,
        Buffer.from('\r\n--b--\r\n'),
      ]),
    });
    expect(en.statusCode).toBe(400);
    expect(await rowCount()).toBe(before);
  });

  it('accepts images and Office documents, modern and legacy, recognising OOXML inside its zip container', async () => {
    const cases: [string, Buffer, string][] = [
      ['scan.png', PNG, 'image/png'],
      ['方案.docx', await docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['台账.xlsx', await xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['旧文件.doc', LEGACY_DOC, 'application/msword'],
    ];
    for (const [name, bytes, mime] of cases) {
      const res = await upload(daying, `/api/attachments/test_unit_file/${dayingUnit}`, name, bytes, 'application/octet-stream');
      expect(res.statusCode, name).toBe(200);
      expect(res.json()).toMatchObject({ fileName: name, contentType: mime });
    }
    // A picture sent under a PDF name is kept, but named for what it is, so it never opens as something else.
    const renamed = await upload(daying, `/api/attachments/test_unit_file/${dayingUnit}`, 'scan.pdf', PNG);
    expect(renamed.json()).toMatchObject({ fileName: 'scan.pdf.png', contentType: 'image/png' });
  });

  it('refuses plain zip archives by default', async () => {
    const res = await upload(daying, `/api/attachments/test_unit_file/${dayingUnit}`, 'bundle.zip', await plainZip(), 'application/zip');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.file).toBe('不允许上传压缩包，请上传原始文件');
  });

  it('answers 400 for an unknown owner type and for a request without a file', async () => {
    const list = await daying.get('/api/attachments?ownerType=no_such_owner&ownerId=1');
    expect(list.statusCode).toBe(400);
    expect(list.json().fields.ownerType).toBe('未知的附件所属类型');
    expect((await upload(daying, '/api/attachments/no_such_owner/1', 'a.pdf', PDF)).statusCode).toBe(400);
    const noFile = await daying.post(`/api/attachments/test_unit_file/${dayingUnit}`, {});
    expect(noFile.statusCode).toBe(400);
  });

  it('parses multipart bodies on the upload route only', async () => {
    const res = await upload(await t.signIn('sysadmin'), '/api/units', 'a.pdf', PDF);
    expect(res.statusCode).toBe(415);
  });

  it('soft-deletes, audited: the file disappears from the list and its download', async () => {
    const file = (await upload(daying, `/api/attachments/test_unit_file/${dayingUnit}`, 'old.pdf', PDF)).json();
    expect((await daying.delete(`/api/attachments/${file.id}`)).statusCode).toBe(204);
    expect((await daying.get(`/api/attachments/${file.id}/download`)).statusCode).toBe(404);
    expect((await daying.delete(`/api/attachments/${file.id}`)).statusCode).toBe(404);
    const list = (await daying.get(`/api/attachments?ownerType=test_unit_file&ownerId=${dayingUnit}&pageSize=100`)).json();
    expect(list.items.map((a: { id: number }) => a.id)).not.toContain(file.id);
    const row = await t.deps.db.selectFrom('attachments').selectAll().where('id', '=', file.id).executeTakeFirstOrThrow();
    expect(row.deletedAt).not.toBeNull();
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'attachment.delete')
      .where('entityId', '=', String(file.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.beforeJson ?? '{}')).toMatchObject({ fileName: 'old.pdf' });
  });

  it('lets everyone read a calendar year’s notices and only the office file them', async () => {
    expect((await upload(daying, '/api/attachments/calendar_year/2021', 'notice.pdf', PDF)).statusCode).toBe(403);
    const res = await upload(office, '/api/attachments/calendar_year/2021', '国务院办公厅关于2021年部分节假日安排的通知.pdf', PDF);
    expect(res.statusCode).toBe(200);
    const list = (await daying.get('/api/attachments?ownerType=calendar_year&ownerId=2021')).json();
    expect(list).toMatchObject({ total: 1, canWrite: false });
    expect((await daying.delete(`/api/attachments/${res.json().id}`)).statusCode).toBe(403);
    expect((await daying.get('/api/attachments?ownerType=calendar_year&ownerId=1999')).statusCode).toBe(404);
  });
});

describe('attachment size limit', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await createTestApp({ attachmentMaxBytes: 1024 * 1024, attachmentAllowZip: true });
  });
  afterAll(() => small.close());

  it('answers 413 with the limit in the message and keeps nothing', async () => {
    const client = await small.signIn('office');
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const res = await upload(client, '/api/attachments/calendar_year/2021', 'big.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().fields.file).toBe('文件超过大小上限 1 MB');
    const rows = await small.deps.db.selectFrom('attachments').selectAll().execute();
    expect(rows).toHaveLength(0);
  });

  it('accepts zip archives when the setting allows them', async () => {
    const client = await small.signIn('office');
    const res = await upload(client, '/api/attachments/calendar_year/2021', 'bundle.zip', await plainZip(), 'application/zip');
    expect(res.statusCode).toBe(200);
    expect(res.json().contentType).toBe('application/zip');
  });
});
