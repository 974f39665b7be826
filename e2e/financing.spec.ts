import { type Page, expect as baseExpect, test } from '@playwright/test';
import { shot, signIn, signOut } from './support';

// One financing need from the firm's phone to a loan: two banks, one meeting, the statistics move.
test.describe.configure({ mode: 'serial', timeout: 360_000 });

// The machine is shared with other builds: give every assertion time to see the server's answer.
const expect = baseExpect.configure({ timeout: 45_000 });

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const PURPOSE = '石墨化炉扩产流动资金（e2e）';
const ABC = '中国农业银行宝丰县支行';
const ICBC = '中国工商银行宝丰县支行';

/** The bank's row of the statistics by bank: needs received and loans placed, as shown. */
async function bankRow(page: Page, bank: string) {
  await page.goto('/financing/stats');
  const row = page.getByTestId('stats-table').locator('tbody tr', { hasText: bank });
  await expect(row).toBeVisible();
  const cells = row.locator('td');
  return { received: (await cells.nth(1).textContent()) ?? '', placed: (await cells.nth(2).textContent()) ?? '' };
}

async function openNeed(page: Page, id: string) {
  await page.goto(`/financing/needs/${id}`);
  await expect(page.getByTestId('need-particulars')).toContainText(PURPOSE);
}

test('a firm’s financing need on its phone, shared with two banks, on the next 政银企对接会: one declines, the other lends', async ({ page }) => {
  const before = await (async () => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, 'office');
    const abc = await bankRow(page, ABC);
    await signOut(page);
    return abc;
  })();

  // The firm records its need on its phone, sharing it with 农业银行 and 工商银行.
  await page.setViewportSize(PHONE);
  await signIn(page, 'wuxing');
  await page.goto('/');
  await page.getByRole('button', { name: /打开菜单|Open menu/ }).click();
  const menu = page.getByTestId('side-menu');
  await expect(menu).toContainText('融资需求');
  await menu.getByText('融资需求').click();
  await expect(page.getByTestId('my-needs')).toBeVisible();
  await shot(page, 'financing-01-portal-needs-phone');
  await page.getByTestId('create-need').click();
  const form = page.getByRole('dialog');
  await form.getByTestId('need-amount').fill('600');
  await form.getByTestId('need-term').fill('12');
  await form.getByTestId('need-purpose').fill(PURPOSE);
  await form.getByTestId('need-contact').fill('张会计 13800000000');
  await form.getByText(ABC).click();
  await form.getByText(ICBC).click();
  await shot(page, 'financing-02-need-form-phone');
  await form.getByTestId('need-save').click();
  // Consent is required: the form says so and nothing is sent.
  await expect(form.getByText('必填').first()).toBeVisible();
  await form.getByTestId('need-consent').click();
  await form.getByTestId('need-save').click();
  await expect(form).toHaveCount(0);
  const card = page.getByTestId('my-needs').locator('.ant-card', { hasText: PURPOSE });
  await expect(card).toContainText('待对接');
  await shot(page, 'financing-03-need-recorded-phone');
  await card.getByTestId('need-link').click();
  await page.waitForURL(/\/financing\/needs\/\d+/);
  const id = page.url().split('/').pop() as string;
  await expect(page.getByTestId('need-particulars')).toContainText(PURPOSE);
  // Until a bank approves credit the firm may correct its need.
  await expect(page.getByTestId('need-edit')).toBeVisible();
  await shot(page, 'financing-04-need-detail-phone');
  await signOut(page);

  // The office puts it on the next matchmaking meeting.
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'office');
  await openNeed(page, id);
  await page.getByTestId('need-put-on-meeting').click();
  const choose = page.getByRole('dialog');
  await choose.getByTestId('meeting-choice').click();
  await page.locator('.ant-select-item-option', { hasText: '政银企对接会' }).first().click();
  await choose.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(choose).toHaveCount(0);
  await expect(page.getByTestId('need-status')).toHaveText('对接中');
  await page.goto('/financing/meetings');
  await shot(page, 'financing-05-meetings');
  await page.getByTestId('financing-meeting-link').first().click();
  await expect(page.getByTestId('meeting-needs')).toContainText('平顶山市五星石墨有限公司');
  await shot(page, 'financing-06-meeting-list');
  await signOut(page);

  // 工商银行 declines, with its reason.
  await signIn(page, 'icbc');
  await openNeed(page, id);
  await page.getByTestId('need-outcome').click();
  let dialog = page.getByRole('dialog');
  await dialog.getByText('未通过', { exact: true }).click();
  await dialog.getByTestId('outcome-reason').click();
  await page.locator('.ant-select-item-option', { hasText: '抵押担保不足' }).click();
  await dialog.getByTestId('outcome-note').fill('抵押物评估价值不足');
  await shot(page, 'financing-07-bank-declines');
  await dialog.getByTestId('outcome-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('matches-table')).toContainText('抵押担保不足');
  await signOut(page);

  // 农业银行 grants a loan: the need is placed.
  await signIn(page, 'abc');
  await openNeed(page, id);
  // A bank sees only its own outcome, not 工商银行's.
  await expect(page.getByTestId('matches-table')).not.toContainText('抵押担保不足');
  await page.getByTestId('need-outcome').click();
  dialog = page.getByRole('dialog');
  await dialog.getByText('已放款', { exact: true }).click();
  await dialog.getByTestId('outcome-amount').fill('500');
  await dialog.getByTestId('outcome-rate').fill('4.35');
  await dialog.getByTestId('outcome-date').click();
  await page.locator('.ant-picker-dropdown .ant-picker-now-btn, .ant-picker-dropdown .ant-picker-today-btn').first().click();
  await shot(page, 'financing-08-bank-lends');
  await dialog.getByTestId('outcome-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('need-status')).toHaveText('已放款');
  await shot(page, 'financing-09-need-placed');
  await signOut(page);

  // The statistics move: one more need received by 农业银行 and one more loan placed.
  await signIn(page, 'office');
  const after = await bankRow(page, ABC);
  expect(Number(after.received)).toBe(Number(before.received) + 1);
  expect(Number(after.placed)).toBe(Number(before.placed) + 1);
  await shot(page, 'financing-10-statistics');
  await openNeed(page, id);
  await expect(page.getByTestId('need-status')).toHaveText('已放款');
  await expect(page.getByTestId('matches-table')).toContainText('抵押担保不足');
  await signOut(page);

  // And the firm sees its need placed on its phone.
  await page.setViewportSize(PHONE);
  await signIn(page, 'wuxing');
  await page.goto('/portal/financing');
  await expect(page.getByTestId('my-needs').locator('.ant-card', { hasText: PURPOSE })).toContainText('已放款');
  await shot(page, 'financing-11-portal-placed-phone');
});

