import { type Page, expect, test } from '@playwright/test';
import { shot, signIn, signOut } from './support';

// Each journey signs in and walks several pages; the machine is shared, so allow more than the default.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const NAME = '高端不锈钢精密管材项目（e2e）';
const CODE = 'ZS-E2E-001';

/** Picks an option of the antd select that opens under a form field. */
async function pick(page: Page, field: string, option: string) {
  await page.locator(`#${field}`).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 20_000 });
}

async function stainlessCounted(page: Page): Promise<number> {
  const res = await page.request.get('/api/leads/scoreboard');
  expect(res.status()).toBe(200);
  const rows = (await res.json()).rows as { counted: number; chains: { nameZh: string }[] }[];
  return rows.find((r) => r.chains.some((c) => c.nameZh === '不锈钢产业链'))?.counted ?? -1;
}

test('the office sees the county’s chain map and a chain’s page with its graph, segments, firms and links', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'office');
  await page.goto('/chains');
  await expect(page.getByTestId('chains-table')).toContainText('不锈钢产业链', { timeout: 60_000 });
  await expect(page.getByTestId('chain-graph').locator('canvas')).toBeVisible();
  await shot(page, 'chains-map-desktop');
  await page.getByTestId('chains-table').getByRole('link', { name: '不锈钢产业链' }).click();
  await expect(page.getByTestId('chain-title')).toHaveText('不锈钢产业链');
  await expect(page.getByTestId('chain-graph').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('chain-segments')).toContainText('镍铁及铬铁冶炼');
  await expect(page.getByTestId('chain-segments')).toContainText('薄弱');
  await expect(page.getByText('江苏德龙', { exact: true })).toBeVisible();
  await expect(page.getByTestId('chain-projects')).toContainText('BF');
  await shot(page, 'chain-page-desktop');
  await page.setViewportSize(PHONE);
  // The graph redraws at the new width after a short delay.
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await shot(page, 'chain-page-phone');
  // The same page in English: every label translated.
  await page.setViewportSize(DESKTOP);
  await page.getByTestId('language-switch').click();
  await expect(page.getByText('Service team members')).toBeVisible();
  await shot(page, 'chain-page-en');
  await page.goto('/chains/scoreboard');
  await expect(page.getByTestId('scoreboard')).toContainText('Stainless Steel Chain Service Team');
  await shot(page, 'scoreboard-en');
  await page.getByTestId('language-switch').click();
  await expect(page.getByText('招商目标考核').first()).toBeVisible();
  await signOut(page);
});

test('a team officer takes a lead from 线索 to 签约, it enters the project library, and the scoreboard counts it', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'stainless.team');
  const before = await stainlessCounted(page);
  await page.goto('/chains/leads');
  await expect(page.getByTestId('leads-table')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('create-lead').click();
  await page.getByTestId('lead-name').fill(NAME);
  await page.getByTestId('lead-investor').fill('江苏德龙镍业有限公司');
  await pick(page, 'lead-form_chainId', '不锈钢产业链');
  await pick(page, 'lead-form_townshipUnitId', '大营镇');
  await page.getByTestId('lead-planned').fill('15000');
  await page.getByTestId('lead-save').click();
  await expect(page.getByTestId('lead-title')).toHaveText(NAME, { timeout: 30_000 });

  // Straight to 签约 today, with the contract amount: 1.5亿.
  await page.getByTestId('lead-move').click();
  await pick(page, 'stage-form_stage', '签约');
  await page.getByTestId('stage-contract').fill('15000');
  await page.locator('#stage-save').click();
  await expect(page.getByTestId('lead-counts')).toContainText(/计入 \d{4} 年招商目标/, { timeout: 30_000 });
  await expect(page.getByTestId('lead-history')).toContainText('签约');
  await shot(page, 'lead-signed-desktop');

  await page.getByTestId('lead-convert').click();
  await page.getByTestId('convert-code').fill(CODE);
  await pick(page, 'convert-form_responsibleUnitId', '大营镇');
  await page.locator('#convert-save').click();
  await expect(page.getByTestId('lead-project-link')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('lead-project-link').click();
  await expect(page.getByTestId('project-title')).toHaveText(NAME);
  await expect(page.getByText(CODE)).toBeVisible();
  await shot(page, 'lead-project-desktop');

  expect(await stainlessCounted(page)).toBe(before + 1);
  await page.goto('/chains/scoreboard');
  await expect(page.getByTestId('scoreboard')).toContainText('不锈钢产业链服务专班');
  await shot(page, 'scoreboard-desktop');
  await page.setViewportSize(PHONE);
  await shot(page, 'scoreboard-phone');
  await page.goto('/chains/leads');
  await expect(page.getByTestId('leads-table')).toContainText(NAME);
  await shot(page, 'leads-phone');
  await signOut(page);
});
