import { type Page, expect as baseExpect, test } from '@playwright/test';
import { shot, signIn, signOut } from './support';

// One request from the firm's phone to its confirmed closure; the journey signs in six times on a shared machine.
test.describe.configure({ mode: 'serial', timeout: 360_000 });

// The machine is shared with other builds: give every assertion time to see the server's answer.
const expect = baseExpect.configure({ timeout: 45_000 });

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const TITLE = '厂区 110 千伏专线接入（e2e）';

async function openRequest(page: Page, id: string) {
  await page.goto(`/services/requests/${id}`);
  await expect(page.getByTestId('request-title')).toHaveText(TITLE);
}

/** The township's row in its statistics for this year: on-time rate and satisfaction rate as shown. */
async function townshipRates(page: Page) {
  await page.goto('/services/stats');
  const row = page.getByTestId('stats-table').locator('tbody tr', { hasText: '杨庄镇' });
  await expect(row).toBeVisible();
  const cells = row.locator('td');
  return { onTime: (await cells.nth(3).textContent()) ?? '', satisfaction: (await cells.nth(4).textContent()) ?? '' };
}

/** The firm rates the closed request on its phone. */
async function rate(page: Page, id: string, rating: string, comment: string) {
  await page.setViewportSize(PHONE);
  await signIn(page, 'wuxing');
  await openRequest(page, id);
  await page.getByTestId('action-rate').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(rating, { exact: true }).click();
  await dialog.getByTestId('rating-comment').fill(comment);
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog).toHaveCount(0);
}

/** The township replies to the firm and closes the request, confirming first. */
async function replyAndClose(page: Page, id: string, text: string) {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'yangzhuang');
  await openRequest(page, id);
  await page.getByTestId('action-reply').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('reply-text').fill(text);
  await dialog.getByRole('button', { name: '答复并办结' }).click();
  // The confirmation of a step that cannot be undone.
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(page.getByTestId('request-status')).toContainText('已办结待评价');
}

