import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { usccCheckChar } from '../../shared/rules/uscc';
import { ENTERPRISE_IMPORT } from '../core/enterprises/enterprises.import';

const TOWNSHIPS = ['大营镇', '城关镇', '周庄镇', '杨庄镇', '石桥镇', '张八桥镇'];

/** A valid 18-character credit code, distinct for every `n`. */
export function benchUscc(n: number): string {
  const body = `91410421MA${String(n).padStart(7, '0')}`;
  return body + usccCheckChar(body);
}

/**
 * A filled enterprise template of `n` firms, written with exceljs's streaming writer (seconds, not minutes, for
 * 200,000 rows): the template's headers and notes, then one firm a row. Codes start at `first`; `badAt` puts an
 * unknown township on that row (0-based).
 */
export async function bigEnterpriseWorkbook(n: number, opts: { first?: number; badAt?: number } = {}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const sheet = book.addWorksheet(ENTERPRISE_IMPORT.sheet.zh);
  sheet.addRow(ENTERPRISE_IMPORT.columns.map((c) => `${c.zh}${c.required ? '*' : ''}`)).commit();
  sheet.addRow(ENTERPRISE_IMPORT.columns.map((c) => c.notes?.zh ?? '')).commit();
  const first = opts.first ?? 1;
  for (let i = 0; i < n; i++) {
    sheet
      .addRow([
        `宝丰县基准测试第${first + i}号有限公司`,
        benchUscc(first + i),
        i === opts.badAt ? '不存在镇' : TOWNSHIPS[i % TOWNSHIPS.length],
        '工业园区',
        'C33 金属制品业',
        i % 2 ? '是' : '否',
        '否',
        '',
        '',
        '无',
        50 + (i % 300),
        '不锈钢产业链服务专班',
        '联系人',
        '13800000000',
      ])
      .commit();
  }
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}
