import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { type Locale, type MessageKey, isMessageKey, translate } from '../../../shared/i18n/messages';
import type { Db, Trx } from '../db/database';
import { AppError } from '../http/errors';
import { measureXlsx } from './xlsx-size';

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

/** A column's header in the user's language, for problems found after parsing. */
export function columnLabel<R>(spec: ImportSpec<R>, key: string, locale: Locale): string {
  const column = spec.columns.find((c) => c.key === key);
  return column ? label(column, locale) : '';
}

/**
 * The template: headers (required ones starred), a notes row, and drop-down lists for coded and yes/no columns.
 * Prefilled rows (keyed by column) turn it into an export that can be edited and imported back.
 */
export async function importTemplate<R>(spec: ImportSpec<R>, locale: Locale, prefill: Record<string, unknown>[] = []): Promise<Buffer> {
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
  prefill.forEach((values, r) => {
    spec.columns.forEach((c, i) => {
      sheet.getCell(FIRST_DATA_ROW + r, i + 1).value = cellOf(c, values[c.key], locale);
    });
  });
  const lastRow = FIRST_DATA_ROW + Math.max(2000, prefill.length + 500);
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
    for (let r = FIRST_DATA_ROW; r < lastRow; r++) {
      sheet.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: !c.required, formulae: [formula], showErrorMessage: true };
    }
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A prefilled cell as the template shows it: a code as its label, a yes/no as 是/否. */
function cellOf(column: ImportColumn, value: unknown, locale: Locale): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  const option = column.codes?.find((o) => o.value === value);
  if (option) return locale === 'en-US' ? option.en : option.zh;
  if (typeof value === 'boolean') return locale === 'en-US' ? (value ? 'yes' : 'no') : value ? '是' : '否';
  return value as ExcelJS.CellValue;
}

function cellValue(column: ImportColumn, codes: Map<string, string> | null, text: string): unknown {
  if (text === '') return undefined;
  if (codes) return codes.get(text) ?? codes.get(text.toLowerCase()) ?? text;
  if (column.type === 'number') return Number.isFinite(Number(text.replace(/,/g, ''))) ? Number(text.replace(/,/g, '')) : text;
  if (column.type === 'boolean') return YES.has(text.toLowerCase()) ? true : NO.has(text.toLowerCase()) ? false : text;
  return text;
}

/** What a cell that failed its schema without a message of its own is missing, said in the user's language. */
function typeProblem(column: ImportColumn | undefined, raw: Record<string, unknown>): MessageKey | null {
  const value = column ? raw[column.key] : undefined;
  if (value === undefined) return 'err.required';
  if (column?.codes && typeof value === 'string' && !column.codes.some((o) => o.value === value)) return 'err.import.not_an_option';
  if (column?.type === 'number' && typeof value === 'string') return 'err.import.not_a_number';
  if (column?.type === 'boolean' && typeof value === 'string') return 'err.import.not_yes_no';
  return null;
}

/** zod's own messages (bounds, lengths) in the user's language, for rules a schema states without a message key. */
const ZOD_MESSAGES = { 'zh-CN': z.locales.zhCN().localeError, 'en-US': z.locales.en().localeError };

/** Thrown when the file is not this import's template (wrong sheet layout, renamed or missing headers). */
export class TemplateMismatch extends Error {
  constructor(
    readonly expected: string[],
    /** Why the file could not be read, when it could not: for the log, not for the user. */
    readonly reason?: string,
  ) {
    super('template mismatch');
  }
}

/** How much one import may hold and how long it may take (from the configuration). */
export interface ImportLimits {
  maxRows: number;
  maxCells: number;
  timeLimitMs: number;
}

/** What `importAllOrNothing` needs of the app's dependencies. */
export interface ImportDeps {
  db: Db;
  config: { importMaxRows: number; importMaxCells: number; importTimeLimitMs: number };
}

const limitsOf = (deps: ImportDeps): ImportLimits => ({
  maxRows: deps.config.importMaxRows,
  maxCells: deps.config.importMaxCells,
  timeLimitMs: deps.config.importTimeLimitMs,
});

/** How many rows are handled between two turns of the event loop. */
const ROWS_PER_TURN = 50;

/**
 * An import's clock: `tick()` lets other requests run every 50 rows, and once the time limit has passed the import
 * is refused (503 `IMPORT_TIMEOUT`; thrown inside the transaction, so nothing is written).
 */
