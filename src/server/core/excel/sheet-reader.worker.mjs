// Reads an import's sheet on a thread of its own and posts its cells' texts back, 200 rows a message. Plain
// JavaScript so that it starts the same under tsx, Vitest and Node: exceljs parses a chunk of XML at a time
// synchronously (tens of milliseconds under load), which would otherwise stall every other request.
//   workerData: { bytes: Uint8Array, columns: number, maxRows: number }
//   messages:   { rows: [rowNumber, texts[]][] } … then { done: true, visible: boolean } or { error: 'unreadable' | 'too_large' }
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

async function read() {
  const { bytes, columns, maxRows } = workerData;
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
    let batch = [];
    let count = 0;
    for await (const row of sheet) {
      if (++count > maxRows) return parentPort.postMessage({ error: 'too_large' });
      const texts = [];
      for (let i = 1; i <= columns; i++) texts.push(cellText(row.getCell(i)));
      batch.push([row.number, texts]);
      if (batch.length === BATCH) {
        parentPort.postMessage({ rows: batch });
        batch = [];
      }
    }
    if (batch.length) parentPort.postMessage({ rows: batch });
  }
  parentPort.postMessage({ done: true, visible });
}

read().catch(() => parentPort.postMessage({ error: 'unreadable' }));
