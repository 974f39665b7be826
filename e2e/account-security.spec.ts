import { expect, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { DEMO_PASSWORD, shot, signIn, signOut } from './support';

// 统计局 (tjj) is used by no other journey, so its second factor does not get in anyone's way.
test('an official turns on two-factor sign-in, signs in with a recovery code, and turns it off again', async ({ page }) => {
  await signIn(page, 'tjj');
  await page.goto('/');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /账号安全/ }).dispatchEvent('click');
  await expect(page.getByTestId('mfa-status')).toHaveText('未开启');
  await shot(page, '60-account-security-off');

  await page.getByTestId('mfa-enrol-button').click();
  await page.getByTestId('mfa-generate').click();
  const secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await shot(page, '61-mfa-enrol-qr');
  const phone = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  await page.getByTestId('mfa-enable-form').getByRole('textbox').fill(phone.generate());
  await page
    .getByTestId('mfa-enable-form')
    .getByRole('button', { name: /确认绑定/ })
    .click();
  const codes = page.getByTestId('mfa-recovery-codes');
  await expect(codes).toBeVisible();
  const recoveryCode = ((await codes.locator('code').first().textContent()) ?? '').trim();
  expect(recoveryCode).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  await shot(page, '62-mfa-recovery-codes');
  await page.getByTestId('mfa-recovery-done').click();
  await expect(page.getByTestId('mfa-status')).toHaveText('已开启');
  await signOut(page);

  // The password alone now leads to the second step; the phone is "lost", so a recovery code signs in.
  await page.goto('/login');
  await page.getByPlaceholder('用户名').fill('tjj');
  await page.getByPlaceholder('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('mfa-card')).toBeVisible();
  await shot(page, '63-mfa-verify');
  await page.getByTestId('mfa-toggle-recovery').click();
  await page.getByTestId('mfa-verify-form').getByRole('textbox').fill(recoveryCode);
  await page
    .getByTestId('mfa-verify-form')
    .getByRole('button', { name: /验证并登录/ })
    .click();
  await page.waitForURL((url) => url.pathname !== '/mfa');

  await page.goto('/account/security');
  await expect(page.getByText('剩余恢复码')).toBeVisible();
  await page.getByRole('button', { name: '关闭双因素认证' }).click();
  await page.getByRole('dialog').getByLabel('当前密码').fill(DEMO_PASSWORD);
  await page.getByRole('dialog').getByRole('button', { name: '关闭双因素认证' }).click();
  await expect(page.getByTestId('mfa-status')).toHaveText('未开启');
  await signOut(page);
});
