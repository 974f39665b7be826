import http from 'node:http';
import os from 'node:os';
import ExcelJS from 'exceljs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/build-app';
import { MAX_DELIVERY_ATTEMPTS, deliverDueWebhooks } from './webhooks.service';

// A local stand-in for a WeCom / DingTalk robot: records what it receives and answers with the status we set.
let status = 200;
const received: unknown[] = [];
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    received.push(JSON.parse(body));
    // A refusal carries text the platform must not echo (an internal service's answer, say).
    const answer = status === 200 ? { errcode: 0, errmsg: 'ok' } : { errcode: 500, errmsg: 'internal detail: db=10.1.2.3' };
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
});

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await createTestApp();
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/robot/send?key=test`;
  // The stand-in listens on loopback, which a webhook may reach only once the system administrator allows the host.
  const sysadmin = await t.signIn('sysadmin');
  expect((await sysadmin.put('/api/settings/webhooks', { allowedHosts: ['127.0.0.1'] })).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => receiver.close(resolve));
});

async function assignToDaying(title: string) {
  const office = await t.signIn('office');
  const res = await office.post('/api/tasks', { title, ownerUnitId: await t.unitId('daying'), dueInWorkingDays: 5 });
  expect(res.statusCode).toBe(200);
  return res.json().id as number;
}

/** The rows of an exported sheet, header first. */
async function sheet(res: { rawPayload: Buffer }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

const deliveries = () => t.deps.db.selectFrom('webhookDeliveries').selectAll().orderBy('id', 'desc').execute();

describe('inbox', () => {
  it('notifies the owner unit, counts unread, marks read one by one or all, and keeps inboxes private', async () => {
    const taskId = await assignToDaying('核实企业名录');
    const daying = await t.signIn('daying');
    const chengguan = await t.signIn('chengguan');
    expect((await daying.get('/api/notifications/unread-count')).json().unread).toBe(1);
    const page = (await daying.get('/api/notifications?unread=true')).json();
    expect(page.items[0]).toMatchObject({ kind: 'task.assigned', link: `/tasks/${taskId}`, entityType: 'task', readAt: null });
    expect(page.items[0].titleZh).toContain('核实企业名录');

    expect((await chengguan.post(`/api/notifications/${page.items[0].id}/read`)).statusCode).toBe(404);
    expect((await daying.post(`/api/notifications/${page.items[0].id}/read`)).statusCode).toBe(204);
    expect((await daying.get('/api/notifications/unread-count')).json().unread).toBe(0);

    await assignToDaying('二');
    await assignToDaying('三');
    expect((await daying.get('/api/notifications/unread-count')).json().unread).toBe(2);
    expect((await daying.post('/api/notifications/read-all')).statusCode).toBe(204);
    expect((await daying.get('/api/notifications/unread-count')).json().unread).toBe(0);
    expect((await daying.get('/api/notifications')).json().total).toBe(3);
    const exported = await sheet(await daying.get('/api/notifications/export.xlsx'));
    expect(exported[0]).toEqual(['消息', '时间', '状态']);
    expect(exported).toHaveLength(4);
    expect(String(exported[1][0])).toContain('三');
  });
});

describe('webhooks', () => {
  it('are managed by the sysadmin only, with http(s) addresses', async () => {
    const sysadmin = await t.signIn('sysadmin');
    const office = await t.signIn('office');
    const unitId = await t.unitId('daying');
    expect((await office.post('/api/webhooks', { unitId, name: '大营镇工作群', url })).statusCode).toBe(403);
    const bad = await sysadmin.post('/api/webhooks', { unitId, name: '大营镇工作群', url: 'ftp://example.com/hook' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.url).toBeTruthy();
    const created = await sysadmin.post('/api/webhooks', { unitId, name: '大营镇工作群', url });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ active: true, unit: { nameZh: '大营镇' }, pending: 0 });
    expect((await sysadmin.post(`/api/webhooks/${created.json().id}/test`)).json()).toEqual({ ok: true, error: null });
    expect(received.pop()).toMatchObject({ msgtype: 'text', text: { content: expect.stringContaining('测试消息') } });
  });

  it('delivers a task notice to the unit webhook, retries after a 500 and gives up after the last attempt', async () => {
    received.length = 0;
    status = 200;
    await assignToDaying('统计一季度产值');
    // One delivery per notice for the unit, however many of its users were notified.
    expect((await deliveries()).filter((d) => d.status === 'pending')).toHaveLength(1);
    expect(await deliverDueWebhooks(t.deps)).toBe('sent 1, retrying 0, given up 0');
    expect(received).toEqual([{ msgtype: 'text', text: { content: expect.stringContaining('统计一季度产值') } }]);
    expect((await deliveries())[0]).toMatchObject({ status: 'sent', attempts: 1, lastError: null });

    status = 500;
    await assignToDaying('报送用工缺口');
    expect(await deliverDueWebhooks(t.deps)).toBe('sent 0, retrying 1, given up 0');
    expect((await deliveries())[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500' });
    // Not due again before the backoff has passed.
    expect(await deliverDueWebhooks(t.deps)).toBeNull();
    status = 200;
    t.clock.advanceMinutes(1);
    expect(await deliverDueWebhooks(t.deps)).toBe('sent 1, retrying 0, given up 0');
    expect((await deliveries())[0]).toMatchObject({ status: 'sent', attempts: 2 });

    status = 500;
    await assignToDaying('核对税收数据');
    for (let i = 1; i < MAX_DELIVERY_ATTEMPTS; i++) {
      await deliverDueWebhooks(t.deps);
      t.clock.advanceMinutes(10);
    }
    expect(await deliverDueWebhooks(t.deps)).toBe('sent 0, retrying 0, given up 1');
    expect((await deliveries())[0]).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS });

    const sysadmin = await t.signIn('sysadmin');
    // Status only: neither the message (business content) nor the receiver's answer.
    const failed = (await sysadmin.get('/api/webhooks/deliveries?status=failed')).json().items[0];
    expect(failed).toMatchObject({ status: 'failed', lastError: 'HTTP 500' });
    expect(JSON.stringify(failed)).not.toMatch(/核对税收数据|internal detail/);
    expect(failed.content).toBeUndefined();
    expect((await sysadmin.get('/api/webhooks')).json().items[0]).toMatchObject({ failed: 1, pending: 0 });
    const failedSheet = await sheet(await sysadmin.get('/api/webhooks/deliveries/export.xlsx?status=failed'));
    expect(failedSheet).toHaveLength(2);
    expect(failedSheet[1]).toContain('已放弃');
    expect(JSON.stringify(failedSheet)).not.toMatch(/核对税收数据|internal detail/);
    expect((await sheet(await sysadmin.get('/api/webhooks/export.xlsx')))[1]).toContain('大营镇工作群');

    // Two overlapping runs (two instances, or a slow batch meeting the next minute's run) send a delivery once.
    status = 200;
    received.length = 0;
    await assignToDaying('并发发送只推送一次');
    await Promise.all([deliverDueWebhooks(t.deps), deliverDueWebhooks(t.deps)]);
    expect(received).toHaveLength(1);

    // A disabled webhook gets nothing queued.
    const hook = (await sysadmin.get('/api/webhooks')).json().items[0];
    expect((await sysadmin.patch(`/api/webhooks/${hook.id}`, { active: false })).json().active).toBe(false);
    const before = (await deliveries()).length;
    await assignToDaying('停用后不推送');
    expect((await deliveries()).length).toBe(before);
  });
});

describe('webhook targets', () => {
  it('refuses loopback, private and link-local targets unless the host is allowed', async () => {
    const sysadmin = await t.signIn('sysadmin');
    const unitId = await t.unitId('chengguan');
    const internal = [
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.8/hook',
      'http://192.168.1.20:8080/hook',
      'http://172.20.0.1/hook',
      'http://[::1]:3000/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://localhost:3000/hook',
      'http://0.0.0.0/hook',
    ];
    for (const target of internal) {
      const res = await sysadmin.post('/api/webhooks', { unitId, name: '内网', url: target });
      expect(res.statusCode, target).toBe(400);
      expect(res.json().fields.url).toContain('内网');
    }
    const hook = (await sysadmin.post('/api/webhooks', { unitId, name: '城关镇工作群', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x' })).json();
    expect((await sysadmin.patch(`/api/webhooks/${hook.id}`, { url: 'http://10.0.0.8/hook' })).statusCode).toBe(400);
    expect((await sysadmin.put('/api/settings/webhooks', { allowedHosts: ['127.0.0.1', '10.0.0.8'] })).json()).toEqual({
      allowedHosts: ['127.0.0.1', '10.0.0.8'],
    });
    expect((await sysadmin.patch(`/api/webhooks/${hook.id}`, { url: 'http://10.0.0.8/hook' })).statusCode).toBe(200);
    expect((await (await t.signIn('office')).get('/api/settings/webhooks')).statusCode).toBe(403);
  });

  it('refuses at send time a name that resolves inside, and reports only the status of a test', async () => {
    const sysadmin = await t.signIn('sysadmin');
    const unitId = await t.unitId('chengguan');
    // This machine's own name resolves to a loopback or private address; saved while allowed, then no longer.
    const port = (receiver.address() as AddressInfo).port;
    const host = os.hostname().toLowerCase();
    await sysadmin.put('/api/settings/webhooks', { allowedHosts: ['127.0.0.1', host] });
    const hook = (await sysadmin.post('/api/webhooks', { unitId, name: '主机名', url: `http://${host}:${port}/hook` })).json();
    received.length = 0;
    await sysadmin.put('/api/settings/webhooks', { allowedHosts: ['127.0.0.1'] });
    expect((await sysadmin.post(`/api/webhooks/${hook.id}/test`)).json()).toEqual({ ok: false, error: 'internal address refused' });
    expect(received).toHaveLength(0);

    status = 500;
    const loop = (await sysadmin.post('/api/webhooks', { unitId, name: '回环', url })).json();
    expect((await sysadmin.post(`/api/webhooks/${loop.id}/test`)).json()).toEqual({ ok: false, error: 'HTTP 500' });
    status = 200;
    const audit = await t.deps.db.selectFrom('auditLog').select(['action', 'actorUsername']).where('action', '=', 'webhook.test').execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });
});
