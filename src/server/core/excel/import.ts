import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { type Locale, isMessageKey, translate } from '../../../shared/i18n/messages';
import type { Db, Trx } from '../db/database';

/** One column of an import template. Cells of a coded column hold the label (either language) or the code itself. */
export interface ImportColumn {
  key: string;
  zh: string;
  en: string;
  width?: number;
  required?: boolean;
  notes?: { zh: string; en: string };
  codes?: { value: string; zh: string; en: string }[];
  /** Numbers arrive as numbers, yes/no columns as booleans; everything else as trimmed text. */
  type?: 'text' | 'number' | 'boolean';
}

/** An import: the sheet, its columns and the zod schema every row must satisfy. */
export interface ImportSpec<R> {
  sheet: { zh: string; en: string };
  columns: ImportColumn[];
  row: z.ZodType<R>;
}

export interface ImportProblem {
  /** The spreadsheet row number, as Excel shows it. */
  row: number;
  /** The column's label in the user's language, or empty for a whole-row problem. */
  column: string;
  message: string;
}

export interface ParsedRow<R> {
  row: number;
  values: R;
}

const HEADER_ROW = 1;
const NOTES_ROW = 2;
const FIRST_DATA_ROW = 3;
const YES = new Set(['是', 'yes', 'y', 'true', '1']);
const NO = new Set(['否', 'no', 'n', 'false', '0']);

const label = (c: ImportColumn, locale: Locale) => (locale === 'en-US' ? c.en : c.zh);

/** The template: headers (required ones starred), a notes row, and drop-down lists for coded and yes/no columns. */
export async function importTemplate<R>(spec: ImportSpec<R>, locale: Locale): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(locale === 'en-US' ? spec.sheet.en : spec.sheet.zh, { views: [{ state: 'frozen', ySplit: NOTES_ROW }] });
  const lists = book.addWorksheet('codes', { state: 'veryHidden' });
  sheet.columns = spec.columns.map((c) => ({ header: `${label(c, locale)}${c.required ? '*' : ''}`, width: c.width ?? 16 }));
  sheet.getRow(HEADER_ROW).font = { bold: true };
  sheet.getRow(HEADER_ROW).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F4' } };
  const notes = sheet.getRow(NOTES_ROW);
  spec.columns.forEach((c, i) => {
    notes.getCell(i + 1).value = c.notes ? (locale === 'en-US' ? c.notes.en : c.notes.zh) : '';
  });
  notes.font = { italic: true, color: { argb: 'FF8C8C8C' } };
  notes.alignment = { wrapText: true, vertical: 'top' };
  let listColumn = 0;
  spec.columns.forEach((c, i) => {
    const options =
      c.codes?.map((o) => (locale === 'en-US' ? o.en : o.zh)) ?? (c.type === 'boolean' ? (locale === 'en-US' ? ['yes', 'no'] : ['是', '否']) : null);
    if (!options) return;
    listColumn += 1;
    options.forEach((option, r) => {
      lists.getCell(r + 1, listColumn).value = option;
    });
    const letter = lists.getColumn(listColumn).letter;
    const formula = `codes!$${letter}$1:$${letter}$${options.length}`;
    for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + 2000; r++) {
      sheet.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: !c.required, formulae: [formula], showErrorMessage: true };
    }
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((p) => p.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

function cellValue(column: ImportColumn, text: string): unknown {
  if (text === '') return undefined;
  if (column.codes) return column.codes.find((o) => o.zh === text || o.en.toLowerCase() === text.toLowerCase() || o.value === text)?.value ?? text;
  if (column.type === 'number') return Number.isFinite(Number(text.replace(/,/g, ''))) ? Number(text.replace(/,/g, '')) : text;
  if (column.type === 'boolean') return YES.has(text.toLowerCase()) ? true : NO.has(text.toLowerCase()) ? false : text;
  return text;
}

/** Thrown when the file is not this import's template (wrong sheet layout, renamed or missing headers). */
export class TemplateMismatch extends Error {
  constructor(readonly expected: string[]) {
    super('template mismatch');
  }
}

/** Reads an uploaded workbook: checks the headers against the template, then validates every row with the schema. */
export async function parseImport<R>(buffer: Buffer, spec: ImportSpec<R>, locale: Locale): Promise<{ rows: ParsedRow<R>[]; problems: ImportProblem[] }> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new TemplateMismatch(spec.columns.map((c) => label(c, locale)));
  }
  const sheet = book.worksheets.find((s) => s.state !== 'veryHidden' && s.state !== 'hidden');
  const headers = sheet ? spec.columns.map((_, i) => cellText(sheet.getRow(HEADER_ROW).getCell(i + 1)).replace(/\*$/, '')) : [];
  // Either language's template is accepted, but not a mix, a reordering or a renamed column.
  const matches = (lang: Locale) => spec.columns.every((c, i) => headers[i] === label(c, lang));
  if (!sheet || !(matches('zh-CN') || matches('en-US'))) throw new TemplateMismatch(spec.columns.map((c) => label(c, locale)));

  const rows: ParsedRow<R>[] = [];
  const problems: ImportProblem[] = [];
  for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
    const texts = spec.columns.map((_, i) => cellText(sheet.getRow(r).getCell(i + 1)));
    if (texts.every((t) => t === '')) continue;
    const raw = Object.fromEntries(spec.columns.map((c, i) => [c.key, cellValue(c, texts[i])]));
    const parsed = spec.row.safeParse(raw);
    if (parsed.success) {
      rows.push({ row: r, values: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const column = spec.columns.find((c) => c.key === issue.path[0]);
      const message = isMessageKey(issue.message)
        ? translate(locale, issue.message)
        : column?.required && raw[column.key] === undefined
          ? translate(locale, 'err.required')
          : issue.message;
      problems.push({ row: r, column: column ? label(column, locale) : '', message });
    }
  }
  return { rows, problems };
}

