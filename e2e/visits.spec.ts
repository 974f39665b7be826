import { type Page, expect as baseExpect, test } from '@playwright/test';
import { shot, signIn, signOut } from './support';

// A chief service officer logs a visit on the phone-width page with one problem found: the problem becomes a 督办
// task of the chosen unit and an enterprise service request (channel 走访), and the quarter's coverage moves.
test.describe.configure({ mode: 'serial', timeout: 900_000 });

const expect = baseExpect.configure({ timeout: 45_000 });

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const PROBLEM = '厂区门前道路积水，货车进出困难（e2e）';

async function pick(page: Page, field: string, typed: string, option: string) {
  await page.locator(`#${field}`).click();
  await page.keyboard.type(typed);
  await page.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 20_000 });
}

/** The officer's row of the coverage page: visited count and the first firm not yet visited. */
async function myCoverage(page: Page) {
  await page.goto('/visits/coverage');
  const row = page.getByTestId('officer-row').filter({ hasText: '郑专员' });
  await expect(row).toBeVisible();
  const visited = ((await row.getByTestId('officer-visited').textContent()) ?? '').trim();
  const firstUnvisited = (await row.getByTestId('coverage-unvisited').locator('.ant-tag').first().textContent())?.trim() ?? '';
  return { visited, firstUnvisited };
}

test('an officer logs a visit with a problem on the phone: the task and the request appear, coverage moves', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, 'stainless.team');
  const before = await myCoverage(page);
  expect(before.firstUnvisited).not.toBe('');
  await shot(page, 'visits-01-coverage-phone');

  await page.goto('/visits');
  await expect(page.getByTestId('visits-cards')).toBeVisible();
  await shot(page, 'visits-02-list-phone');
  await page.getByTestId('log-visit').click();
  await expect(page.getByTestId('visit-form')).toBeVisible();
  await pick(page, 'visit_enterpriseId', before.firstUnvisited.slice(0, 6), before.firstUnvisited);
  await page.getByTestId('visit-people').fill('总经理 张某、办公室主任');
  await page.getByTestId('visit-discussion').fill('了解四季度生产经营和订单情况，宣讲技改补助政策。');
  // The problem's text is required: an empty one is refused in the form.
  await page.getByTestId('add-problem').click();
  await page.getByTestId('visit-submit').click();
  await expect(page.getByText('必填').first()).toBeVisible();
  await page.getByTestId('problem-text-0').fill(PROBLEM);
  await pick(page, 'visit_problems_0_ownerUnitId', '交通', '县交通运输局');
  await shot(page, 'visits-03-form-phone');
  await page.getByTestId('visit-submit').click();
  await page.waitForURL(/\/visits\/\d+$/);
  const problems = page.getByTestId('visit-problems');
  await expect(problems).toContainText(PROBLEM);
  await expect(problems).toContainText('县交通运输局');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await shot(page, 'visits-04-detail-phone');
  // Its author may still edit it, not delete it: its problem is a task and a request already.
  await expect(page.getByTestId('visit-cannot-delete')).toBeVisible();
  await expect(page.getByTestId('visit-delete')).toHaveCount(0);
  await page.getByTestId('visit-edit').click();
  await page.getByTestId('visit-edit-people').fill('总经理 张某、生产副总 刘某');
  await shot(page, 'visits-04b-edit-phone');
  await page.getByTestId('visit-edit-save').click();
  await expect(page.getByTestId('visit-detail')).toContainText('生产副总 刘某');

  // The service request, received by the officer's team through 走访.
  await problems.getByTestId('problem-request').click();
  await page.waitForURL(/\/services\/requests\/\d+$/);
  await expect(page.getByText(PROBLEM).first()).toBeVisible();
  await expect(page.getByText('走访').first()).toBeVisible();
  await page.goBack();
  // The 督办 task of 县交通运输局, whose source reads 走访 <date> <firm>.
  await page.getByTestId('visit-problems').getByTestId('problem-task').click();
  await page.waitForURL(/\/tasks\/\d+$/);
  await expect(page.getByTestId('task-source')).toContainText(`走访 `);
  await expect(page.getByTestId('task-source')).toContainText(before.firstUnvisited);
  await shot(page, 'visits-05-task-phone');

  // Coverage moved: one more firm visited, and it is no longer listed as unvisited.
  const after = await myCoverage(page);
  const [v0, n0] = before.visited.split('/').map((s) => Number(s.trim()));
  expect(after.visited).toBe(`${(v0 as number) + 1} / ${n0}`);
  await expect(page.getByTestId('officer-row').filter({ hasText: '郑专员' })).not.toContainText(before.firstUnvisited);
  await shot(page, 'visits-06-coverage-after-phone');
  await signOut(page);

  // The office's desktop pages, in Chinese then English, at 1440 and 390 px.
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'office');
  await page.goto('/');
  for (const lang of ['zh', 'en'] as const) {
    await page.setViewportSize(DESKTOP);
    if (lang === 'en') {
      await page.getByTestId('language-switch').click();
      await expect(page.getByTestId('language-switch')).toHaveText(/中文/);
    }
    await page.goto('/visits');
    await expect(page.getByTestId('visits-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
    await shot(page, `visits-10-list-${lang}`);
    await page.goto('/visits/coverage');
    await expect(page.getByTestId('coverage-teams')).toBeVisible();
    await shot(page, `visits-11-coverage-${lang}`);
    await page.goto('/visits/assignments');
    await expect(page.getByTestId('assignments-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
    await shot(page, `visits-12-assignments-${lang}`);
    await page.goto('/visits/exchanges');
    await expect(page.getByTestId('exchanges-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
    await shot(page, `visits-13-exchanges-${lang}`);
    await page.setViewportSize(PHONE);
    await page.goto('/visits/coverage');
    await expect(page.getByTestId('coverage-teams')).toBeVisible();
    await shot(page, `visits-14-coverage-${lang}-phone`);
    await page.goto('/visits');
    await expect(page.getByTestId('visits-cards')).toBeVisible();
    await shot(page, `visits-15-list-${lang}-phone`);
  }
  await page.setViewportSize(DESKTOP);
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('language-switch')).toHaveText(/English/);
});
