import { type Locator, type Page, expect as baseExpect, test } from '@playwright/test';
import { shot, signIn, signOut } from './support';

// One fund application from the firm's phone through the three review steps to two payments; five sign-ins.
test.describe.configure({ mode: 'serial', timeout: 360_000 });

// The machine is shared with other builds: give every assertion time to see the server's answer.
const expect = baseExpect.configure({ timeout: 45_000 });
test.use({ actionTimeout: 60_000 });

/** An antd number box by its test id (antd puts the id on the input itself or on its wrapper). */
const numberBox = (scope: Locator, testId: string) => scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const TITLE = '石墨化炉余热回收技术改造（e2e）';

async function openApplication(page: Page, id: string) {
  await page.goto(`/funds/applications/${id}`);
  await expect(page.getByTestId('application-title')).toHaveText(TITLE);
}

/** The 2026 industrial development fund's row of the budget page: approved, disbursed, remaining as shown. */
async function budgetRow(page: Page) {
  await page.goto('/funds/budget');
  const row = page.getByTestId('budget-table').locator('tbody tr', { hasText: '工业发展资金' });
  await expect(row).toBeVisible();
  return {
    approved: (await row.getByTestId('budget-approved').textContent()) ?? '',
    disbursed: (await row.getByTestId('budget-disbursed').textContent()) ?? '',
    remaining: (await row.getByTestId('budget-remaining').textContent()) ?? '',
  };
}

/** The reviewer of a step passes it, with an amount when the step sets one. */
async function passStep(page: Page, user: string, id: string, step: string, amount: string | null, next: string) {
  await signIn(page, user);
  await openApplication(page, id);
  await page.getByTestId(`action-${step}`).click();
  const dialog = page.getByRole('dialog');
  if (amount) await numberBox(dialog, 'review-amount').fill(amount);
  await shot(page, `funds-${step}-dialog`);
  await page.getByTestId('review-ok').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('fund-status')).toHaveText(next);
}

async function disburse(page: Page, amount: string | null, note: string) {
  await page.getByTestId('action-disburse').click();
  const dialog = page.getByRole('dialog');
  if (amount) await numberBox(dialog, 'disburse-amount').fill(amount);
  await dialog.getByTestId('disburse-note').fill(note);
  await page.getByTestId('disburse-ok').click();
  await expect(dialog).toHaveCount(0);
}

