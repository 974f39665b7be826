import { type Page, expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { shot, signIn, signOut } from './support';

// Each journey signs in and walks several pages; the machine is shared, so allow more than the default.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const CODE = 'E2E-001';
const NAME = '大营镇不锈钢冷轧智能化改造项目（e2e）';

/** The last closed month of today in the county, as the server counts it. */
function lastClosedMonth(): string {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
const ahead = (months: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + months, 15);
  return d.toISOString().slice(0, 10);
};

async function filledTemplate(page: Page): Promise<Buffer> {
  const res = await page.request.get('/api/projects/template.xlsx');
  expect(res.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  // A 三大改造 project of 大营镇 still in its preliminary stage: its approvals are open milestones of the departments.
  sheet.getRow(3).values = [
    CODE,
    NAME,
    '三大改造项目库',
    '智能化改造、技术改造',
    '',
    '不锈钢产业服务组',
    '大营镇',
    '前期',
    12000,
    3600,
    ahead(2),
    ahead(14),
    ahead(16),
    '李县长',
    '大营镇',
    '孙站长',
    '',
    '新建冷轧智能化生产线 2 条',
    '大营镇工业园',
  ];
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Finds the imported project in the library by its code and opens it. */
async function openProject(page: Page) {
  await page.goto('/projects');
  const filters = page.getByTestId('project-filters');
  await filters.getByPlaceholder(/项目名称或编号|Project name or code/).fill(CODE);
  await filters.getByRole('button', { name: /查\s*询|Search/ }).click();
  await page.getByRole('link', { name: NAME }).click();
  await expect(page.getByTestId('project-title')).toHaveText(NAME);
}

test('the office imports a project into the library and sees it among the demo projects', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'office');
  await page.goto('/projects');
  await expect(page.getByTestId('projects-table')).toContainText('BF', { timeout: 60_000 });
  // The file's journeys run in order and a retry runs them all again: the project may be in from the first attempt.
  const imported = (await (await page.request.get(`/api/projects?q=${CODE}`)).json()).total > 0;
  if (!imported) {
    await page.getByTestId('import-projects').click();
    await expect(page.getByTestId('import-template')).toBeVisible();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'projects.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await filledTemplate(page),
    });
    // The dialog closes once the file is in (its toast is too brief to wait for on a busy machine).
    await expect(page.getByTestId('import-upload')).toHaveCount(0, { timeout: 30_000 });
  }
  await page.getByTestId('project-filters').getByPlaceholder('项目名称或编号').fill(CODE);
  await page
    .getByTestId('project-filters')
    .getByRole('button', { name: /查\s*询/ })
    .click();
  await expect(page.getByTestId('projects-table')).toContainText(NAME);
  await page
    .getByTestId('project-filters')
    .getByRole('button', { name: /重\s*置/ })
    .click();
  await expect(page.getByTestId('projects-table')).toContainText('BF');
  await shot(page, '80-projects-list-zh-1440');
  await openProject(page);
  await expect(page.getByTestId('project-milestones')).toContainText('自然资源局');
  await signOut(page);
});

test('a township reports a month’s investment for its own project', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'daying');
  await openProject(page);
  const month = lastClosedMonth();
  await page.getByTestId(`report-${month}`).click();
  await page.getByTestId('investment-wan').fill('280');
  await page.getByTestId('investment-text').fill('完成场地平整和设备基础施工');
  await page.locator('#investment-save').click();
  const row = page.getByTestId('project-investments').getByRole('row', { name: new RegExp(month) });
  await expect(row).toContainText('280');
  await expect(row).toContainText('已填报');
  await shot(page, '81-project-township-zh-1440');
  await signOut(page);
});

test('a department meets its milestone; an overdue one is shown as the engine keeps it', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'gxj');
  await openProject(page);
  // 开工 (the 7th milestone) belongs to 工信局; the approvals belong to other departments, so no button there.
  await expect(page.getByTestId('milestone-record-1')).toHaveCount(0);
  await page.getByTestId('milestone-record-7').click();
  const met = page.getByTestId('milestone-met-date');
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await met.fill(today);
  // Enter would submit the form at once: write the note instead, which closes the picker and keeps the date.
  await page.getByLabel('说明').fill('已取得施工许可，举行开工仪式');
  await page.locator('#milestone-save').click();
  const row = page.getByTestId('project-milestones').getByRole('row', { name: /开工/ });
  await expect(row).toContainText(today);
  await expect(row).toContainText('按期完成');
  await expect(row).toContainText('已办结');
  await signOut(page);

  // The demo has overdue milestones: the office sees them on the projects, and their tasks overdue in the engine.
  await signIn(page, 'office');
  await page.goto('/projects');
  await page.getByTestId('filter-colour').click();
  await page.locator('.ant-select-item-option', { hasText: '红灯' }).click();
  await page
    .getByTestId('project-filters')
    .getByRole('button', { name: /查\s*询/ })
    .click();
  await expect(page.getByTestId('projects-table').getByTestId('colour-red').first()).toBeVisible();
  const overdueRow = page
    .getByTestId('projects-table')
    .locator('tbody tr')
    .filter({ has: page.locator('.ant-tag-error') })
    .first();
  await overdueRow.getByRole('link').first().click();
  const overdue = page
    .getByTestId('project-milestones')
    .getByRole('row', { name: /已逾期/ })
    .first();
  await expect(overdue).toBeVisible();
  await shot(page, '82-project-overdue-zh-1440');
  await overdue.getByRole('link').click();
  await expect(page.getByTestId('task-title')).toBeVisible();
  await shot(page, '83-milestone-task-zh-1440');
  await signOut(page);
});

test('the leader’s board, Gantt and leaders’ view show the colours, in Chinese and English, desktop and phone', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'leader');
  await page.goto('/projects/board');
  const board = page.locator('main');
  // The first read of the whole board can take a while on a machine busy with other work.
  for (const colour of ['红灯', '黄灯', '绿灯']) await expect(board.getByText(colour, { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  await shot(page, '84-board-zh-1440');
  await page.goto('/projects/gantt');
  await expect(page.getByTestId('gantt-chart')).toBeVisible();
  await shot(page, '85-gantt-zh-1440');
  await page.goto('/projects/leaders');
  await expect(page.getByTestId('project-leaders')).toContainText('李县长');
  await shot(page, '86-leaders-zh-1440');
  await openProject(page);
  await expect(page.getByTestId('investment-curve')).toBeVisible();
  await shot(page, '87-project-zh-1440');

  await page.setViewportSize(PHONE);
  await page.goto('/projects/leaders');
  await expect(page.getByTestId('project-leaders')).toContainText('李县长');
  await shot(page, '88-leaders-zh-390');
  await page.goto('/projects/board');
  await expect(board.getByText('红灯', { exact: true }).first()).toBeVisible();
  await shot(page, '89-board-zh-390');

  await page.getByTestId('language-switch').click();
  await expect(page.getByText('Battle map').first()).toBeVisible();
  await shot(page, '90-board-en-390');
  await page.goto('/projects');
  await shot(page, '91-list-en-390');
  await page.setViewportSize(DESKTOP);
  await page.goto('/projects/board');
  await shot(page, '92-board-en-1440');
  await page.goto('/projects');
  await shot(page, '93-list-en-1440');
  await openProject(page);
  await expect(page.getByTestId('investment-curve')).toBeVisible();
  await shot(page, '94-project-en-1440');
  await page.goto('/projects/gantt');
  await shot(page, '95-gantt-en-1440');
  await page.getByTestId('language-switch').click();
  await expect(page.getByText('挂图作战').first()).toBeVisible();
  await signOut(page);
});
