import ExcelJS from 'exceljs';
import type { Locale } from '../../../shared/i18n/messages';

/** One column of an exported list: its header in both languages and how to read a cell from a row. */
export interface ExportColumn<T> {
  zh: string;
  en: string;
  width?: number;
  value: (row: T) => string | number | boolean | null | undefined;
}

/** Builds an .xlsx of a list with exactly the given columns, a bold frozen header and a filter row. */
export async function exportXlsx<T>(sheetName: string, columns: ExportColumn<T>[], rows: T[], locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '工业强县';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: locale === 'en-US' ? c.en : c.zh, width: c.width ?? 18 }));
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
