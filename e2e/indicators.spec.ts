import { expect, test } from '@playwright/test';
import { shot, signIn, signOut } from './support';

test.describe.configure({ mode: 'serial' });

// The demo has this year's plan (and 2021's, the source document's year): the office drafts next year's.
const year = new Date().getFullYear() + 1;

test('the office decomposes a target, is stopped by the coverage check, and publishes with a reason', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/indicators/catalogue');
  await expect(page.getByTestId('indicators-table')).toContainText('规上工业增加值增速');
  await shot(page, '20-indicator-catalogue');

  await page.goto('/indicators/plan');
  // The demo's plan of this year is the newest with data, so it opens first.
  await expect(page.getByTestId('plan-status')).toContainText('已发布');
  const table = page.getByTestId('plan-table');
  await expect(table).toContainText('工业投资');
  await table
    .locator('tr', { hasText: 'IND_INV ·' })
    .getByRole('button', { name: /展开|Expand/ })
    .click();
  await expect(table).toContainText('大营镇');
  await shot(page, '21-indicator-plan');

  await page.getByTestId('plan-year').click();
  await page.locator('.ant-select-item-option', { hasText: String(year) }).click();
  await expect(page.getByText(`${year} 年尚未编制目标计划`)).toBeVisible();
  await page.getByTestId('decompose-IND_INV').click();
  const form = page.getByTestId('decomposition-form');
  await form
    .getByLabel(/^目标值/)
    .first()
    .fill('150');
  await form.getByRole('switch').click();
  await form.getByRole('button', { name: '添加单位' }).click();
  await form.getByRole('button', { name: '添加单位' }).click();
  const unitSelects = form.getByLabel('责任单位');
  await unitSelects.nth(0).click();
  await page.keyboard.type('大营镇');
  await page.keyboard.press('Enter');
  await unitSelects.nth(1).click();
  await page.keyboard.type('城关镇');
  await page.keyboard.press('Enter');
  const targets = form.getByLabel('目标值', { exact: true });
  await targets.nth(0).fill('60');
  await targets.nth(1).fill('50');
  await expect(page.getByTestId('coverage-live')).toContainText('较全县目标差 40');
  await shot(page, '22-decomposition');
  await page.getByTestId('decomposition-save').click();
  await expect(page.getByTestId('plan-status')).toContainText('草稿');
  await expect(table.locator('tr', { hasText: 'IND_INV ·' })).toContainText('差 40');

  await page.getByTestId('publish-plan').click();
  const publish = page.getByTestId('publish-form');
  await expect(publish).toContainText('工业投资');
  await page.getByRole('button', { name: '发布计划' }).last().click();
  await expect(publish).toContainText('必填');
  await publish.getByLabel('未足额分解的原因').fill('其余 40 亿元由产业集聚区承担，待管委会目标单列后分解');
  await shot(page, '23-publish-with-reason');
  await page.getByRole('button', { name: '发布计划' }).last().click();
  await expect(page.getByTestId('plan-status')).toContainText('第 1 版');
  await page.getByRole('button', { name: '版本记录' }).click();
  await expect(page.getByTestId('plan-versions')).toContainText('产业集聚区');
  await shot(page, '25-plan-versions');
  // A fresh page rather than closing the drawer: its closing animation can swallow the next click.
  await page.goto('/');
  await signOut(page);
});

test('a township sees the county targets and only its own share', async ({ page }) => {
  await signIn(page, 'daying');
  await page.goto('/indicators/plan');
  await expect(page.getByText('仅显示本单位承担的目标')).toBeVisible();
  const table = page.getByTestId('plan-table');
  await table
    .locator('tr', { hasText: 'IND_INV ·' })
    .getByRole('button', { name: /展开|Expand/ })
    .click();
  await expect(table).toContainText('大营镇');
  await expect(table).not.toContainText('城关镇');
  await expect(page.getByTestId('publish-plan')).toHaveCount(0);
  await shot(page, '24-indicator-plan-township');
});
