import { type Page, expect as baseExpect, test } from '@playwright/test';
import { usccCheckChar } from '../src/shared/rules/uscc';
import { shot, signIn, signOut } from './support';

// The enterprise-services pieces around a request: a firm's own registration (confirmed by its township), a
// correction of its profile, a file on its request seen by the handling unit, and a request lifted to a 调度会 whose
// decision the meeting shows. One test per capability; they share the request of the third.
test.describe.configure({ mode: 'serial', timeout: 600_000 });

const expect = baseExpect.configure({ timeout: 45_000 });
// A step that cannot happen fails in a minute rather than at the test's timeout.
test.use({ actionTimeout: 60_000 });

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const stamp = Date.now().toString().slice(-6);
const FIRM = `宝丰县恒泰新材料有限公司${stamp}`;
const USCC = (() => {
  const body = `91410421MA${stamp}X`.slice(0, 17);
  return body + usccCheckChar(body);
})();
const USERNAME = `hengtai${stamp}`;
const PASSWORD = 'Hengtai@2026';
const ADDRESS = `宝丰县杨庄镇工业园区纬二路 8 号（e2e ${stamp}）`;
const TITLE = `石墨化炉用电增容（e2e ${stamp}）`;
const DECISION = `由县发改委牵头研究石墨化用电价格支持政策（e2e ${stamp}）`;
let requestId = '';

/** Toggles the language with the switch in the header or on the public card, and waits for it to take. */
async function toggleLanguage(page: Page, to: 'en' | 'zh') {
  await page.getByTestId('language-switch').first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', to === 'en' ? 'en-US' : 'zh-CN');
}

