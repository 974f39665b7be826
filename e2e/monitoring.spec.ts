import { type Page, expect as baseExpect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { searchTasks, shot, signIn, signOut } from './support';

// The machine is shared and often busy: every wait of this journey allows half a minute.
const expect = baseExpect.configure({ timeout: 30_000 });

// One journey through several pages and two accounts on a shared machine: allow more than the default.
test.describe.configure({ mode: 'serial', timeout: 600_000 });

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
// 平顶山祥瑞特钢有限公司: 周庄镇, served by 不锈钢产业链服务专班 (the demo account stainless.team); steady in the demo.
const USCC = '914104211150M1026F';
const NAME = '平顶山祥瑞特钢有限公司';

/** `YYYY-MM` plus n months. */
function addMonths(month: string, n: number) {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + m - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
/** The last closed month of today in the county, as the server counts it. */
function lastClosedMonth(): string {
  return addMonths(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7), -1);
}

/** The statistics bureau's output template, filled: the firm at 1,000 万元 a year ago, 700 万元 the last two months. */
async function outputFile(page: Page): Promise<Buffer> {
  const res = await page.request.get('/api/monitoring/figures/output/template.xlsx');
  expect(res.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const last = lastClosedMonth();
  const rows: [string, number][] = [
    [addMonths(last, -13), 1000],
    [addMonths(last, -12), 1000],
    [addMonths(last, -1), 700],
    [last, 700],
  ];
  rows.forEach(([month, value], i) => {
    sheet.getRow(3 + i).values = [USCC, NAME, month, value];
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

test('the office imports an output file in which a firm falls; the firm is flagged and its service team gets the task', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'office');
  await page.goto('/monitoring');
  // The demo's own flagged firms are there before the import.
  await expect(page.getByTestId('monitoring-table')).toContainText('宝丰', { timeout: 60_000 });
  await expect(page.getByTestId('monitoring-month')).toHaveText(lastClosedMonth());
  await expect(page.getByTestId('monitoring-table')).not.toContainText(NAME);

  await page.getByTestId('import-figures').click();
  await page.getByTestId('import-output').click();
  await expect(page.getByTestId('import-template')).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'output.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await outputFile(page),
  });
  await expect(page.getByTestId('import-upload')).toHaveCount(0, { timeout: 60_000 });

  // Flagged 下滑 this month; the list narrows by flag and name.
  await page.getByTestId('count-decline').click();
  await page.locator('#monitoring-filters_q').fill('祥瑞');
  await page
    .getByTestId('monitoring-filters')
    .getByRole('button', { name: /查\s*询/ })
    .click();
  const row = page.getByTestId('monitoring-table').locator('tbody tr', { hasText: NAME });
  await expect(row).toContainText('下滑');
  await expect(row).toContainText('-30%');
  await expect(row).toContainText('查看督办');
  await page
    .getByTestId('monitoring-filters')
    .getByRole('button', { name: /重\s*置/ })
    .click();
  await expect(page.getByTestId('monitoring-table')).toContainText(NAME);
  await shot(page, 'monitoring-01-list-zh-1440');

  await page.getByTestId('monitoring-table').getByRole('link', { name: NAME }).click();
  await expect(page.getByTestId('monitoring-firm-name')).toHaveText(NAME);
  await expect(page.getByTestId('curve-output').locator('canvas')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('curve-electricity').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('monitoring-figures')).toContainText('700.00');
  await shot(page, 'monitoring-02-firm-zh-1440');
  await signOut(page);

  // The firm's service team finds the 督办 task 走访核实 with its 来源.
  await signIn(page, 'stainless.team');
  await page.goto('/tasks/unit');
  await searchTasks(page, '走访核实');
  await expect(page.getByTestId('tasks-table')).toContainText(NAME);
  await page
    .getByTestId('tasks-table')
    .getByRole('link', { name: new RegExp(NAME) })
    .first()
    .click();
  await expect(page.getByTestId('task-source')).toHaveText(`运行监测 ${lastClosedMonth().slice(0, 4)}年${Number(lastClosedMonth().slice(5))}月 ${NAME}`);
  await shot(page, 'monitoring-03-task-zh-1440');
  await page.getByTestId('task-source').click();
  await expect(page.getByTestId('monitoring-firm-name')).toHaveText(NAME);

  // On a phone.
  await page.setViewportSize(PHONE);
  await page.goto('/monitoring');
  await expect(page.getByTestId('monitoring-table')).toContainText(NAME);
  await shot(page, 'monitoring-04-list-zh-390');
  await page.getByTestId('monitoring-table').getByRole('link', { name: NAME }).click();
  await expect(page.getByTestId('curve-taxes').locator('canvas')).toBeVisible({ timeout: 30_000 });
  await shot(page, 'monitoring-05-firm-zh-390');

  // In English, desktop and phone.
  await page.setViewportSize(DESKTOP);
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('language-switch')).toHaveText(/中文/);
  await page.goto('/monitoring');
  await expect(page.getByTestId('monitoring-table')).toContainText('Declining');
  await shot(page, 'monitoring-06-list-en-1440');
  await page.getByTestId('monitoring-table').getByRole('link', { name: NAME }).click();
  await expect(page.getByTestId('curve-output').locator('canvas')).toBeVisible({ timeout: 30_000 });
  await shot(page, 'monitoring-07-firm-en-1440');
  await page.setViewportSize(PHONE);
  await page.goto('/monitoring');
  await expect(page.getByTestId('monitoring-table')).toContainText('Declining');
  await shot(page, 'monitoring-08-list-en-390');
  await page.setViewportSize(DESKTOP);
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('language-switch')).toHaveText(/English/);
});