test('a firm applies on its phone; township, office and leader pass it; two payments; the budget page moves', async ({ page }) => {
  // The office's budget page before.
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'office');
  const before = await budgetRow(page);
  // The demo's figures on a first run; a retry (CI) starts from what the first attempt left.
  if (test.info().retry === 0) expect(before).toEqual({ approved: '3,100,000.00', disbursed: '3,000,000.00', remaining: '16,900,000.00' });
  await shot(page, 'funds-01-budget-before');
  await signOut(page);

  // The firm on its phone: the open programmes, the amount its rule gives as it types, then its application.
  await page.setViewportSize(PHONE);
  await signIn(page, 'wuxing');
  await page.goto('/portal/funds');
  const open = page.getByTestId('open-programmes');
  await expect(open).toContainText('工业发展资金');
  await expect(page.getByTestId('my-applications')).toContainText('高纯石墨生产线技术改造');
  await shot(page, 'funds-02-portal-phone');
  // The policy matched to the firm pre-fills the form: category and title.
  const matched = page.getByTestId('matched-policies');
  await expect(matched).toContainText('石墨新材料企业技术改造补助');
  await matched
    .locator('.ant-card', { hasText: '石墨新材料企业技术改造补助' })
    .getByRole('button', { name: /一键申报/ })
    .click();
  const form = page.getByRole('dialog');
  await expect(form.getByTestId('apply-title')).toHaveValue('石墨新材料企业技术改造补助');
  await expect(form.getByTestId('apply-form')).toContainText('技术改造补助');
  await numberBox(form, 'apply-investment').fill('8000000');
  await form.getByTestId('apply-title').fill(TITLE);
  await expect(form.getByTestId('apply-expected')).toContainText('800,000.00');
  await shot(page, 'funds-03-apply-phone');
  await page.getByTestId('apply-ok').click();
  await expect(page.getByTestId('application-title')).toHaveText(TITLE);
  const id = /\/funds\/applications\/(\d+)/.exec(page.url())?.[1] as string;
  expect(id).toBeTruthy();
  await expect(page.getByTestId('fund-status')).toHaveText('待初审');
  await shot(page, 'funds-04-submitted-phone');
  await signOut(page);

  // Township → office (recommends 600,000 元) → leader.
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'yangzhuang');
  await page.goto('/funds/applications');
  await expect(page.getByTestId('applications-table')).toContainText(TITLE);
  await shot(page, 'funds-05-township-waiting');
  await signOut(page);
  await passStep(page, 'yangzhuang', id, 'preliminary', null, '待办公室审核');
  await signOut(page);
  await passStep(page, 'office', id, 'office', '600000', '待领导审批');
  await signOut(page);
  await passStep(page, 'leader', id, 'leader', null, '已核定待拨付');
  await expect(page.getByTestId('approved-amount')).toHaveText('600,000.00');
  await shot(page, 'funds-06-approved');
  await signOut(page);

  // Two payments: 400,000 元, then the rest (the dialog offers what remains).
  await signIn(page, 'office');
  await openApplication(page, id);
  await disburse(page, '400000', '第一笔');
  await expect(page.getByTestId('disbursed-amount')).toHaveText('400,000.00');
  await expect(page.getByTestId('fund-status')).toHaveText('已核定待拨付');
  await disburse(page, null, '第二笔');
  await expect(page.getByTestId('fund-status')).toHaveText('已拨付');
  await expect(page.getByTestId('disbursed-amount')).toHaveText('600,000.00');
  await expect(page.getByTestId('disbursements')).toContainText('第二笔');
  await shot(page, 'funds-07-paid');
  const after = await budgetRow(page);
  const yuan = (text: string) => Number(text.replaceAll(',', ''));
  const moved = (text: string, by: number) => (yuan(text) + by).toLocaleString('en-US', { minimumFractionDigits: 2 });
  expect(after).toEqual({
    approved: moved(before.approved, 600_000),
    disbursed: moved(before.disbursed, 600_000),
    remaining: moved(before.remaining, -600_000),
  });
  await shot(page, 'funds-08-budget-after');
  await signOut(page);

  // The firm sees it paid, on its phone.
  await page.setViewportSize(PHONE);
  await signIn(page, 'wuxing');
  await openApplication(page, id);
  await expect(page.getByTestId('fund-status')).toHaveText('已拨付');
  await expect(page.getByTestId('application-history')).toContainText('领导审批核定');
  await shot(page, 'funds-09-paid-phone');
  await page.goto('/portal/funds');
  await expect(page.getByTestId('matched-policies')).toContainText('已申报');
  await signOut(page);
});

test('免申即享: the office confirms the drafted award list; the firm finds its award', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'office');
  await page.goto('/funds/policies');
  const row = page.getByTestId('policies-table').locator('tbody tr', { hasText: '免申即享' });
  await expect(row).toBeVisible();
  await shot(page, 'funds-10-policies');
  // The editor previews who a rule selects before it is saved.
  await page.getByTestId('create-policy').click();
  const editor = page.getByRole('dialog');
  await editor.getByTestId('policy-name').fill('规上企业奖励（预览）');
  await editor.getByTestId('policy-target').click();
  await page.locator('.ant-select-item-option', { hasText: '新增规上工业企业奖励' }).first().click();
  await editor.getByTestId('policy-preview').click();
  await expect(editor.getByTestId('policy-preview-result')).toContainText('符合条件');
  await shot(page, 'funds-10b-policy-editor');
  await editor.getByRole('button', { name: /取\s*消/ }).click();
  await expect(editor).toHaveCount(0);
  await row.getByTestId('policy-matches').click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByTestId('policy-matches-table')).toContainText('河南铁福来装备制造股份有限公司');
  await shot(page, 'funds-11-award-list');
  await drawer.getByTestId('confirm-awards').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(drawer.getByTestId('confirm-awards')).toBeDisabled();
  await expect(drawer.getByTestId('policy-matches-table')).toContainText('已核定');
  await shot(page, 'funds-12-awards-confirmed');
  // The drawer's own close button: Escape reaches it only while focus is inside, which a refetch may take away.
  await drawer
    .getByRole('button', { name: /关\s*闭|Close/ })
    .first()
    .click();
  await expect(drawer).toBeHidden();
  await signOut(page);

  await page.setViewportSize(PHONE);
  await signIn(page, 'tiefulai');
  await page.goto('/portal/funds');
  await expect(page.getByTestId('my-applications')).toContainText('规上高新技术企业认定奖励（免申即享）');
  await shot(page, 'funds-13-award-phone');
});
