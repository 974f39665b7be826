import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';

/** Rows and cells an .xlsx holds, counted from its sheets' XML; `over` when counting stopped at a limit. */
export interface XlsxSize {
  /** The most rows of any one sheet. */
  rows: number;
  /** Cells of all sheets together. */
  cells: number;
  over: boolean;
}

/** Thrown when the bytes are not a zip archive we can read (so not an .xlsx). */
export class NotAZip extends Error {
  constructor() {
    super('not a zip archive');
  }
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of the zip's central directory (no zip64: an import is a few MB at most). */
function entries(zip: Buffer): Entry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new NotAZip();
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const list: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new NotAZip();
    const nameLength = zip.readUInt16LE(at + 28);
    list.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      offset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return list;
}

function dataOf(zip: Buffer, e: Entry): Buffer {
  if (e.offset + 30 > zip.length || zip.readUInt32LE(e.offset) !== LOCAL) throw new NotAZip();
  const start = e.offset + 30 + zip.readUInt16LE(e.offset + 26) + zip.readUInt16LE(e.offset + 28);
  if (start + e.compressedSize > zip.length) throw new NotAZip();
  return zip.subarray(start, start + e.compressedSize);
}

// Tag names may carry a namespace prefix (`<x:row>`); `<c` must not match `<col` or `<cfRule`.
const TAGS = /<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])/g;

/**
 * Counts rows and cells in a sheet's XML as it inflates, without building anything, and stops as soon as a limit
 * is passed: a 200,000-row file is refused after reading about as much as the limit allows.
 */
async function countSheet(data: Buffer, method: number, onTag: (tag: 'row' | 'c') => boolean): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let stopped = false;
  const scan = (chunk: Buffer) => {
    const text = carry + decoder.write(chunk);
    // A tag never holds a raw '<', so everything before the last one is made of whole tags.
    const cut = text.lastIndexOf('<');
    const whole = cut < 0 ? text : text.slice(0, cut);
    carry = cut < 0 ? '' : text.slice(cut);
    for (const m of whole.matchAll(TAGS)) {
      if (onTag(m[1] as 'row' | 'c')) return true;
    }
    return false;
  };
  if (method === 0) {
    scan(data);
    scan(Buffer.from('<'));
    return;
  }
  if (method !== 8) throw new NotAZip();
  await new Promise<void>((resolve, reject) => {
    const inflate = zlib.createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      if (stopped) return;
      if (scan(chunk)) {
        stopped = true;
        inflate.destroy();
        resolve();
      }
    });
    inflate.on('end', () => {
      if (!stopped) scan(Buffer.from('<'));
      resolve();
    });
    inflate.on('error', () => (stopped ? resolve() : reject(new NotAZip())));
    inflate.end(data);
  });
}

/** Measures an .xlsx's sheets against the limits, reading no more than needed to tell. */
export async function measureXlsx(zip: Buffer, limits: { rows: number; cells: number }): Promise<XlsxSize> {
  const size: XlsxSize = { rows: 0, cells: 0, over: false };
  const sheets = entries(zip).filter((e) => /(^|\/)worksheets\/[^/]+\.xml$/i.test(e.name));
  for (const sheet of sheets) {
    let rows = 0;
    await countSheet(dataOf(zip, sheet), sheet.method, (tag) => {
      if (tag === 'row') rows += 1;
      else size.cells += 1;
      size.rows = Math.max(size.rows, rows);
      size.over = rows > limits.rows || size.cells > limits.cells;
      return size.over;
    });
    if (size.over) break;
  }
  return size;
}