export class Pace {
  private count = 0;
  private readonly deadline: number;
  constructor(private readonly limitMs: number) {
    this.deadline = performance.now() + limitMs;
  }
  /** Call once per row (or other unit of work); yields to the event loop every 50 calls. */
  async tick(): Promise<void> {
    this.count += 1;
    if (this.count % ROWS_PER_TURN === 0) await this.breathe();
  }
  /** Yields to the event loop now, and checks the time limit. */
  async breathe(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.check();
  }
  /** Throws once the time limit has passed. */
  check(): void {
    if (performance.now() > this.deadline) throw new AppError('IMPORT_TIMEOUT', { seconds: Math.round(this.limitMs / 1000) });
  }
}

const tooLarge = (limits: ImportLimits) =>
  new AppError('IMPORT_TOO_LARGE', { rows: limits.maxRows.toLocaleString('en-US'), cells: limits.maxCells.toLocaleString('en-US') });

/**
 * Refuses a file over the row or cell limit before anything is parsed: the sheets' XML is counted as it inflates,
 * and counting stops at the limit. Bytes that are no .xlsx are the wrong template.
 */
async function refuseOversize<R>(buffer: Buffer, spec: ImportSpec<R>, locale: Locale, limits: ImportLimits) {
  let size: Awaited<ReturnType<typeof measureXlsx>>;
  try {
    size = await measureXlsx(buffer, { rows: limits.maxRows + FIRST_DATA_ROW - 1, cells: limits.maxCells });
  } catch {
    throw new TemplateMismatch(spec.columns.map((c) => label(c, locale)));
  }
  if (size.over) throw tooLarge(limits);
}

const NO_LIMITS: ImportLimits = { maxRows: Number.POSITIVE_INFINITY, maxCells: Number.POSITIVE_INFINITY, timeLimitMs: Number.POSITIVE_INFINITY };

/**
 * Reads an uploaded workbook: checks the headers against the template, then validates every row with the schema.
 * A file over the limits is refused first; the sheet is read on a worker thread and this thread, validating, lets
 * other requests run every 50 rows.
 */
export async function parseImport<R>(
  buffer: Buffer,
  spec: ImportSpec<R>,
  locale: Locale,
  limits: ImportLimits = NO_LIMITS,
  pace = new Pace(limits.timeLimitMs),
): Promise<{ rows: ParsedRow<R>[]; problems: ImportProblem[] }> {
  await refuseOversize(buffer, spec, locale, limits);
  const mismatch = () => new TemplateMismatch(spec.columns.map((c) => label(c, locale)));
  const codes = spec.columns.map(codeLookup);
  const rows: ParsedRow<R>[] = [];
  const problems: ImportProblem[] = [];
  let headerChecked = false;
  const read = sheetRows(buffer, spec.columns.length, limits.maxRows + FIRST_DATA_ROW - 1, pace);
  for await (const [number, texts] of guarded(read, () => tooLarge(limits), mismatch)) {
    await pace.tick();
    if (number === HEADER_ROW) {
      checkHeaders(spec, texts, mismatch);
      headerChecked = true;
      continue;
    }
    if (!headerChecked) throw mismatch();
    if (number < FIRST_DATA_ROW || texts.every((t) => t === '')) continue;
    validateRow(spec, codes, number, texts, locale, rows, problems);
  }
  if (!headerChecked) throw mismatch();
  return { rows, problems };
}

class SheetTooLarge extends Error {}

/** The reader's rows, its failures turned into the import's errors: over the limit, or not a workbook at all. */
async function* guarded<T>(rows: AsyncGenerator<T>, tooBig: () => AppError, mismatch: () => TemplateMismatch): AsyncGenerator<T> {
  try {
    yield* rows;
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof SheetTooLarge) throw tooBig();
    const unreadable = mismatch();
    throw err instanceof Error ? new TemplateMismatch(unreadable.expected, err.message) : unreadable;
  }
}

const SHEET_READER = new URL('./sheet-reader.worker.mjs', import.meta.url);

type WorkerMessage =
  | { rows: [number, string[]][] }
  | { done: true; visible: boolean }
  | { error: 'unreadable' | 'too_large'; reason?: string }
  | { error: 'stopped'; reason: string };

