import JSZip from 'jszip';

// Reading a generated document back, for tests: jszip comes with exceljs and is not used by the app itself.

/** The text of word/document.xml (or another part) of a .docx. */
export async function documentXml(docx: Buffer | Uint8Array, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  return (await zip.file(part)?.async('string')) ?? '';
}

/** The images embedded in a .docx (word/media) with the given extension, in name order. */
export async function documentMedia(docx: Buffer | Uint8Array, extension: string): Promise<Buffer[]> {
  const zip = await JSZip.loadAsync(docx);
  const files = zip.file(new RegExp(`^word/media/.+\\.${extension}$`)).sort((a, b) => a.name.localeCompare(b.name));
  return Promise.all(files.map((f) => f.async('nodebuffer')));
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The visible text of a .docx, one string per non-empty paragraph (a table cell's paragraph is its own line). */
export async function documentText(docx: Buffer | Uint8Array): Promise<string[]> {
  const xml = await documentXml(docx);
  return xml
    .split(/<\/w:p>/)
    .map((p) => unescapeXml([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))
    .filter((s) => s.length > 0);
}

/** The rows of the n-th table of a .docx, as cell texts. */
export async function documentTable(docx: Buffer | Uint8Array, index: number): Promise<string[][]> {
  const xml = await documentXml(docx);
  const table = xml.split('<w:tbl>').slice(1)[index]?.split('</w:tbl>')[0] ?? '';
  return table
    .split('</w:tr>')
    .filter((r) => r.includes('<w:tc>'))
    .map((r) =>
      r
        .split('</w:tc>')
        .filter((c) => c.includes('<w:p'))
        .map((c) => unescapeXml([...c.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))),
    );
}