test('a firm’s request on its phone: first-contact township, a part for 自然资源局, 不满意 reopens, 满意 closes, the rates move', async ({ page }) => {
  // The firm signs in on its phone and gets the slim portal menu.
  await page.setViewportSize(PHONE);
  await signIn(page, 'wuxing');
  await page.goto('/');
  await page.getByRole('button', { name: /打开菜单|Open menu/ }).click();
  const menu = page.getByTestId('side-menu');
  await expect(menu).toContainText('我的诉求');
  await expect(menu).toContainText('我的企业');
  await expect(menu).not.toContainText('企业诉求');
  await expect(menu).not.toContainText('督办');
  await shot(page, 'services-01-portal-menu-phone');
  await menu.getByText('我的企业').click();
  await expect(page.getByTestId('my-enterprise')).toContainText('平顶山市五星石墨有限公司');
  await shot(page, 'services-02-portal-profile-phone');

  await page.goto('/portal/requests');
  await expect(page.getByTestId('my-requests')).toContainText('还没有提交过诉求');
  await page.getByTestId('submit-request').click();
  const form = page.getByRole('dialog');
  await form.getByTestId('request-category').click();
  await page.locator('.ant-select-item-option', { hasText: '一般协调' }).click();
  await form.getByTestId('request-title').fill(TITLE);
  await form.getByTestId('request-content').fill('新上石墨化炉需要 110 千伏专线，请协调供电公司和用地手续。');
  await shot(page, 'services-03-submit-phone');
  await form.getByRole('button', { name: '提交诉求' }).click();
  await expect(page.getByTestId('request-title')).toHaveText(TITLE);
  const id = /\/services\/requests\/(\d+)/.exec(page.url())?.[1] as string;
  expect(id).toBeTruthy();
  await expect(page.getByTestId('owner-unit')).toHaveText('杨庄镇');
  await shot(page, 'services-04-submitted-phone');
  await signOut(page);

  // The township received it first: it owns the request and hands a part to 自然资源局.
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'yangzhuang');
  await page.goto('/services/requests');
  await expect(page.getByTestId('requests-table')).toContainText(TITLE);
  await shot(page, 'services-05-township-list');
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByTestId('owner-unit')).toHaveText('杨庄镇');
  await page.getByTestId('action-transfer').click();
  const transfer = page.getByRole('dialog');
  await transfer.getByTestId('transfer-unit').click();
  // The list is long and virtual: search it.
  await page.keyboard.type('自然资源');
  await page.locator('.ant-select-item-option', { hasText: '县自然资源局' }).click();
  await transfer.getByTestId('transfer-reason').fill('专线塔基涉及用地，请核实规划和用地手续');
  await transfer.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByTestId('request-parts')).toContainText('县自然资源局');
  await expect(page.getByTestId('owner-unit')).toHaveText('杨庄镇');
  await shot(page, 'services-06-part-handed');
  await signOut(page);

  // 自然资源局 replies to its part; the township stays the owner.
  await signIn(page, 'zrzyj');
  await openRequest(page, id);
  await page.getByTestId('action-part-reply').click();
  await page.getByRole('dialog').getByTestId('part-reply-text').fill('塔基用地符合国土空间规划，已出具用地预审意见');
  await page.getByRole('dialog').getByRole('button', { name: '回复' }).click();
  await expect(page.getByTestId('request-parts')).toContainText('已回复');
  await expect(page.getByTestId('owner-unit')).toHaveText('杨庄镇');
  await shot(page, 'services-07-part-replied');
  await signOut(page);

  // The township answers the firm and closes it: on time; nothing rated yet.
  await replyAndClose(page, id, '已协调县供电公司纳入专线接入计划，用地预审已办结');
  const first = await townshipRates(page);
  expect(first).toEqual({ onTime: '100%', satisfaction: '—' });
  await shot(page, 'services-08-rates-after-first-close');
  await signOut(page);

  // The firm is not satisfied: the request reopens once, with a new deadline.
  await rate(page, id, '不满意', '专线接入时间太晚，请再协调提前');
  await expect(page.getByTestId('request-status')).toContainText('办理中');
  await expect(page.getByTestId('request-status')).toContainText('已重办 1 次');
  await expect(page.getByTestId('request-history')).toContainText('重新办理');
  await shot(page, 'services-09-reopened-phone');
  await signOut(page);

  await replyAndClose(page, id, '供电公司同意提前至下月完成专线接入');
  await signOut(page);
  await rate(page, id, '满意', '感谢杨庄镇和自然资源局');
  await expect(page.getByTestId('request-status')).toContainText('已确认办结');
  await expect(page.getByTestId('request-status')).toContainText('满意');
  await shot(page, 'services-10-confirmed-phone');
  await signOut(page);

  // The township's rates moved: satisfaction now counted.
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'yangzhuang');
  const last = await townshipRates(page);
  expect(last).toEqual({ onTime: '100%', satisfaction: '100%' });
  await shot(page, 'services-11-rates-after-confirmation');
});

test('the commitments ledger: the office sees what is owed by unit and age; a unit records a payment; the firm sees its own on its phone', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'office');
  await page.goto('/services/commitments');
  const summary = page.getByTestId('commitment-summary');
  await expect(summary).toContainText('县工信局');
  await expect(summary).toContainText('180 天以上');
  await expect(page.getByTestId('commitments-table')).toContainText('县城道路改造工程设备款');
  await shot(page, 'services-12-commitments-office');
  await signOut(page);

  // 工信局 pays part of what it owes 五星石墨.
  await signIn(page, 'gxj');
  await page.goto('/services/commitments');
  await expect(page.getByTestId('commitments-table')).toContainText('2020 年技术改造补助资金');
  await page.getByTestId('commitment-pay').first().click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input').first().fill('200000');
  // The date paid defaults to today.
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('commitments-table')).toContainText('300,000.00');
  await signOut(page);

  await page.setViewportSize(PHONE);
  await signIn(page, 'wuxing');
  await page.goto('/portal/commitments');
  const mine = page.getByTestId('my-commitments');
  await expect(mine).toContainText('2020 年技术改造补助资金');
  await expect(mine).toContainText('300,000.00');
  await expect(mine).not.toContainText('县城道路改造工程设备款');
  await shot(page, 'services-13-commitments-phone');
});
