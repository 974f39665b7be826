import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { shot, signIn, signOut } from './support';

/** A screenshot of what is on screen only: a full-page one of an open dialog repeats the fixed header mid-page. */
async function screenShot(page: Page, name: string) {
  await page.screenshot({ path: path.join('test-results', 'screenshots', `${name}.png`) });
}

test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
// A small but well-formed PDF, as the office would scan the State Council's notice.
const NOTICE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const NOTICE_NAME = '国务院办公厅关于2021年部分节假日安排的通知.pdf';

test('the office reads and edits the 2021 calendar, computes deadlines and files the year’s notice', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/');
  // Everyone signed in reaches the calendar (a shortcut on the workbench, an entry under 基础数据 in the menu).
  await expect(page.getByRole('menuitem', { name: /基础数据/ })).toBeVisible();
  await page.getByRole('link', { name: /工作日历/ }).click();
  await expect(page).toHaveURL(/\/basic\/calendar/);
  await page.goto('/basic/calendar?year=2021');
  await expect(page.getByText('2021 年工作日历')).toBeVisible();
  await expect(page.getByText('全年 250 个工作日')).toBeVisible();

  // National Day 2021: 1–7 October off, Saturday 9 October a make-up working day (班).
  const oct1 = page.locator('[data-date="2021-10-01"]');
  const oct9 = page.locator('[data-date="2021-10-09"]');
  await expect(oct1).toHaveAttribute('data-kind', 'holiday');
  await expect(oct1).toContainText('休');
  await expect(oct9).toHaveAttribute('data-kind', 'workday');
  await expect(oct9).toContainText('班');
  await expect(page.getByTestId('month-10')).toContainText('17 个工作日');
  await shot(page, 'calendar-01-year-desktop');

  // Mark Monday 11 October as a county holiday, with a note and a confirmation.
  await page.locator('[data-date="2021-10-11"]').click();
  const editor = page.getByRole('dialog');
  await expect(editor).toContainText('2021-10-11');
  await editor.getByText('节假日（休息）').click();
  await editor.getByLabel('说明').fill('县庆');
  await screenShot(page, 'calendar-02-day-editor-desktop');
  await editor.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('确认调整工作日历？');
  await page
    .getByRole('button', { name: /确\s*定/ })
    .last()
    .click();
  await expect(page.locator('[data-date="2021-10-11"]')).toHaveAttribute('data-kind', 'holiday');
  await expect(page.getByTestId('month-10')).toContainText('16 个工作日');
  await expect(page.getByText('县庆').first()).toBeVisible();

  // The calculator uses the same calendar: 30 Sep + 5 working days skips the holiday week and the new county holiday.
  const calculator = page.getByTestId('calculator');
  const from = calculator.getByLabel('起始日期');
  await from.click();
  await from.fill('2021-09-30');
  await from.press('Enter');
  await calculator.getByLabel('工作日数').fill('5');
  await calculator
    .getByRole('button', { name: /计\s*算/ })
    .first()
    .click();
  await expect(page.getByTestId('calc-due')).toContainText('2021-10-14');
  await calculator
    .getByRole('button', { name: /计\s*算/ })
    .last()
    .click();
  await expect(page.getByTestId('calc-between')).toContainText('23 个工作日');

  // The year's official notice, filed as an attachment of the year.
  const panel = page.getByTestId('attachments-panel');
  await expect(panel).toContainText('暂无附件');
  await panel.locator('input[type=file]').setInputFiles({ name: NOTICE_NAME, mimeType: 'application/pdf', buffer: NOTICE_PDF });
  await expect(panel).toContainText(NOTICE_NAME);
  await expect(panel).toContainText(/\d+ B · /);
  await shot(page, 'calendar-03-attachments-desktop');

  // A file that only pretends to be a PDF is refused with the reason.
  await panel
    .locator('input[type=file]')
    .setInputFiles({ name: 'notice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
  await expect(page.getByText('文件内容不是允许的类型', { exact: false })).toBeVisible();

  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(page.locator('[data-date="2021-10-09"]')).toHaveAttribute('data-kind', 'workday');
  await shot(page, 'calendar-04-year-phone');
  await page.locator('[data-date="2021-10-08"]').click();
  await expect(page.getByRole('dialog')).toContainText('2021-10-08');
  await screenShot(page, 'calendar-05-day-editor-phone');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /取\s*消/ })
    .click();
  await page.getByTestId('attachments-panel').scrollIntoViewIfNeeded();
  await screenShot(page, 'calendar-06-attachments-phone');
  await signOut(page);
});

test('a township user reads the calendar and the notice but cannot change either', async ({ page }) => {
  await signIn(page, 'daying');
  await page.goto('/basic/calendar?year=2021');
  await expect(page.getByText('工作日历由县工业强县办公室维护', { exact: false })).toBeVisible();
  await expect(page.locator('[data-date="2021-10-11"]')).toHaveAttribute('data-kind', 'holiday');
  const panel = page.getByTestId('attachments-panel');
  await expect(panel).toContainText(NOTICE_NAME);
  await expect(panel.getByRole('button', { name: '上传文件' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: '删除' })).toHaveCount(0);
  const [sheet] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('export-button').click()]);
  expect(sheet.suggestedFilename()).toBe('附件.xlsx');

  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByText(NOTICE_NAME).click()]);
  expect(download.suggestedFilename()).toBe(NOTICE_NAME);

  await page.locator('[data-date="2021-10-01"]').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('节假日（休息）');
  await expect(dialog.getByLabel('说明')).toHaveCount(0);
  await screenShot(page, 'calendar-07-township-readonly');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();

  // The same page in English.
  await page.getByTestId('language-switch').click();
  await expect(page.getByText('Working-day calendar 2021')).toBeVisible();
  await expect(page.getByTestId('month-10')).toContainText('October');
  await shot(page, 'calendar-08-township-en');
  await page.getByTestId('language-switch').click();
  await expect(page.getByText('2021 年工作日历')).toBeVisible();
  await signOut(page);
});
