import { fileTypeFromFile } from 'file-type';

/** What the bytes of an accepted file are: the type we serve it with and the extension its name must carry. */
export interface SniffedType {
  mime: string;
  ext: string;
}

// Only types whose content file-type recognises by signature; text formats (HTML, SVG, CSV) have none and could
// run script in a browser, so they are never accepted whatever their name says. Macro-enabled Office files
// (docm, xlsm) sniff as their own types and are refused with the rest.
const ALLOWED = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);

// Legacy .doc/.xls/.ppt are OLE compound files; file-type stops at "cfb", which also covers .msi installers.
// The directory of a compound file names its streams in UTF-16LE, so the main stream tells the three apart.
const LEGACY_OFFICE: { stream: string; type: SniffedType }[] = [
  { stream: 'WordDocument', type: { mime: 'application/msword', ext: 'doc' } },
  { stream: 'Workbook', type: { mime: 'application/vnd.ms-excel', ext: 'xls' } },
  { stream: 'Book', type: { mime: 'application/vnd.ms-excel', ext: 'xls' } },
  { stream: 'PowerPoint Document', type: { mime: 'application/vnd.ms-powerpoint', ext: 'ppt' } },
];

export type SniffResult = { ok: true; type: SniffedType } | { ok: false; reason: 'type' | 'zip' };

/** Decides from the file's content alone whether it may be stored, and as what. */
export async function sniffAttachment(file: string, bytes: () => Promise<Buffer>, allowZip: boolean): Promise<SniffResult> {
  const found = await fileTypeFromFile(file);
  if (!found) return { ok: false, reason: 'type' };
  if (ALLOWED.has(found.mime)) return { ok: true, type: { mime: found.mime, ext: found.ext } };
  if (found.mime === 'application/zip') return allowZip ? { ok: true, type: { mime: found.mime, ext: 'zip' } } : { ok: false, reason: 'zip' };
  if (found.mime === 'application/x-cfb') {
    const content = await bytes();
    const legacy = LEGACY_OFFICE.find((l) => content.includes(Buffer.from(`${l.stream}\0`, 'utf16le')));
    if (legacy) return { ok: true, type: legacy.type };
  }
  return { ok: false, reason: 'type' };
}

/** Whether a character is a control character, which has no place in a file name or a header. */
const isControl = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};

/** The name to store: the user's name without folders, quotes or control characters, with the extension the bytes prove. */
export function safeFileName(original: string, ext: string): string {
  const last = original.split(/[\\/]/).pop() ?? '';
  const base = [...last]
    .filter((c) => !isControl(c) && c !== '"')
    .join('')
    .trim()
    .slice(0, 200);
  const name = base || 'file';
  const current = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const same = current === ext || (ext === 'jpg' && current === 'jpeg');
  return same ? name : `${name}.${ext}`;
}
