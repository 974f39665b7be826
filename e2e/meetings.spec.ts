import { expect, test } from '@playwright/test';
import { shot, signIn, signOut } from './support';

test.describe.configure({ mode: 'serial' });

const TITLE = '工业经济运行调度会（e2e）';
// Decisions go to units no other journey counts the notices of (大营镇's inbox is checked in tasks.spec).

test('the office records a dispatch meeting with two decisions and sees the two tasks', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/meetings');
  await page.getByTestId('create-meeting').click();
  const form = page.getByTestId('meeting-form');
  await form.getByLabel('会议类型').click();
  await page.locator('.ant-select-item-option', { hasText: '经济运行调度会' }).click();
  await form.getByLabel('会议名称').fill(TITLE);
  await form.getByLabel('会议日期').fill('2030-12-02');
  await form.getByLabel('会议日期').press('Enter');
  await form.getByLabel('召集人').fill('副县长 李某');
  await form.getByLabel('会议纪要').fill('会议研究了工业投资和技改投资落后问题。');
  for (const [i, [text, unit]] of [
    ['张八桥镇加快两个技改项目设备安装', '张八桥镇'],
    ['城关镇核实新增入统企业', '城关镇'],
  ].entries()) {
    await page.getByTestId('add-decision').click();
    const row = page.getByTestId(`decision-${i}`);
    await row.getByLabel(`议定事项 ${i + 1}`).fill(text);
    await row.getByLabel('责任单位').click();
    await page.keyboard.type(unit);
    await page.keyboard.press('Enter');
    await row.getByLabel('完成时限').fill('2030-12-31');
    await row.getByLabel('完成时限').press('Enter');
  }
  await shot(page, '70-meeting-form');
  await page.getByTestId('meeting-save').click();
  await expect(page.getByTestId('meeting-title')).toHaveText(TITLE);
  const decisions = page.getByTestId('meeting-decisions');
  await expect(decisions).toContainText('张八桥镇加快两个技改项目设备安装');
  await expect(decisions).toContainText('城关镇核实新增入统企业');
  await expect(decisions.getByRole('link')).toHaveCount(2);
  await shot(page, '71-meeting-decisions');

  // Later the office completes the minutes and adds a third decision, which becomes a third task.
  await page.getByTestId('edit-meeting').click();
  const edit = page.getByTestId('meeting-form');
  await edit.getByLabel('会议纪要').fill('会议研究了工业投资和技改投资落后问题，要求各乡镇倒排工期。');
  await page.getByTestId('add-decision').click();
  const third = page.getByTestId('decision-0');
  await third.getByLabel('议定事项 3').fill('张八桥镇报送技改项目倒排工期表');
  await third.getByLabel('责任单位').click();
  await page.keyboard.type('张八桥镇');
  await page.keyboard.press('Enter');
  await third.getByLabel('完成时限').fill('2030-12-20');
  await third.getByLabel('完成时限').press('Enter');
  await shot(page, '72-meeting-edit');
  await page.getByTestId('meeting-save').click();
  await expect(page.getByTestId('meeting-minutes-text')).toContainText('倒排工期');
  await expect(decisions.getByRole('link')).toHaveCount(3);
  await expect(decisions).toContainText('张八桥镇报送技改项目倒排工期表');

  await decisions.getByRole('link').first().click();
  await expect(page.getByTestId('task-title')).toContainText('张八桥镇加快两个技改项目设备安装');
  // The home page lists the meetings ahead.
  await page.goto('/');
  await expect(page.getByTestId('upcoming-meetings')).toContainText(TITLE);
  await shot(page, '74-home-upcoming-meetings');
  await signOut(page);
});

test('the office sets a service-team meeting on the 3rd working day and sees when it next meets', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/meetings');
  await page.getByTestId('meeting-schedules').click();
  // The demo county holds its 月例会 on the 10th working day.
  const table = page.getByTestId('schedules-table');
  await expect(table.getByRole('row', { name: /工业强县月例会/ })).toContainText('每月第 10 个工作日');
  await page.getByTestId('create-schedule').click();
  const form = page.getByTestId('schedule-form');
  await form.getByLabel('会议类型').click();
  await page.locator('.ant-select-item-option', { hasText: '专班会议' }).click();
  await form.getByLabel('会议名称（不含年月）').fill('不锈钢产业链专班例会');
  await form.getByLabel('召集人').fill('县工信局');
  await form.getByLabel('地点').fill('县工信局二楼会议室');
  await page.getByTestId('schedule-working-day').fill('3');
  await page.getByTestId('schedule-save').click();
  const row = table.getByRole('row', { name: /不锈钢产业链专班例会/ });
  await expect(row).toContainText('每月第 3 个工作日');
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2}/);
  await expect(row).toContainText('启用');
  await shot(page, '73-meeting-schedules');
  await page.goto('/');
  await signOut(page);
});
