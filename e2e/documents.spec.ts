import { type Page, expect, test } from '@playwright/test';
import { shot, signIn, signOut } from './support';

test.describe.configure({ mode: 'serial' });
// Charts are captured finished rather than mid-animation.
test.use({ reducedMotion: 'reduce' });

// Documents are numbered by the year they are issued in: today's, while the demo data is of 2021.
const year = new Date().getFullYear();

/**
 * The number the next document of a kind is given this year: the demo has issued last month's brief and letters
 * (numbered in the year they were issued in), so this year's numbers may have begun.
 */
async function nextNumber(page: Page, docType: string, prefix: string) {
  const res = await page.request.get(`/api/documents?docType=${docType}&status=issued&pageSize=100`);
  const items = (await res.json()).items as { number: string | null }[];
  return `${prefix}〔${year}〕${items.filter((d) => d.number?.includes(`〔${year}〕`)).length + 1}号`;
}

/** Picks a locked month in the draft dialog's month picker. */
async function pickMonth(page: Page, month: string) {
  await page.getByTestId('draft-month').click();
  await page.keyboard.type(month);
  await page.locator('.ant-select-item-option', { hasText: month }).click();
}

/** Issues the open draft through its confirmation, on the issue date it offers (today). */
async function issue(page: Page) {
  await page.getByTestId('issue-document').click();
  await expect(page.getByTestId('issue-date')).toBeVisible();
  await page
    .getByRole('button', { name: /^印\s*发$/ })
    .last()
    .click();
}

test('the office drafts the brief of a locked month, edits its narrative and issues it with a number', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/documents');
  await expect(page.getByRole('heading', { name: '公文管理' })).toBeVisible();
  await page.getByTestId('draft-brief').click();
  // The picker offers locked months only, the last one first; 2021 is the source document's history year.
  await expect(page.getByTestId('draft-month')).toContainText(`${year}-`);
  await pickMonth(page, '2021-09');
  await page.getByTestId('draft-ok').click();
  await expect(page.getByTestId('document-title')).toHaveText('2021年9月工业强县主要指标运行情况');
  await expect(page.getByTestId('document-number')).toHaveText('印发时编号');
  const body = page.getByTestId('document-body');
  await expect(body).toContainText('本月亮红灯的单位');
  // Figure 1 as the .docx will carry it, drawn in the page by the same chart option.
  const chart = page.getByTestId('document-chart');
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(chart).toContainText('图1 2021年9月全县主要指标完成率与序时进度');
  const narrative = body.locator('textarea').first();
  await narrative.fill('9月份，全县工业经济运行总体平稳，工业投资和技改投资仍是短板。');
  await page.getByTestId('save-draft').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await shot(page, '60-brief-draft');

  const briefNumber = await nextNumber(page, 'brief', '宝工强简');
  await page.getByTestId('issue-document').click();
  await expect(page.locator('.ant-modal-confirm-title', { hasText: '确认印发' })).toBeVisible();
  await expect(page.locator('.ant-modal-confirm')).toContainText('文号的年份取自印发日期');
  await shot(page, '60a-issue-dialog');
  await page
    .getByRole('button', { name: /^印\s*发$/ })
    .last()
    .click();
  await expect(page.getByTestId('document-number')).toHaveText(briefNumber);
  await expect(body).toContainText('9月份，全县工业经济运行总体平稳');
  await expect(page.getByTestId('download-docx')).toBeVisible();
  await expect(page.getByTestId('issue-document')).toHaveCount(0);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-docx').click()]);
  expect(file.suggestedFilename()).toContain(briefNumber);
  await shot(page, '61-brief-issued');
});

test('the office drafts the letters of the month and issues one; its 督办 task is linked', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/documents');
  await page.getByTestId('draft-letters').click();
  await pickMonth(page, '2021-09');
  // Every red unit of the month is ticked; the office leaves one out.
  const units = page.getByTestId('letter-units');
  await expect(units.getByRole('checkbox', { name: '大营镇' })).toBeChecked();
  const ticked = await units.getByRole('checkbox', { checked: true }).count();
  await units
    .getByRole('checkbox', { checked: true })
    .filter({ hasNot: page.getByText('大营镇') })
    .first()
    .uncheck();
  await expect(units.getByRole('checkbox', { checked: true })).toHaveCount(ticked - 1);
  await shot(page, '62a-letters-dialog');
  await page.getByTestId('draft-ok').click();
  await expect(page.getByText(new RegExp(`已生成 ${ticked - 1} 份提醒函草稿：.*大营镇`))).toBeVisible();
  const table = page.getByTestId('documents-table');
  await expect(table).toContainText('提醒函');
  await shot(page, '62-letters-drafted');
  await table.locator('a', { hasText: '大营镇' }).click();
  await expect(page.getByTestId('document-title')).toHaveText('关于大营镇2021年9月指标落后的提醒函');
  await expect(page.getByTestId('document-body')).toContainText('5个工作日内');
  const letterNumber = await nextNumber(page, 'letter', '宝工强函');
  await issue(page);
  await expect(page.getByTestId('document-number')).toHaveText(letterNumber);
  await expect(page.getByTestId('document-task')).toBeVisible();
  await shot(page, '63-letter-issued');
  await page.getByTestId('document-task').click();
  await expect(page.getByTestId('task-title')).toContainText('大营镇');
  await page.goto('/');
  await signOut(page);
});

