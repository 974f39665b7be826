import ExcelJS from 'exceljs';
import type { Locale } from '../../../shared/i18n/messages';
import type { ReportSheet } from '../../../shared/modules/reports.schemas';
import { type ReportField, type ReportRow, type ReportValues, type ScalarValue, formFields } from '../../../shared/rules/report-forms';
import type { RequestContext, UserContext } from '../../core/access/context';
import type { Deps } from '../../core/deps';
import { type FieldProblem, fieldError } from '../../core/http/errors';
import { getSheet, saveDraft } from './reports.sheets';

/**
 * A report as an Excel workbook and back: one sheet of the form's single fields (code, item, unit, value), one sheet
 * per repeating table, and a hidden sheet naming the form, its version, the unit and the month. An upload must be
 * this report's template of the same version with untouched headers; anything else is refused before anything is
 * written, and the values then go through the same draft save as the browser's.
 */

const META = '_meta';
const MAIN = { zh: '报表', en: 'Report' };
const MAIN_HEADERS = { zh: ['编码', '项目', '计量单位', '填报值'], en: ['Code', 'Item', 'Unit', 'Value'] };
const YES = { zh: '是', en: 'Yes' };
const NO = { zh: '否', en: 'No' };

type Lang = 'zh' | 'en';
const langOf = (locale: Locale): Lang => (locale === 'en-US' ? 'en' : 'zh');
const labelOf = (f: { labelZh: string; labelEn: string }, lang: Lang) => (lang === 'en' ? f.labelEn || f.labelZh : f.labelZh);
const unitOf = (f: ReportField, lang: Lang) => (lang === 'en' ? f.unitEn || f.unitZh || '' : f.unitZh || '');
const columnHeader = (c: ReportField, lang: Lang) => (unitOf(c, lang) ? `${labelOf(c, lang)}（${unitOf(c, lang)}）` : labelOf(c, lang));
// Excel sheet names: at most 31 characters, none of []:*?/\ .
const tableSheetName = (f: ReportField, i: number, lang: Lang) => `${i + 1}-${labelOf(f, lang)}`.replace(/[[\]:*?/\\]/g, '').slice(0, 31);

function toCell(field: ReportField, value: ScalarValue | undefined, enterprises: Map<number, string>, lang: Lang): string | number | null {
  if (value === null || value === undefined) return null;
  if (field.type === 'choice') {
    const option = field.options?.find((o) => o.value === value);
    return option ? labelOf(option, lang) : String(value);
  }
  if (field.type === 'yesno') return value === true ? YES[lang] : value === false ? NO[lang] : null;
  if (field.type === 'enterprise') return typeof value === 'number' ? (enterprises.get(value) ?? null) : null;
  return typeof value === 'boolean' ? String(value) : value;
}

function listValidation(field: ReportField, lang: Lang, enterpriseNames: string[]): ExcelJS.DataValidation | null {
  const list =
    field.type === 'choice'
      ? (field.options ?? []).map((o) => labelOf(o, lang))
      : field.type === 'yesno'
        ? [YES[lang], NO[lang]]
        : field.type === 'enterprise'
          ? enterpriseNames
          : [];
  const formula = `"${list.map((v) => v.replace(/[",]/g, ' ')).join(',')}"`;
  // Excel limits an inline list to 255 characters; longer lists are left as free text and checked on upload.
  if (list.length === 0 || formula.length > 255) return null;
  return { type: 'list', allowBlank: true, formulae: [formula] };
}

