import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { searchTasks, shot, signIn, signOut } from './support';

test.describe.configure({ mode: 'serial' });

const TITLE = '摸排大营镇规上企业一季度用电情况';

// A stand-in for the township's WeCom group robot, reachable from the app server on this machine.
const received: string[] = [];
const robot = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    received.push(body);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
  });
});
let robotUrl = '';
test.beforeAll(async () => {
  await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
  robotUrl = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=daying`;
});
test.afterAll(() => new Promise((resolve) => robot.close(resolve)));

test('the system administrator gives 大营镇 a group-robot webhook and tests it', async ({ page }) => {
  await signIn(page, 'sysadmin');
  await page.goto('/admin/webhooks');
  // The stand-in robot listens on loopback, an internal address a webhook may reach only once allowed.
  await page.getByTestId('allowed-hosts').click();
  await page.getByTestId('allowed-hosts-form').getByLabel('允许的内网主机').fill('127.0.0.1');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByTestId('allowed-hosts-form')).toBeHidden();
  await page.getByTestId('create-webhook').click();
  const form = page.getByTestId('webhook-form');
  await form.getByLabel('单位').click();
  await page.keyboard.type('大营镇');
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '大营镇' }).first().click();
  await form.getByLabel('名称').fill('大营镇工作群');
  await form.getByLabel('机器人地址（Webhook URL）').fill('ftp://example.com');
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(form).toContainText('http:// 或 https://');
  await form.getByLabel('机器人地址（Webhook URL）').fill(robotUrl);
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByTestId('webhooks-table')).toContainText('大营镇工作群');
  await page.getByRole('button', { name: '发送测试消息' }).click();
  await expect(page.getByText('测试消息已发送')).toBeVisible();
  expect(received.at(-1)).toContain('"msgtype":"text"');
  await signOut(page);
});

test('the office assigns a 督办 task to 大营镇', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/tasks/all');
  await page.getByTestId('create-task').click();
  const form = page.getByTestId('task-form');
  await form.getByLabel('事项', { exact: true }).fill(TITLE);
  await form.getByLabel('事项内容').fill('请于时限内摸排辖区规上工业企业一季度用电量，并报送异常情况。');
  await form.getByLabel('承办单位').click();
  await page.keyboard.type('大营镇');
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '大营镇' }).first().click();
  await form.getByLabel('经办人').click();
  await page.locator('.ant-select-item-option', { hasText: '孙站长' }).click();
  await form.getByRole('spinbutton').fill('5');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  // The dialog shows the due date the engine will set, and the day it turns due soon.
  const preview = page.getByTestId('due-preview');
  await expect(preview).toContainText(/截止 \d{4}-\d{2}-\d{2}；\d{4}-\d{2}-\d{2} 起标为临期/);
  const due = (await preview.textContent())?.match(/截止 (\S+?)；/)?.[1];
  await shot(page, 'tasks-01-create-form');
  await page.getByRole('button', { name: /确\s*定/ }).click();

  await expect(page.getByTestId('task-title')).toHaveText(TITLE);
  await expect(page.getByTestId('task-due')).toHaveText(due as string);
  await expect(page.getByTestId('task-state')).toHaveText('正常');
  await expect(page.getByTestId('task-actions')).toContainText('撤销');
  await page.goto('/tasks/all');
  await searchTasks(page, TITLE);
  await expect(page.getByTestId('tasks-table')).toContainText(TITLE);
  await shot(page, 'tasks-02-all-tasks-office');
  await signOut(page);
});

test('大营镇 sees it with the unread bell, comments and submits it', async ({ page }) => {
  await signIn(page, 'daying');
  await page.goto('/');
  // Other journeys leave 大营镇 notices too (warnings, returned reports): the bell shows however many are unread.
  const { unread } = await (await page.request.get('/api/notifications/unread-count')).json();
  expect(unread).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('unread-badge')).toContainText(String(unread));
  await page.goto('/tasks/unit');
  await searchTasks(page, TITLE);
  await expect(page.getByTestId('tasks-table')).toContainText(TITLE);
  await shot(page, 'tasks-03-unit-tasks-daying');

  await page.getByRole('link', { name: TITLE }).click();
  await page.getByPlaceholder('填写留言或办理情况').fill('已走访 12 家规上企业，用电数据已汇总。');
  await page.getByTestId('task-comment-submit').click();
  await expect(page.getByTestId('task-timeline')).toContainText('已走访 12 家规上企业');
  await page.getByTestId('task-action-submit').click();
  // The submission carries its supporting file, attached to the task as soon as it is uploaded.
  await page
    .getByTestId('submit-files')
    .locator('input[type=file]')
    .setInputFiles({ name: '用电量汇总.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await expect(page.getByTestId('submit-files').getByText('用电量汇总.pdf')).toBeVisible();
  await page.getByLabel('办理说明（可选）').fill('请审核。');
  await page.locator('#task-action-confirm').click();
  await expect(page.getByText('已提交，等待审核')).toBeVisible();
  await expect(page.getByTestId('task-actions')).toHaveCount(0);
  await expect(page.getByTestId('task-timeline')).toContainText('待办理 → 待审核');
  await shot(page, 'tasks-04-task-submitted-daying');

  await page.getByTestId('notification-bell').click();
  await expect(page.getByTestId('inbox-table')).toContainText(`新督办事项：${TITLE}`);
  await shot(page, 'tasks-05-inbox-daying');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goBack();
  await expect(page.getByTestId('task-timeline')).toBeVisible();
  await shot(page, 'tasks-05b-task-phone');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/notifications');
  await page.getByTestId('mark-all-read').click();
  await expect(page.getByTestId('unread-badge')).not.toContainText('1');
  await signOut(page);
});

test('the office accepts it from its inbox; the timeline keeps the whole story', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/');
  // Other journeys may leave the office unread notices too: only require that there is something to read.
  await expect(page.getByTestId('unread-badge')).toHaveText(/[1-9]/);
  await page.goto('/notifications');
  await page.getByText(`督办事项已提交办结，请审核：${TITLE}`).click();
  await expect(page.getByTestId('task-title')).toHaveText(TITLE);
  await page.getByTestId('task-action-accept').click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByTestId('task-state')).toHaveText('按期办结');
  await expect(page.getByTestId('task-timeline')).toContainText('待审核 → 已办结');
  await shot(page, 'tasks-06-task-done-timeline');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('task-timeline')).toContainText('Submitted → Done');
  await shot(page, 'tasks-06b-task-done-timeline-en');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('task-timeline')).toContainText('待审核 → 已办结');

  await page.goto('/tasks/all');
  await page.locator('#tasks-filters_state').click();
  await page.locator('.ant-select-item-option', { hasText: '按期办结' }).click();
  await searchTasks(page, TITLE);
  await expect(page.getByTestId('tasks-table')).toContainText(TITLE);
  await signOut(page);
});

test('the webhook settings show the deliveries of the task notices', async ({ page }) => {
  await signIn(page, 'sysadmin');
  await page.goto('/admin/webhooks');
  // Deliveries show their unit, robot and status only: the message content stays out of the administrator's sight.
  await expect(page.getByTestId('deliveries-table')).toContainText('大营镇 · 大营镇工作群');
  await expect(page.getByTestId('deliveries-table')).not.toContainText(TITLE);
  await shot(page, 'tasks-07-webhooks');
  // The delivery job fires every minute; give it one turn to have sent the notices to the robot.
  test.setTimeout(180_000);
  await page.goto('/admin/jobs');
  await expect(async () => {
    // A whole reload of the signed-in app can take seconds on a busy machine: wait for the table, then for the run.
    await page.reload();
    await expect(page.getByTestId('jobs-table')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('jobs-table')).toContainText('消息推送发送', { timeout: 3_000 });
  }).toPass({ timeout: 110_000 });
  await expect.poll(() => received.some((body) => body.includes(TITLE)), { timeout: 75_000 }).toBe(true);
  await shot(page, 'tasks-08-job-runs');
});
