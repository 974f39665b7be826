import { expect, test } from '@playwright/test';
import { shot, signIn, signOut } from './support';

test.describe.configure({ mode: 'serial' });

test('a township enters November, explains a jump, submits, and corrects a locked month with a reason', async ({ page }) => {
  await signIn(page, 'daying');
  await page.goto('/indicators/ledger');
  const grid = page.getByTestId('ledger-grid');
  // The page first learns which plans exist, then opens the grid of the latest one: slow on a busy machine.
  await expect(grid).toContainText('工业投资', { timeout: 30_000 });
  await page.getByTestId('ledger-year').click();
  await page.locator('.ant-select-item-option[title="2021"]').click();
  await page.getByTestId('ledger-month').click();
  await page.locator('.ant-select-item-option[title="11月"]').click();

  // Row 0 is 工业投资; month index 10 is November. A value far above October's needs an explanation.
  const november = page.locator('input[data-cell="0:10"]');
  await november.fill('9.9');
  // Paste two months of 技改投资 copied from Excel into November and December.
  await page.locator('input[data-cell="1:10"]').evaluate((input) => {
    const data = new DataTransfer();
    data.setData('text/plain', '0.81\t0.93\n');
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('input[data-cell="1:11"]')).toHaveValue('0.93');
  await page.locator('input[data-cell="0:10"]').press('ArrowDown');
  await expect(page.locator('input[data-cell="1:10"]')).toBeFocused();
  await page.getByTestId('ledger-save').click();
  await expect(page.getByTestId('ledger-save')).toBeDisabled();

  await page.getByTestId('ledger-submit').click();
  await expect(grid).toContainText('请填写说明');
  await shot(page, '30-ledger-jump-explanation');
  await page.getByLabel('工业投资 11 月说明').fill('平高电气智能开关项目设备款集中支付');
  await page.getByTestId('ledger-save').click();
  await expect(page.getByTestId('ledger-save')).toBeDisabled();
  await page.getByTestId('ledger-submit').click();
  await expect(page.getByText(/已报送 \d+ 项数据/)).toBeVisible();

  // September is locked: a correction asks for the reason and shows in the value's history.
  await page.getByTestId('ledger-month').click();
  await page.locator('.ant-select-item-option[title="9月 · 已锁定"]').click();
  await page.locator('input[data-cell="0:8"]').fill('2.5');
  await page.getByTestId('ledger-save').click();
  await page.getByLabel('修改原因').fill('统计局反馈项目入库口径调整');
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: /^保\s*存$/ })
    .click();
  await expect(page.getByTestId('ledger-save')).toBeDisabled();
  await page
    .getByRole('row', { name: /工业投资/ })
    .getByRole('button', { name: '数据历史' })
    .click();
  await expect(page.locator('.ant-drawer')).toContainText('统计局反馈项目入库口径调整');
  await shot(page, '31-ledger-history');
  await page.getByRole('button', { name: 'Close' }).or(page.locator('.ant-drawer-close')).first().click();
  await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
  await shot(page, '32-ledger');
  await page.goto('/');
  await signOut(page);
});

test('the office reads the warnings board, acts on a red cell, and a leader reads it on a phone', async ({ page, browser }) => {
  // Two sign-ins, two months of the board and a phone context: more than the default 90 s on a busy 2-core machine.
  test.setTimeout(150_000);
  await signIn(page, 'office');
  await page.goto('/indicators/warnings');
  // The board opens on this year's last locked month. A red cell opens its unit's row with what the office can do.
  await expect(page.getByTestId('warnings-month')).toContainText(`${new Date().getFullYear()}-`);
  await expect(page.getByText('本月数据已锁定')).toBeVisible();
  // The demo's reminder letters of that month already asked each of its red units for an explanation (their 督办
  // tasks exist): the office acts on the month before, locked too, where nobody has been asked yet.
  // Its red units have their letters: the drawer lists the letter and offers no second one.
  await page.getByTestId('warnings-matrix').locator('button[data-level="red"]').first().click();
  await expect(page.getByTestId('unit-drawer').getByTestId('unit-follow-up')).toContainText('〔');
  await expect(page.getByTestId('unit-drawer').getByTestId('unit-letter')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('unit-drawer')).toBeHidden();
  const opened = (await page.getByTestId('warnings-month').textContent())?.match(/\d{4}-\d{2}/)?.[0] ?? '';
  const before = `${opened.slice(0, 4)}-${String(Number(opened.slice(5)) - 1).padStart(2, '0')}`;
  await page.getByTestId('warnings-month').click();
  await page.locator('.ant-select-item-option', { hasText: before }).click();
  await expect(page.getByTestId('warnings-month')).toContainText(before);
  await expect(page.getByText('本月数据已锁定')).toBeVisible();
  const row = page
    .getByTestId('warnings-matrix')
    .locator('tbody tr', { has: page.locator('button[data-level="red"]') })
    .first();
  const unitName = (await row.locator('td').first().textContent())?.trim() ?? '';
  await row.locator('button[data-level="red"]').first().click();
  const drawer = page.getByTestId('unit-drawer');
  await expect(drawer).toContainText(unitName);
  await expect(drawer.getByTestId('unit-row')).toContainText('红灯');
  await drawer.getByTestId('unit-ask').click();
  await expect(drawer.getByTestId('unit-follow-up')).toContainText(`指标落后整改说明（${unitName}）`);
  await expect(drawer.getByTestId('unit-ask')).toHaveCount(0);
  await shot(page, '33a-warnings-unit-drawer');
  await drawer.getByRole('button', { name: '查看台账' }).click();
  await expect(page).toHaveURL(/\/indicators\/ledger\?month=/);
  await expect(page.getByTestId('ledger-grid')).toContainText('工业投资');
  await expect(page.getByTestId('ledger-unit')).toContainText(unitName);

  await page.goto('/indicators/warnings');
  await page.getByTestId('warnings-year').click();
  await page.locator('.ant-select-item-option[title="2021"]').click();
  await page.getByTestId('warnings-month').click();
  await page.locator('.ant-select-item-option', { hasText: '2021-10' }).click();
  const matrix = page.getByTestId('warnings-matrix');
  await expect(matrix).toContainText('宝丰县');
  await expect(matrix.locator('[data-level="red"]').first()).toBeVisible();
  await expect(page.getByTestId('warnings-ranking')).toContainText('大营镇');
  await expect(page.getByTestId('trend-chart').locator('canvas')).toBeVisible();
  await shot(page, '33-warnings-board');
  await signOut(page);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const mobile = await phone.newPage();
  await signIn(mobile, 'leader');
  await mobile.goto('/indicators/warnings');
  await expect(mobile.getByTestId('warnings-matrix')).toContainText('宝丰县');
  // On a phone the red units come first; a leader reads a unit's row but has no follow-up to give.
  const redUnits = mobile.getByTestId('warnings-red-units');
  await expect(redUnits).toBeVisible();
  await shot(mobile, '34-warnings-leader-phone');
  await redUnits.locator('.ant-tag').first().click();
  await expect(mobile.getByTestId('unit-row')).toContainText('红灯');
  await expect(mobile.getByTestId('unit-ask')).toHaveCount(0);
  await shot(mobile, '34a-warnings-unit-phone');
  await phone.close();
});
