import { expect, type Page, test } from '@playwright/test';
import { shot, signIn, signOut } from './support';

test.describe.configure({ mode: 'serial' });

const REASON = '工业用电量与供电公司抄表数不符，请核实后重报';

/** The input of a report field, whether the test id sits on the input or on its wrapper. */
const field = (page: Page, key: string) => page.getByTestId(`field-${key}`).locator('xpath=descendant-or-self::input').first();

/** Opens the enterprise-development report of 大营镇 for last month from the reporting-status matrix. */
async function openDayingReport(page: Page) {
  await page.goto('/reports');
  const row = page.getByTestId('report-matrix').getByRole('row', { name: /大营镇/ });
  await row.locator('a[data-testid^="cell-"]').first().click();
  await expect(page.getByRole('heading', { name: /工业企业发展情况 · 大营镇/ })).toBeVisible();
}

test('a township fills, fails a check, fixes and submits; the office returns with a reason; resubmitted and accepted', async ({ page }) => {
  // Four sign-ins and a whole review cycle: longer than one page's journey on a busy machine.
  test.setTimeout(240_000);
  await signIn(page, 'daying');
  await openDayingReport(page);
  await expect(page.getByTestId('report-status')).toContainText('未填报');
  await field(page, 'firms').fill('40');
  // More firms above designated size than firms at all: a blocking cross-field error.
  await field(page, 'aboveScale').fill('50');
  await field(page, 'newAboveScale').fill('1');
  await field(page, 'outputMonth').fill('5200.5');
  await field(page, 'outputYtd').fill('48000');
  await field(page, 'power').fill('830');
  await page.getByTestId('report-submit').click();
  await expect(page.getByTestId('submit-errors')).toBeVisible();
  await expect(page.getByTestId('problem-aboveScale')).toContainText('规上工业企业数不能大于工业企业数');
  await shot(page, '50-report-form-validation');

  // The draft is on the server: a reload keeps it.
  await page.reload();
  await expect(field(page, 'aboveScale')).toHaveValue('50');
  await field(page, 'aboveScale').fill('12');
  // The draft saves itself a moment after the last edit: a reload before any click keeps the fix.
  await expect(page.getByTestId('draft-state')).toContainText(/已于 .+ 自动保存/);
  await page.reload();
  await expect(field(page, 'aboveScale')).toHaveValue('12');
  await page.getByTestId('report-submit').click();
  await expect(page.getByTestId('report-status')).toContainText('待审核');
  await shot(page, '51-report-form-submitted');
  await signOut(page);

  // The office reviews and returns it, naming the field.
  await signIn(page, 'office');
  await openDayingReport(page);
  await expect(page.getByTestId('report-status')).toContainText('待审核');
  await shot(page, '52-report-review');
  await page.getByTestId('report-return').click();
  // The dropdown can still be opening when the option is clicked: retry until the field shows as chosen.
  await expect(async () => {
    await page.getByTestId('return-field').click();
    await page.locator('.ant-select-item-option', { hasText: '工业用电量（本月）' }).click({ timeout: 2_000 });
    await expect(page.getByTestId('return-field')).toContainText('工业用电量（本月）', { timeout: 1_000 });
  }).toPass();
  await page.getByTestId('return-reason').fill(REASON);
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: /^退\s*回$/ })
    .click();
  await expect(page.getByTestId('report-status')).toContainText('已退回');
  await signOut(page);

  // The township sees the reason on the field, fixes it and resubmits.
  await signIn(page, 'daying');
  await openDayingReport(page);
  await expect(page.getByTestId('returned-reason')).toContainText(REASON);
  await expect(page.getByTestId('returned-reason')).toContainText('工业用电量（本月）');
  await shot(page, '53-report-returned');
  await field(page, 'power').fill('812');
  await page.getByTestId('report-submit').click();
  await expect(page.getByTestId('report-status')).toContainText('待审核');
  await signOut(page);

  // The office accepts; the report is locked and its history kept.
  await signIn(page, 'office');
  await openDayingReport(page);
  await page.getByTestId('report-accept').click();
  // Before confirming, the dialog says field by field what reaches the ledger and why the rest does not.
  const preview = page.getByTestId('accept-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('accept-item-power')).toContainText('工业用电量');
  await expect(page.getByTestId('accept-item-power')).toContainText(/写入台账|不写入/);
  const skipped = page.locator('[data-testid^="accept-item-"][data-written="false"]');
  for (const item of await skipped.all()) await expect(item).toContainText(/台账|目录/);
  await shot(page, '54a-report-accept-preview');
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: /审核通过/ })
    .click();
  await expect(page.getByTestId('report-status')).toContainText('已通过');
  await expect(page.getByTestId('report-history')).toContainText(REASON);
  await expect(page.getByTestId('report-submit')).toHaveCount(0);
  await shot(page, '54-report-accepted');

  // The completeness matrix shows the accepted report.
  await page.goto('/reports');
  const row = page.getByTestId('report-matrix').getByRole('row', { name: /大营镇/ });
  await expect(row.locator('a[data-testid^="cell-"]').first()).toHaveAttribute('data-status', 'accepted');
  await expect(row).toContainText('已通过');
  await shot(page, '55-report-matrix');

  // County totals with the township's figures, and the forms as data.
  await page.goto('/reports/totals');
  await expect(page.getByRole('row', { name: /大营镇/ })).toContainText('5,200.5');
  await expect(page.getByText('全县合计', { exact: true })).toBeVisible();
  await shot(page, '56-report-totals');
  await page.goto('/reports/forms');
  await page
    .getByRole('row', { name: /工业企业发展情况/ })
    .getByRole('button', { name: /展开|Expand/ })
    .or(page.locator('.ant-table-row-expand-icon').first())
    .first()
    .click();
  await expect(page.getByText('写入台账指标 ABOVE_SCALE')).toBeVisible();
  await shot(page, '57-report-forms');

  // The specs share one database: leave the office's and 大营镇's inboxes read, as later journeys expect.
  await page.goto('/notifications');
  await expect(page.getByTestId('inbox-table')).toContainText('已报送（待审核）');
  await page.getByTestId('mark-all-read').click();
  await expect(page.locator('[data-testid="unread-badge"] sup')).toHaveCount(0);
  await page.goto('/');
  await signOut(page);

  await signIn(page, 'daying');
  await page.goto('/notifications');
  await expect(page.getByTestId('inbox-table')).toContainText('被退回');
  await page.getByTestId('mark-all-read').click();
  await expect(page.locator('[data-testid="unread-badge"] sup')).toHaveCount(0);
  await signOut(page);
});
