// The exceljs work of an import, on a thread of its own: exceljs parses and writes XML synchronously (tens of
// milliseconds a chunk under load, seconds for a whole workbook), which would otherwise stall every other request.
// Plain JavaScript so that it starts the same under tsx, Vitest and Node.
//   read:     workerData { task: 'read', bytes, columns, maxRows } posts the first visible sheet's cell texts,
//             { rows: [rowNumber, texts[]][] } 200 rows a message, then { done: true } or { error: 'unreadable' | 'too_large', reason? }
//   annotate: workerData { task: 'annotate', bytes, title, marks: [rowNumber, badColumns[], message][] } posts
//             { report: Uint8Array }, the uploaded workbook with the bad cells filled red and a last column of messages
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

const BATCH = 200;

/** A cell as the user reads it: rich text joined, a link's text, a formula's result, a date as YYYY-MM-DD. */
function cellText(cell) {
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

/** Posts a sheet's rows (exceljs rows, streamed or loaded) 200 at a time; false once the row limit is passed. */
async function postRows(rows, columns, maxRows) {
  let batch = [];
  let count = 0;
  for await (const row of rows) {
    if (++count > maxRows) {
      parentPort.postMessage({ error: 'too_large' });
      return false;
    }
    const texts = [];
    for (let i = 1; i <= columns; i++) texts.push(cellText(row.getCell(i)));
    batch.push([row.number, texts]);
    if (batch.length === BATCH) {
      parentPort.postMessage({ rows: batch });
      batch = [];
    }
  }
  if (batch.length) parentPort.postMessage({ rows: batch });
  return true;
}

async function read() {
  const { bytes, columns, maxRows } = workerData;
  if (await readStreaming(bytes, columns, maxRows)) return;
  // The streaming reader found no visible sheet. Twice a valid template was refused as "not the template" on a busy
  // machine (never alone); a stream that parks worksheets in temporary files and yields no data sheet is one way that
  // happens. Before concluding, read the whole book (the file is already known to be within the row and cell limits).
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const sheet = book.worksheets.find((s) => s.state !== 'veryHidden' && s.state !== 'hidden');
  const rows = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => rows.push(row));
  if (sheet && !(await postRows(rows, columns, maxRows))) return;
  parentPort.postMessage({ done: true, visible: !!sheet });
}

/** Reads the first visible sheet as a stream; false when no visible sheet came out of the stream. */
async function readStreaming(bytes, columns, maxRows) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let visible = false;
  for await (const sheet of reader) {
    // The first visible sheet is the data; the others (the hidden drop-down lists) are drained unread.
    if (visible || sheet.state === 'hidden' || sheet.state === 'veryHidden') {
      for await (const _ of sheet);
      continue;
    }
    visible = true;
    if (!(await postRows(sheet, columns, maxRows))) return true;
  }
  if (visible) parentPort.postMessage({ done: true, visible });
  return visible;
}

/** The uploaded workbook, its bad cells filled red and a last column saying what is wrong with each refused row. */
async function annotate() {
  const { bytes, columns, title, marks } = workerData;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const sheet = book.worksheets.find((s) => s.state !== 'veryHidden' && s.state !== 'hidden');
  const messageColumn = columns + 1;
  sheet.getRow(1).getCell(messageColumn).value = title;
  sheet.getColumn(messageColumn).width = 60;
  for (const [row, bad, message] of marks) {
    for (const index of bad) sheet.getRow(row).getCell(index + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFCCC7' } };
    const cell = sheet.getRow(row).getCell(messageColumn);
    cell.value = message;
    cell.font = { color: { argb: 'FFCF1322' } };
  }
  const report = new Uint8Array(await book.xlsx.writeBuffer());
  parentPort.postMessage({ report }, [report.buffer]);
}

// Stay alive until the importer has read everything and stops the worker: a worker that exits by itself may be seen
// to exit before its last messages are read, which would look like a failure.
parentPort.on('message', () => {});
// The reason goes with the failure so that the importer can tell a broken file from a failing machine and log it.
const fail = (err) => parentPort.postMessage({ error: 'unreadable', reason: String(err?.stack ?? err) });
if (workerData.task === 'annotate') annotate().catch(fail);
else read().catch(fail);
