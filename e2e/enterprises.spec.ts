import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { usccCheckChar } from '../src/shared/rules/uscc';
import { shot, signIn, signOut } from './support';

test.describe.configure({ mode: 'serial' });

const code = (serial: number) => {
  const body = `91410421MA${String(serial).padStart(7, '0')}`;
  return body + usccCheckChar(body);
};
const row = (serial: number, name: string, township: string) => [
  name,
  code(serial),
  township,
  '大营镇工业园区',
  'C33 金属制品业',
  '是',
  '否',
  '',
  '',
  '无',
  86,
  '不锈钢产业链服务专班',
  '赵经理',
  '13912345678',
];

test('the office imports enterprises: a bad row is reported, fixed, and the file imported', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/enterprises');
  await expect(page.getByText('共 60 条')).toBeVisible();
  await shot(page, '40-enterprises');

  // The template as the office would download it, filled in by the test.
  const template = await page.request.get('/api/enterprises/template.xlsx');
  const fill = async (rows: (string | number)[][]) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await template.body()) as unknown as ArrayBuffer);
    rows.forEach((r, i) => {
      book.worksheets[0].getRow(3 + i).values = r;
    });
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  await page.getByTestId('enterprise-import').click();
  await expect(page.getByTestId('import-template')).toBeVisible();
  const upload = page.locator('input[type="file"]');
  await upload.setInputFiles({
    name: '企业导入.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await fill([row(7001, '宝丰县恒润不锈钢制品有限公司', '大营镇'), row(7002, '宝丰县恒达精密铸造有限公司', '大营乡')]),
  });
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('未导入任何数据');
  await expect(problems).toContainText('乡镇（街道）不存在');
  await expect(problems.locator('tbody tr').first()).toContainText('4');
  await shot(page, '41-import-errors');

  await upload.setInputFiles({
    name: '企业导入.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await fill([row(7001, '宝丰县恒润不锈钢制品有限公司', '大营镇'), row(7002, '宝丰县恒达精密铸造有限公司', '大营镇')]),
  });
  await expect(page.getByText('已导入 2 条')).toBeVisible();
  await page.getByTestId('enterprise-filters').getByPlaceholder('企业名称或信用代码').fill('恒达精密');
  await page
    .getByTestId('enterprise-filters')
    .getByRole('button', { name: /查\s*询/ })
    .click();
  await page.getByRole('link', { name: '宝丰县恒达精密铸造有限公司' }).click();
  await expect(page.getByTestId('enterprise-profile')).toContainText(code(7002));
  await expect(page.getByTestId('enterprise-contacts')).toContainText('13912345678');
  await shot(page, '42-enterprise-profile');
  await signOut(page);
});

test('a township sees only its own firms, with contacts masked, also on a phone', async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await signIn(page, 'daying');
  await page.goto('/enterprises');
  const table = page.getByTestId('enterprises-table');
  await expect(table).toContainText('宝丰县恒达精密铸造有限公司');
  await expect(table).not.toContainText('平顶山市五星石墨有限公司');
  await page.getByRole('link', { name: '宝丰县恒达精密铸造有限公司' }).click();
  await expect(page.getByTestId('enterprise-contacts')).toContainText('139****5678');
  await shot(page, '43-enterprise-profile-phone');
  await phone.close();
});
