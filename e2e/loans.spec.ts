import { type Locator, expect as baseExpect, test } from '@playwright/test';
import { shot, signIn, signOut } from './support';

// Guaranteed loans (小额担保贷款): the office records one, the firm sees it and its schedule on its phone, another firm
// does not. A file of its own, so that a retry does not replay the fund application journey.
const expect = baseExpect.configure({ timeout: 45_000 });
test.use({ actionTimeout: 60_000 });
test.describe.configure({ timeout: 240_000 });

/** An antd number box by its test id (antd puts the id on the input itself or on its wrapper). */
const numberBox = (scope: Locator, testId: string) => scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

test('the office records a guaranteed loan; the firm sees it and its schedule on its portal', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'office');
  await page.goto('/funds/loans');
  await expect(page.getByTestId('loans-table')).toBeVisible();
  await shot(page, 'funds-loans-zh-1440');
  await page.getByTestId('loan-create').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('loan-firm').click();
  await page.keyboard.type('五星');
  await page.locator('.ant-select-item-option', { hasText: '五星' }).first().click();
  await dialog.getByTestId('loan-bank').click();
  await page.locator('.ant-select-item-option', { hasText: '中原银行' }).first().click();
  await dialog.getByTestId('loan-guarantor').fill('宝丰县中小企业融资担保有限公司（e2e）');
  await numberBox(dialog, 'loan-amount').fill('300000');
  await numberBox(dialog, 'loan-rate').fill('3.85');
  await numberBox(dialog, 'loan-term').fill('6');
  await expect(dialog.getByTestId('loan-preview')).toBeVisible();
  await shot(page, 'funds-loan-create-zh-1440');
  await page.getByTestId('loan-ok').click();
  await expect(page.getByTestId('loan-page')).toBeVisible();
  await expect(page.getByTestId('loan-schedule').locator('tbody tr.ant-table-row')).toHaveCount(6);
  const url = page.url();
  const id = url.slice(url.lastIndexOf('/') + 1);
  await shot(page, 'funds-loan-zh-1440');
  await page.goto('/funds/loans/by-bank');
  await expect(page.getByTestId('bank-totals').locator('tbody tr', { hasText: '中原银行' })).toBeVisible();
  await shot(page, 'funds-loan-banks-zh-1440');
  await signOut(page);

  await page.setViewportSize(PHONE);
  await signIn(page, 'wuxing');
  await page.goto('/portal/loans');
  await expect(page.getByTestId('loans-table').locator(`a[href="/portal/loans/${id}"]`)).toBeVisible();
  await shot(page, 'funds-portal-loans-zh-390');
  await page.goto(`/portal/loans/${id}`);
  await expect(page.getByTestId('loan-schedule').locator('tbody tr.ant-table-row')).toHaveCount(6);
  await shot(page, 'funds-portal-loan-zh-390');
  // Another firm's loan is not found.
  await signOut(page);
  await signIn(page, 'tiefulai');
  await page.goto(`/portal/loans/${id}`);
  await expect(page.getByTestId('loan-page')).toHaveCount(0);
});