test('the bank keeps its products; the pages read in English too', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'abc');
  await page.goto('/financing/products');
  await expect(page.getByTestId('products-table')).toContainText('小微e贷');
  await shot(page, 'financing-12-bank-products');
  // Withdrawing a product asks first.
  await page.getByTestId('products-table').locator('tbody tr', { hasText: '科技e贷' }).getByRole('button', { name: '下架' }).click();
  await expect(page.getByText('下架后企业将看不到该产品，确定下架？')).toBeVisible();
  await shot(page, 'financing-13-withdraw-confirm');
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(page.getByTestId('products-table').locator('tbody tr', { hasText: '科技e贷' })).toContainText('已下架');
  await page.goto('/financing/needs');
  await expect(page.getByTestId('needs-table')).toBeVisible();
  await shot(page, 'financing-14-bank-needs');
  await signOut(page);

  await signIn(page, 'office');
  await page.goto('/');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('language-switch')).toHaveText(/中文/);
  await page.goto('/financing/needs');
  await expect(page.getByTestId('needs-table')).toContainText('Loan granted');
  await shot(page, 'financing-15-needs-en');
  await page.goto('/financing/stats');
  await page.getByTestId('stats-by').getByText('Township').click();
  await expect(page.getByTestId('stats-table')).toBeVisible();
  await shot(page, 'financing-16-stats-en');
  await page.goto('/financing/meetings');
  await expect(page.getByTestId('financing-meetings')).toContainText('Planned');
  await shot(page, 'financing-17-meetings-en');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('language-switch')).toHaveText(/English/);
});

test('the firm shares its need with all banks and attaches its statements; the cockpit panel, zh and en', async ({ page }) => {
  const WINTER = '冬季备货周转';
  await page.setViewportSize(PHONE);
  await signIn(page, 'wuxing');
  await page.goto('/portal/financing');
  await page.getByTestId('my-needs').locator('.ant-card', { hasText: WINTER }).getByTestId('need-link').click();
  await expect(page.getByTestId('need-particulars')).toContainText(WINTER);
  await page.getByTestId('need-banks-edit').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('全部银行').click();
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  // The consent is given again, or nothing is sent.
  await expect(dialog.getByText('必填')).toBeVisible();
  await dialog.getByTestId('need-banks-consent').click();
  await shot(page, 'financing-18-change-banks-phone');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('need-particulars')).toContainText('全部银行');
  await page.locator('input[type=file]').setInputFiles({ name: '2021年财务报表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await expect(page.getByTestId('attachments-panel').getByText('2021年财务报表.pdf')).toBeVisible();
  await shot(page, 'financing-19-need-files-phone');
  await signOut(page);

  // 邮储银行, now among the banks, finds the need and reads its file.
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'psbc');
  await page.goto('/financing/needs');
  await page.getByTestId('needs-table').locator('tbody tr', { hasText: WINTER }).getByTestId('need-link').click();
  await expect(page.getByTestId('attachments-panel').getByText('2021年财务报表.pdf')).toBeVisible();
  await shot(page, 'financing-20-bank-reads-file');
  await signOut(page);

  // The cockpit's panel on the statistics page and the office's home page, in both languages and widths.
  await signIn(page, 'office');
  await page.goto('/');
  await expect(page.getByTestId('financing-panel')).toBeVisible();
  await shot(page, 'financing-21-home-panel');
  await page.goto('/financing/stats');
  await expect(page.getByTestId('financing-panel')).toContainText('受理需求');
  await shot(page, 'financing-22-stats-panel');
  await page.setViewportSize(PHONE);
  await shot(page, 'financing-23-stats-panel-phone');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('financing-panel')).toContainText('Needs');
  await shot(page, 'financing-24-stats-panel-phone-en');
  await page.setViewportSize(DESKTOP);
  await shot(page, 'financing-25-stats-panel-en');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('language-switch')).toHaveText(/English/);
});