/** Shoots a page at 1440 and 390 px under a name. */
async function shootBoth(page: Page, name: string, ready: () => Promise<void>) {
  await page.setViewportSize(DESKTOP);
  await ready();
  await shot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await ready();
  await shot(page, `${name}-phone`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits 390 px`).toBeLessThanOrEqual(PHONE.width);
}

test('a visitor registers a firm on a phone; the township confirms it; the new account signs in', async ({ browser, page }) => {
  // A browser set to English opens the public page in English, without toggling.
  const english = await browser.newContext({ locale: 'en-US', viewport: PHONE });
  const visitor = await english.newPage();
  await visitor.goto('/register');
  await expect(visitor.getByTestId('register-card')).toContainText('Register an enterprise');
  await shot(visitor, 'registration-01-register-en-phone');
  await visitor.setViewportSize(DESKTOP);
  await shot(visitor, 'registration-02-register-en-desktop');
  await visitor.goto('/login');
  await expect(visitor.getByRole('button', { name: /Sign in/i })).toBeVisible();
  await english.close();

  // The visitor's phone in Chinese: the form refuses a wrong check character, then goes through.
  await page.setViewportSize(PHONE);
  await page.goto('/login');
  await page.getByTestId('login-link-enterpriseRegister').click();
  await expect(page.getByTestId('register-card')).toContainText('企业注册');
  await shot(page, 'registration-03-register-zh-phone');
  const form = page.getByTestId('register-form');
  await form.locator('#firmName').fill(FIRM);
  await form.locator('#uscc').fill(`${USCC.slice(0, 17)}${USCC[17] === '0' ? '1' : '0'}`);
  await form.locator('#townshipUnitId').click();
  await page.locator('.ant-select-item-option', { hasText: '杨庄镇' }).click();
  await form.locator('#contactName').fill('王恒泰');
  await form.locator('#contactPhone').fill('13837512345');
  await form.locator('#username').fill(USERNAME);
  await form.locator('#password').fill(PASSWORD);
  await form.getByRole('button', { name: '提交注册' }).click();
  await expect(form.locator('.ant-form-item-explain-error').first()).toBeVisible();
  await form.locator('#uscc').fill(USCC);
  await form.getByRole('button', { name: '提交注册' }).click();
  await expect(page.getByText('注册申请已提交，请等待乡镇确认。')).toBeVisible();
  await shot(page, 'registration-04-submitted-zh-phone');
  await page.setViewportSize(DESKTOP);
  await page.goto('/register');
  await shot(page, 'registration-05-register-zh-desktop');

  // The township reviews it (zh and en, desktop and phone) and confirms it: a new firm in its directory.
  await signIn(page, 'yangzhuang');
  await page.goto('/services/registrations');
  const row = page.getByTestId('registrations-table').locator('tbody tr', { hasText: FIRM });
  const ready = () => expect(row).toBeVisible();
  await shootBoth(page, 'registration-06-review-zh', ready);
  await toggleLanguage(page, 'en');
  await shootBoth(page, 'registration-07-review-en', ready);
  await toggleLanguage(page, 'zh');
  await page.setViewportSize(DESKTOP);
  await row.locator('[data-testid^="confirm-registration-"]').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('confirm-industry').click();
  await page.keyboard.type('C30');
  await page.locator('.ant-select-item-option').first().click();
  await dialog.locator('input#address').fill('宝丰县杨庄镇工业园区');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(row).toContainText('已开通');
  await signOut(page);

  // The new account signs in on its phone and finds its firm.
  await page.setViewportSize(PHONE);
  await signIn(page, USERNAME, PASSWORD);
  await page.goto('/portal/profile');
  await expect(page.getByTestId('my-enterprise')).toContainText(FIRM);
  await expect(page.getByTestId('my-enterprise')).toContainText(USCC);
  await shot(page, 'registration-08-new-account-profile-phone');
  await signOut(page);
});

test('the firm proposes a correction on its phone; the township accepts it; the profile shows it', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, 'wuxing');
  await page.goto('/portal/profile');
  await expect(page.getByTestId('my-enterprise')).toContainText('平顶山市五星石墨有限公司');
  // The form in Chinese, then in English (the language switch is behind the dialog: close it to toggle).
  const dialog = page.getByRole('dialog');
  const openForm = async () => {
    await page.getByTestId('propose-correction').click();
    await dialog.locator('#address').fill(ADDRESS);
    await dialog.locator('#note').fill('厂区搬迁至园区新址');
  };
  await openForm();
  await shot(page, 'registration-10-propose-zh-phone');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await toggleLanguage(page, 'en');
  await openForm();
  await shot(page, 'registration-11-propose-en-phone');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await toggleLanguage(page, 'zh');
  await openForm();
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByTestId('my-corrections')).toContainText('待确认');
  await expect(page.getByTestId('my-corrections')).toContainText(ADDRESS);
  await shot(page, 'registration-12-proposed-zh-phone');
  await signOut(page);

  await page.setViewportSize(DESKTOP);
  await signIn(page, 'yangzhuang');
  await page.goto('/services/corrections');
  const row = page.getByTestId('corrections-table').locator('tbody tr', { hasText: ADDRESS });
  const ready = () => expect(row).toBeVisible();
  await shootBoth(page, 'registration-13-corrections-zh', ready);
  await toggleLanguage(page, 'en');
  await shootBoth(page, 'registration-14-corrections-en', ready);
  await toggleLanguage(page, 'zh');
  await page.setViewportSize(DESKTOP);
  await row.locator('[data-testid^="accept-correction-"]').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(row).toContainText('已采纳');
  await signOut(page);

  await page.setViewportSize(PHONE);
  await signIn(page, 'wuxing');
  await page.goto('/portal/profile');
  await expect(page.getByTestId('my-enterprise')).toContainText(ADDRESS);
  await expect(page.getByTestId('my-corrections')).toContainText('已采纳');
  await shot(page, 'registration-15-profile-corrected-zh-phone');
  await signOut(page);
});

test('a file the firm attaches to its request is seen by the handling township', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, 'wuxing');
  await page.goto('/portal/requests');
  await page.getByTestId('submit-request').click();
  const form = page.getByRole('dialog');
  await form.getByTestId('request-category').click();
  await page.locator('.ant-select-item-option', { hasText: '一般协调' }).click();
  await form.getByTestId('request-title').fill(TITLE);
  await form.getByTestId('request-content').fill('新上石墨化炉需增容 4000 千伏安，请协调供电公司和电价支持。');
  await form.getByRole('button', { name: '提交诉求' }).click();
  await expect(page.getByTestId('request-title')).toHaveText(TITLE);
  requestId = /\/services\/requests\/(\d+)/.exec(page.url())?.[1] as string;
  expect(requestId).toBeTruthy();
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  await page.getByTestId('request-files').locator('input[type=file]').setInputFiles({ name: 'substation-photo.png', mimeType: 'image/png', buffer: png });
  // In the list of files (not only in the upload's progress line).
  await expect(page.getByTestId('request-files').locator('.ant-list-item', { hasText: 'substation-photo.png' })).toBeVisible();
  await shot(page, 'registration-20-request-file-phone');
  await signOut(page);

  await page.setViewportSize(DESKTOP);
  await signIn(page, 'yangzhuang');
  await page.goto(`/services/requests/${requestId}`);
  await expect(page.getByTestId('owner-unit')).toHaveText('杨庄镇');
  await expect(page.getByTestId('request-files').locator('.ant-list-item', { hasText: 'substation-photo.png' })).toBeVisible();
  await shot(page, 'registration-21-request-file-township');
  await signOut(page);
});

test('the township lifts the request to a 调度会; the office schedules it and records the decision, which the meeting shows', async ({ page }) => {
  expect(requestId).toBeTruthy();
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'yangzhuang');
  await page.goto(`/services/requests/${requestId}`);
  await page.getByTestId('action-lift').click();
  await page.getByRole('dialog').getByTestId('lift-text').fill('涉及石墨化用电价格政策，需县级研究');
  await page.getByRole('dialog').getByRole('button', { name: '提请调度会研究' }).click();
  await expect(page.getByTestId('request-lift')).toContainText('待列入会议');
  await signOut(page);

  await signIn(page, 'office');
  await page.goto('/');
  // A 调度会 to put it on.
  const meetingTitle = `工业经济运行调度会（e2e ${stamp}）`;
  await page.goto('/meetings');
  await page.getByTestId('create-meeting').click();
  const mform = page.getByTestId('meeting-form');
  await mform.getByLabel('会议类型').click();
  await page.locator('.ant-select-item-option', { hasText: '经济运行调度会' }).click();
  await mform.getByLabel('会议名称').fill(meetingTitle);
  await mform.getByLabel('会议日期').fill('2030-12-02');
  await mform.getByLabel('会议日期').press('Enter');
  await mform.getByLabel('召集人').fill('副县长 李某');
  await page.getByTestId('meeting-save').click();
  await expect(page.getByTestId('meeting-form')).toHaveCount(0);

  await page.goto(`/services/requests/${requestId}`);
  await page.getByTestId('action-schedule').click();
  let dialog = page.getByRole('dialog');
  await dialog.getByTestId('lift-meeting-select').click();
  await page.locator('.ant-select-item-option', { hasText: meetingTitle }).click();
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByTestId('request-lift')).toContainText('已列入会议');
  await page.getByTestId('action-decide').click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('议定事项').fill(DECISION);
  await dialog.getByLabel('牵头单位').click();
  await page.keyboard.type('发改');
  await page.locator('.ant-select-item-option', { hasText: '县发改委' }).first().click();
  await dialog.getByLabel('完成时限').fill('2030-12-31');
  await dialog.getByLabel('完成时限').press('Enter');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByTestId('request-lift')).toContainText('已作决定');
  await shot(page, 'registration-30-lift-decided');
  await page.getByTestId('lift-meeting').click();
  await expect(page.getByTestId('meeting-title')).toHaveText(meetingTitle);
  await expect(page.getByTestId('meeting-decisions')).toContainText(DECISION);
  await shot(page, 'registration-31-meeting-decision');
});