/** The sheet reader failed: the file may be broken, or the thread may have been lost. */
class SheetUnreadable extends Error {}

/**
 * The first visible sheet's rows as texts, read by exceljs on a worker thread (its XML parsing is synchronous and
 * would hold this thread for tens of milliseconds at a time). A reader that fails before its first row is tried once
 * more: the zip is read whole before any row, and a one-off failure there (a lost thread, a temporary file) must not
 * be reported to the user as a wrong template.
 */
async function* sheetRows(buffer: Buffer, columns: number, maxRows: number, pace: Pace): AsyncGenerator<[number, string[]]> {
  for (let attempt = 1; ; attempt++) {
    let yielded = false;
    try {
      for await (const row of readOnWorker(buffer, columns, maxRows, pace)) {
        yielded = true;
        yield row;
      }
      return;
    } catch (err) {
      if (!(err instanceof SheetUnreadable) || yielded || attempt === 2) throw err;
      pace.check();
    }
  }
}

/** One try of sheetRows. The worker is stopped when the import stops early. */
async function* readOnWorker(buffer: Buffer, columns: number, maxRows: number, pace: Pace): AsyncGenerator<[number, string[]]> {
  const worker = new Worker(SHEET_READER, { workerData: { task: 'read', bytes: new Uint8Array(buffer), columns, maxRows } });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (err) => push({ error: 'stopped', reason: String(err?.stack ?? err) }));
  worker.on('exit', (code) => push({ error: 'stopped', reason: `sheet reader exited (${code})` }));
  try {
    for (;;) {
      const message = queue.shift();
      if (!message) {
        // Waits for the worker, but wakes every second to keep the time limit even when the worker is slow.
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 1000).unref();
        });
        wake = null;
        pace.check();
        continue;
      }
      if ('error' in message) throw message.error === 'too_large' ? new SheetTooLarge() : new SheetUnreadable(message.reason ?? message.error);
      if ('done' in message) return;
      yield* message.rows;
    }
  } finally {
    await worker.terminate();
  }
}

function checkHeaders<R>(spec: ImportSpec<R>, texts: string[], mismatch: () => TemplateMismatch) {
  const headers = texts.map((t) => t.replace(/\*$/, ''));
  // Either language's template is accepted, but not a mix, a reordering or a renamed column.
  const matches = (lang: Locale) => spec.columns.every((c, i) => headers[i] === label(c, lang));
  if (!(matches('zh-CN') || matches('en-US'))) throw mismatch();
}

/** A coded column's options by what a cell may hold: the label in either language (English in any case) or the code. */
function codeLookup(column: ImportColumn): Map<string, string> | null {
  if (!column.codes) return null;
  const lookup = new Map<string, string>();
  // The first option a text names wins, as a search of the list in order would find it.
  for (const o of [...column.codes].reverse()) {
    lookup.set(o.value, o.value);
    lookup.set(o.en.toLowerCase(), o.value);
    lookup.set(o.zh, o.value);
  }
  return lookup;
}

function validateRow<R>(
  spec: ImportSpec<R>,
  codes: (Map<string, string> | null)[],
  r: number,
  texts: string[],
  locale: Locale,
  rows: ParsedRow<R>[],
  problems: ImportProblem[],
) {
  const raw: Record<string, unknown> = {};
  const unknown = new Set<ImportColumn>();
  spec.columns.forEach((c, i) => {
    raw[c.key] = cellValue(c, codes[i], texts[i]);
    // A coded cell must be one of its options even where the schema takes any text (codes read from the database).
    if (codes[i] && typeof raw[c.key] === 'string' && !codes[i]?.has(raw[c.key] as string)) unknown.add(c);
  });
  const parsed = spec.row.safeParse(raw, { error: ZOD_MESSAGES[locale] });
  for (const column of unknown) problems.push({ row: r, column: label(column, locale), message: translate(locale, 'err.import.not_an_option') });
  if (parsed.success) {
    if (unknown.size === 0) rows.push({ row: r, values: parsed.data });
    return;
  }
  const said = new Set<string>();
  for (const issue of parsed.error.issues) {
    const column = spec.columns.find((c) => c.key === issue.path[0]);
    if (column && unknown.has(column)) continue;
    const problem = isMessageKey(issue.message) ? issue.message : typeProblem(column, raw);
    const found = { row: r, column: column ? label(column, locale) : '', message: problem ? translate(locale, problem) : issue.message };
    const key = `${found.column}\u0000${found.message}`;
    if (!said.has(key)) problems.push(found);
    said.add(key);
  }
}