test('the office drafts and issues the notice of the units red two months running', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/documents');
  await page.getByTestId('draft-notice').click();
  await pickMonth(page, '2021-09');
  await page.getByTestId('draft-ok').click();
  await expect(page.getByTestId('document-title')).toHaveText('关于2021年9月工业强县主要指标连续落后单位的通报');
  await expect(page.getByTestId('document-body')).toContainText('连续红灯单位及指标');
  await issue(page);
  await expect(page.getByTestId('document-number')).toHaveText(`宝工强办〔${year}〕1号`);
  await shot(page, '65-notice-issued');
  // The templates are data the office edits.
  await page.goto('/documents');
  await page.getByTestId('edit-templates').click();
  const templateForm = page.getByTestId('template-form');
  await expect(templateForm.getByLabel('发文机关标志（红头）')).toHaveValue('工业强县工作简报');
  await page.getByText('通报', { exact: true }).last().click();
  await expect(templateForm.getByLabel('发文机关标志（红头）')).toHaveValue('宝丰县工业强县工作领导小组办公室文件');
  await expect(templateForm.getByLabel('发文机关代字')).toHaveValue('宝工强办');
  await shot(page, '66-templates');
  await page.goto('/');
  await signOut(page);
});

test('the office drafts a praise notice of the month, edits its opening and issues it next in the notices’ numbering', async ({ page }) => {
  // Draft, edit, issue and the register's filter in one journey: near the minute on a busy machine.
  test.slow();
  await signIn(page, 'office');
  await page.goto('/documents');
  await page.getByTestId('draft-notice').click();
  await page.getByTestId('draft-subject').getByText('表扬').click();
  await expect(page.getByTestId('draft-form')).toContainText('表扬各项指标均达到序时进度的单位');
  await pickMonth(page, '2021-09');
  await shot(page, '70-praise-draft-dialog');
  await page.getByTestId('draft-ok').click();
  await expect(page.getByTestId('document-title')).toHaveText('关于2021年9月工业强县主要指标先进单位的通报');
  await expect(page.getByTestId('notice-subject')).toHaveText('表扬');
  const body = page.getByTestId('document-body');
  await expect(body).toContainText('各项主要指标均达到序时进度的单位');
  await expect(body).toContainText('表1 各项主要指标前三位单位（完成率，差距）');
  await body.locator('textarea').first().fill('为激励先进、比学赶超，现将9月份主要指标先进单位通报如下。');
  await page.getByTestId('save-draft').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await shot(page, '71-praise-draft');
  await issue(page);
  await expect(page.getByTestId('document-number')).toHaveText(`宝工强办〔${year}〕2号`);
  await expect(body).toContainText('为激励先进、比学赶超');
  // The register tells the two notices apart and filters by subject.
  await page.goto('/documents');
  const table = page.getByTestId('documents-table');
  await expect(table.locator('tr', { hasText: `宝工强办〔${year}〕2号` })).toContainText('表扬');
  await expect(table.locator('tr', { hasText: `宝工强办〔${year}〕1号` })).toContainText('批评');
  await page.getByTestId('filter-subject').click();
  await page.locator('.ant-select-item-option', { hasText: '表扬' }).click();
  await page
    .getByTestId('documents-filters')
    .getByRole('button', { name: /查\s*询/ })
    .click();
  await expect(table).not.toContainText(`宝工强办〔${year}〕1号`);
  await expect(table).toContainText(`宝工强办〔${year}〕2号`);
  await shot(page, '72-register-praise');
  await page.goto('/');
  await signOut(page);
});

test('a township finds the brief and its own letter in the register, and no drafts', async ({ page }) => {
  await signIn(page, 'daying');
  await page.goto('/documents');
  const table = page.getByTestId('documents-table');
  await expect(table).toContainText('2021年9月工业强县主要指标运行情况');
  await expect(table).toContainText('关于大营镇2021年9月指标落后的提醒函');
  await expect(table).not.toContainText('草稿');
  await expect(page.getByTestId('draft-brief')).toHaveCount(0);
  await shot(page, '64-register-township');
  // The township answers the letter in its 督办 task: causes, measures, time frame.
  await table.locator('a', { hasText: '关于大营镇2021年9月指标落后的提醒函' }).click();
  await page.getByTestId('document-task').click();
  await expect(page.getByTestId('task-title')).toContainText('大营镇');
  await page.getByTestId('task-action-submit').click();
  await page.getByLabel('办理说明（可选）').fill('原因：两个技改项目设备到货推迟；措施：倒排工期、专人盯办；时限：11月底前赶上序时进度。');
  await page.locator('#task-action-confirm').click();
  await expect(page.getByTestId('task-timeline')).toContainText('待审核');
  await shot(page, '67-letter-answered-township');
  await page.goto('/');
  await signOut(page);
});

test('the office accepts the township’s answer from the letter', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/documents');
  await page.getByTestId('documents-table').locator('a', { hasText: '关于大营镇2021年9月指标落后的提醒函' }).click();
  await page.getByTestId('document-task').click();
  await expect(page.getByTestId('task-timeline')).toContainText('设备到货推迟');
  await page.getByTestId('task-action-accept').click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByTestId('task-timeline')).toContainText('待审核 → 已办结');
  await shot(page, '68-letter-answer-accepted');
});

// The recipients were notified; reading the inbox also leaves it empty for the journeys that follow on this database.
test('the township and the office find the documents in their inboxes', async ({ page }) => {
  await signIn(page, 'daying');
  await page.goto('/notifications');
  const inbox = page.getByTestId('inbox-table');
  await expect(inbox).toContainText('2021年9月工业强县主要指标运行情况');
  await expect(inbox).toContainText('关于大营镇2021年9月指标落后的提醒函');
  await shot(page, '69-inbox-township');
  await page.getByTestId('mark-all-read').click();
  await expect(page.getByTestId('unread-badge')).not.toContainText(/\d/);
  await page.goto('/');
  await signOut(page);
  await signIn(page, 'office');
  await page.goto('/notifications');
  await page.getByTestId('mark-all-read').click();
  await expect(page.getByTestId('unread-badge')).not.toContainText(/\d/);
});