/** The uploaded sheet with each bad cell filled red and a last column saying what is wrong with the row. */
export async function annotatedReport<R>(buffer: Buffer, spec: ImportSpec<R>, problems: ImportProblem[], locale: Locale): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = book.worksheets.find((s) => s.state !== 'veryHidden' && s.state !== 'hidden') as ExcelJS.Worksheet;
  const messageColumn = spec.columns.length + 1;
  sheet.getRow(HEADER_ROW).getCell(messageColumn).value = locale === 'en-US' ? 'Problems' : '错误说明';
  sheet.getColumn(messageColumn).width = 60;
  const byRow = new Map<number, ImportProblem[]>();
  for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  for (const [row, list] of byRow) {
    for (const p of list) {
      const index = spec.columns.findIndex((c) => label(c, locale) === p.column);
      if (index >= 0) sheet.getRow(row).getCell(index + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFCCC7' } };
    }
    const cell = sheet.getRow(row).getCell(messageColumn);
    cell.value = list.map((p) => (p.column ? `${p.column}：${p.message}` : p.message)).join('；');
    cell.font = { color: { argb: 'FFCF1322' } };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export type ImportOutcome = { ok: true; imported: number } | { ok: false; problems: ImportProblem[]; report: Buffer };

/** Rolls an import's transaction back once a problem is found after parsing. */
class RowsRejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('rows rejected');
  }
}

interface ImportSteps<R, T> {
  /** Resolves names to ids and checks what the schema cannot (uniqueness, lookups), inside the transaction. */
  check(trx: Trx, rows: ParsedRow<R>[]): Promise<{ resolved: T[]; problems: ImportProblem[] }>;
  /** Writes every resolved row (and the audit row); any throw leaves nothing behind. */
  write(trx: Trx, resolved: T[]): Promise<void>;
}

/**
 * The one import procedure: parse and validate every row, then check and write all of them in one transaction, or
 * nothing; a refused file comes back with its problems and the uploaded sheet annotated.
 */
export async function importAllOrNothing<R, T>(db: Db, buffer: Buffer, spec: ImportSpec<R>, locale: Locale, steps: ImportSteps<R, T>): Promise<ImportOutcome> {
  const { rows, problems } = await parseImport(buffer, spec, locale);
  if (rows.length === 0 && problems.length === 0)
    return { ok: false, problems: [{ row: 0, column: '', message: translate(locale, 'err.import.empty') }], report: buffer };
  try {
    const imported = await db.transaction().execute(async (trx) => {
      const { resolved, problems: more } = await steps.check(trx, rows);
      const all = [...problems, ...more].sort((a, b) => a.row - b.row);
      if (all.length) throw new RowsRejected(all);
      await steps.write(trx, resolved);
      return resolved.length;
    });
    return { ok: true, imported };
  } catch (err) {
    if (!(err instanceof RowsRejected)) throw err;
    return { ok: false, problems: err.problems, report: await annotatedReport(buffer, spec, err.problems, locale) };
  }
}