/** The uploaded sheet with each bad cell filled red and a last column saying what is wrong with the row. */
export async function annotatedReport<R>(buffer: Buffer, spec: ImportSpec<R>, problems: ImportProblem[], locale: Locale): Promise<Buffer> {
  const columnIndex = new Map(spec.columns.map((c, i) => [label(c, locale), i]));
  const byRow = new Map<number, ImportProblem[]>();
  for (const p of problems) {
    const list = byRow.get(p.row);
    if (list) list.push(p);
    else byRow.set(p.row, [p]);
  }
  const marks = [...byRow].map(([row, list]) => [
    row,
    list.map((p) => columnIndex.get(p.column) ?? -1).filter((i) => i >= 0),
    list.map((p) => (p.column ? `${p.column}：${p.message}` : p.message)).join('；'),
  ]);
  // Loading and writing a whole workbook takes seconds for a large file: on the worker, not this thread.
  const worker = new Worker(SHEET_READER, {
    workerData: { task: 'annotate', bytes: new Uint8Array(buffer), columns: spec.columns.length, title: locale === 'en-US' ? 'Problems' : '错误说明', marks },
  });
  try {
    const answer = await new Promise<{ report?: Uint8Array; error?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', () => reject(new Error('report writer stopped')));
    });
    if (!answer.report) throw new Error('report writer failed');
    return Buffer.from(answer.report.buffer, answer.report.byteOffset, answer.report.byteLength);
  } finally {
    await worker.terminate();
  }
}

export type ImportOutcome = { ok: true; imported: number } | { ok: false; problems: ImportProblem[]; report: Buffer };

/** Rolls an import's transaction back once a problem is found after parsing. */
class RowsRejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('rows rejected');
  }
}

interface ImportSteps<R, T> {
  /**
   * Resolves names to ids and checks what the schema cannot (uniqueness, lookups), inside the transaction. The rows
   * are the valid ones; `refused` says how many problems parsing found already, for checks that need every row.
   * Work per row should be constant (look-ups in Maps, queries in batches) and call `pace.tick()`.
   */
  check(trx: Trx, rows: ParsedRow<R>[], refused: number, pace: Pace): Promise<{ resolved: T[]; problems: ImportProblem[] }>;
  /** Writes every resolved row (and the audit row), in multi-row statements where there are many; any throw leaves nothing behind. */
  write(trx: Trx, resolved: T[], pace: Pace): Promise<void>;
}

/**
 * The one import procedure: refuse a file over the row or cell limit before parsing it, parse and validate every
 * row, then check and write all of them in one transaction, or nothing; a refused file comes back with its problems
 * and the uploaded sheet annotated. Past the time limit the transaction is rolled back and `IMPORT_TIMEOUT` thrown.
 */
export async function importAllOrNothing<R, T>(
  deps: ImportDeps,
  buffer: Buffer,
  spec: ImportSpec<R>,
  locale: Locale,
  steps: ImportSteps<R, T>,
): Promise<ImportOutcome> {
  const limits = limitsOf(deps);
  const pace = new Pace(limits.timeLimitMs);
  const { rows, problems } = await parseImport(buffer, spec, locale, limits, pace);
  if (rows.length === 0 && problems.length === 0)
    return { ok: false, problems: [{ row: 0, column: '', message: translate(locale, 'err.import.empty') }], report: buffer };
  try {
    const imported = await deps.db.transaction().execute(async (trx) => {
      const { resolved, problems: more } = await steps.check(trx, rows, problems.length, pace);
      const all = [...problems, ...more].sort((a, b) => a.row - b.row);
      if (all.length) throw new RowsRejected(all);
      await pace.breathe();
      await steps.write(trx, resolved, pace);
      // Still inside the transaction: an import that ran out of time commits nothing.
      pace.check();
      return resolved.length;
    });
    return { ok: true, imported };
  } catch (err) {
    if (!(err instanceof RowsRejected)) throw err;
    return { ok: false, problems: err.problems, report: await annotatedReport(buffer, spec, err.problems, locale) };
  }
}