/** The report's template, pre-filled with what is saved. */
export async function reportTemplate(
  deps: Deps,
  ctx: RequestContext,
  key: { formId: number; unitId: number; month: string },
): Promise<{ name: string; buffer: Buffer }> {
  const sheet = await getSheet(deps, ctx, key);
  const lang = langOf(ctx.locale);
  const enterprises = new Map(sheet.enterprises.map((e) => [e.id, e.name]));
  const names = sheet.enterprises.map((e) => e.name);
  const book = new ExcelJS.Workbook();
  book.creator = '工业强县';
  const main = book.addWorksheet(MAIN[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  main.columns = MAIN_HEADERS[lang].map((header, i) => ({ header, width: [16, 40, 14, 20][i] }));
  main.getRow(1).font = { bold: true };
  const values = sheet.values as ReportValues;
  const fields = formFields(sheet.definition as never);
  for (const f of fields.filter((x) => x.type !== 'table')) {
    const row = main.addRow([
      f.key,
      `${labelOf(f, lang)}${f.required ? (lang === 'en' ? ' (required)' : '（必填）') : ''}`,
      unitOf(f, lang),
      toCell(f, values[f.key] as ScalarValue, enterprises, lang),
    ]);
    const validation = listValidation(f, lang, names);
    if (validation) row.getCell(4).dataValidation = validation;
  }
  fields
    .filter((x) => x.type === 'table')
    .forEach((f, i) => {
      const columns = f.columns ?? [];
      const ws = book.addWorksheet(tableSheetName(f, i, lang), { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = columns.map((c) => ({ header: columnHeader(c, lang), width: 20 }));
      ws.getRow(1).font = { bold: true };
      const rows = Array.isArray(values[f.key]) ? (values[f.key] as ReportRow[]) : [];
      for (const r of rows) ws.addRow(columns.map((c) => toCell(c, r[c.key], enterprises, lang)));
      columns.forEach((c, j) => {
        const validation = listValidation(c, lang, names);
        if (!validation) return;
        for (let n = 2; n <= Math.max(rows.length + 1, 101); n++) ws.getCell(n, j + 1).dataValidation = validation;
      });
    });
  const meta = book.addWorksheet(META, { state: 'veryHidden' });
  meta.addRows([
    ['form', sheet.form.code],
    ['version', sheet.version],
    ['unit', sheet.unit.id],
    ['month', sheet.month],
  ]);
  const name = `${lang === 'en' ? sheet.form.nameEn : sheet.form.nameZh}-${lang === 'en' ? sheet.unit.nameEn : sheet.unit.nameZh}-${sheet.month}.xlsx`.replace(
    /["/\\]/g,
    '',
  );
  return { name, buffer: Buffer.from(await book.xlsx.writeBuffer()) };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

const refuse = (problem: FieldProblem) => fieldError({ file: problem });

/** Reads one cell into a field's value, or names the problem. */
function fromCell(field: ReportField, cell: ExcelJS.Cell, enterprises: Map<string, number>): { value: ScalarValue } | { problem: FieldProblem['key'] } {
  const text = cellText(cell);
  if (text === '') return { value: null };
  switch (field.type) {
    case 'number':
    case 'integer': {
      const n = typeof cell.value === 'number' ? cell.value : Number(text.replace(/,/g, ''));
      return Number.isFinite(n) ? { value: n } : { problem: 'err.report.not_a_number' };
    }
    case 'choice': {
      const option = field.options?.find((o) => o.value === text || o.labelZh === text || o.labelEn === text);
      return option ? { value: option.value } : { problem: 'err.report.bad_choice' };
    }
    case 'yesno':
      if (text === YES.zh || text.toLowerCase() === 'yes') return { value: true };
      if (text === NO.zh || text.toLowerCase() === 'no') return { value: false };
      return { problem: 'err.report.not_yes_no' };
    case 'enterprise': {
      const id = enterprises.get(text);
      return id ? { value: id } : { problem: 'err.report.bad_enterprise' };
    }
    default:
      return { value: text };
  }
}

/**
 * Reads an uploaded template into the report's draft. A file that is not this report's template, of another version,
 * or whose headers or item codes were changed is refused with one clear message and writes nothing; values that do
 * not read are listed per field; the rest is the ordinary draft save.
 */
export async function importReport(deps: Deps, ctx: UserContext, key: { formId: number; unitId: number; month: string }, buffer: Buffer): Promise<ReportSheet> {
  const sheet = await getSheet(deps, ctx, key);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw refuse({ key: 'err.report.not_template' });
  }
  const meta = book.getWorksheet(META);
  const metaValue = (name: string) => {
    if (!meta) return '';
    for (let r = 1; r <= meta.rowCount; r++) if (cellText(meta.getCell(r, 1)) === name) return cellText(meta.getCell(r, 2));
    return '';
  };
  if (!meta || metaValue('form') !== sheet.form.code) throw refuse({ key: 'err.report.not_template' });
  if (metaValue('version') !== String(sheet.version))
    throw refuse({ key: 'err.report.wrong_version', params: { found: metaValue('version') || '?', expected: sheet.version } });
  if (metaValue('unit') !== String(sheet.unit.id) || metaValue('month') !== sheet.month)
    throw refuse({ key: 'err.report.template_other', params: { month: metaValue('month') } });

  const fields = formFields(sheet.definition as never);
  const scalars = fields.filter((f) => f.type !== 'table');
  const tables = fields.filter((f) => f.type === 'table');
  // The template's language is whichever its headers are written in.
  const main = book.getWorksheet(MAIN.zh) ?? book.getWorksheet(MAIN.en);
  const lang: Lang = main?.name === MAIN.en ? 'en' : 'zh';
  const header = (ws: ExcelJS.Worksheet, n: number) => Array.from({ length: n }, (_, i) => cellText(ws.getCell(1, i + 1)));
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const headerProblem = (expected: string[]) => refuse({ key: 'err.import.header', params: { expected: expected.join('、') } });
  if (!main || !same(header(main, 4), MAIN_HEADERS[lang])) throw headerProblem(MAIN_HEADERS[lang]);
  const codes = Array.from({ length: scalars.length }, (_, i) => cellText(main.getCell(i + 2, 1)));
  if (
    !same(
      codes,
      scalars.map((f) => f.key),
    ) ||
    cellText(main.getCell(scalars.length + 2, 1)) !== ''
  )
    throw headerProblem(scalars.map((f) => f.key));

  const enterprises = new Map(sheet.enterprises.map((e) => [e.name, e.id]));
  const values: ReportValues = {};
  const problems: Record<string, FieldProblem> = {};
  scalars.forEach((f, i) => {
    const read = fromCell(f, main.getCell(i + 2, 4), enterprises);
    if ('problem' in read) problems[`values.${f.key}`] = { key: read.problem };
    else if (read.value !== null) values[f.key] = read.value;
  });
  tables.forEach((f, t) => {
    const columns = f.columns ?? [];
    const ws = book.getWorksheet(tableSheetName(f, t, lang));
    const expected = columns.map((c) => columnHeader(c, lang));
    if (!ws || !same(header(ws, columns.length), expected) || cellText(ws.getCell(1, columns.length + 1)) !== '') throw headerProblem(expected);
    const rows: ReportRow[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      if (columns.every((_, j) => cellText(ws.getCell(r, j + 1)) === '')) continue;
      const row: ReportRow = {};
      columns.forEach((c, j) => {
        const read = fromCell(c, ws.getCell(r, j + 1), enterprises);
        if ('problem' in read) problems[`values.${f.key}.${rows.length}.${c.key}`] = { key: read.problem };
        else if (read.value !== null) row[c.key] = read.value;
      });
      rows.push(row);
    }
    values[f.key] = rows;
  });
  if (Object.keys(problems).length) throw fieldError(problems);
  return saveDraft(deps, ctx, { ...key, values, explanations: sheet.explanations });
}
