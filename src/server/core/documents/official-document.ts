import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';

/** What the office edits about a kind of document: the red header, the numbering prefix, the signature block. */
export interface DocumentTemplate {
  /** 发文机关标志, e.g. 宝丰县工业强县工作领导小组办公室文件 or 工作简报. */
  headerText: string;
  /** 发文机关代字 before the year, e.g. 宝工强办. */
  numberPrefix: string;
  /** 发文机关署名 above the date. */
  issuer: string;
  /** Optional lines under the date (抄送, 印发). */
  footerLines?: string[];
}

export type DocumentBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; columns: string[]; rows: string[][]; widths?: number[]; caption?: string }
  | { kind: 'image'; data: Uint8Array; type: 'png' | 'jpg'; widthPx: number; heightPx: number; caption?: string };

export interface OfficialDocumentInput {
  template: DocumentTemplate;
  /** The assigned number (宝工强办〔2021〕12号); null on a draft, which prints 〔草稿〕 instead. */
  number: string | null;
  title: string;
  /** 主送机关, e.g. 各乡镇人民政府、县直有关单位：（the colon is added). */
  addressee?: string;
  blocks: DocumentBlock[];
  /** Signature; the template's issuer when absent. */
  signature?: string;
  /** ISO date YYYY-MM-DD of issue. */
  date: string;
}

/**
 * Font names as GB/T 9704 documents name them, each with the font a machine without the GB2312 fonts should use.
 * The fallbacks go into the font table as w:altName; LibreOffice and fontconfig then pick the Noto CJK faces.
 */
export const FONTS = {
  fangsong: { name: '仿宋_GB2312', alt: ['FangSong', 'Noto Serif CJK SC'] },
  heiti: { name: '黑体', alt: ['SimHei', 'Noto Sans CJK SC'] },
  kaiti: { name: '楷体_GB2312', alt: ['KaiTi', 'Noto Serif CJK SC'] },
  xiaobiaosong: { name: '方正小标宋简体', alt: ['SimSun', 'Noto Serif CJK SC'] },
  songti: { name: '宋体', alt: ['SimSun', 'Noto Serif CJK SC'] },
} as const;
type FontKey = keyof typeof FONTS;

export const RED = 'E60012';
/** Points per Chinese size name used here: 初号 42, 二号 22, 三号 16, 四号 14. */
const PT = { chuhao: 42, erhao: 22, sanhao: 16, sihao: 14 } as const;
// 22 lines a page, 28 characters a line: a fixed line pitch of about 28.95 pt on the A4 type area of 156 × 225 mm.
const LINE = Math.round(28.95 * 20);

function run(text: string, font: FontKey, pt: number, extra: { bold?: boolean; color?: string } = {}) {
  return new TextRun({
    text,
    font: { eastAsia: FONTS[font].name, ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
    size: pt * 2,
    bold: extra.bold,
    color: extra.color,
    language: { value: 'zh-CN', eastAsia: 'zh-CN' },
  });
}

const body = (text: string, opts: { indent?: boolean; font?: FontKey; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; keepNext?: boolean } = {}) =>
  new Paragraph({
    keepNext: opts.keepNext,
    children: [run(text, opts.font ?? 'fangsong', PT.sanhao)],
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: PT.sanhao * 2 * 20 },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  });

/** One 三号 character in twips. */
const CHAR = PT.sanhao * 20;
/** Width in characters: CJK and full-width one, ASCII half. */
export const textWidth = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

/** Right indents (in characters) of the signature lines and the date, per GB/T 9704 7.3.5.3 for documents without a seal. */
export function signaturePlacement(lines: string[], date: string) {
  const name = Math.max(...lines.map(textWidth));
  const dateWidth = textWidth(date);
  if (dateWidth > name - 2) return { signatureRight: 2 + (dateWidth + 2 - name), dateRight: 2 };
  return { signatureRight: 2, dateRight: 2 + name - 2 - dateWidth };
}

const blank = () => new Paragraph({ children: [], spacing: { line: LINE, lineRule: LineRuleType.EXACT } });

/** 2021-10-12 → 2021年10月12日 (GB/T 9704 writes the date in Arabic numerals, no leading zeros). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 宝工强办, 2021, 12 → 宝工强办〔2021〕12号. */
export function formatDocumentNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

function heading(level: 1 | 2 | 3, text: string) {
  const font: FontKey = level === 1 ? 'heiti' : level === 2 ? 'kaiti' : 'fangsong';
  return new Paragraph({
    children: [run(text, font, PT.sanhao, { bold: level === 3 })],
    indent: { firstLine: PT.sanhao * 2 * 20 },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    keepNext: true,
  });
}

function table(block: Extract<DocumentBlock, { kind: 'table' }>) {
  const total = 8840; // type area 156 mm in twips, less a little for borders
  const widths = block.widths ?? block.columns.map(() => 1);
  const sum = widths.reduce((a, b) => a + b, 0);
  const tw = widths.map((w) => Math.floor((w / sum) * total));
  // A line break in a cell's text starts a new line, so a name and its figures need not break inside a number.
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: tw[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: text.split('\n').map(
        (line, n, lines) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [run(line, header ? 'heiti' : 'fangsong', 10.5)],
            spacing: { before: n === 0 ? 40 : 0, after: n === lines.length - 1 ? 40 : 0 },
          }),
      ),
    });
  const out: (Paragraph | Table)[] = [];
  if (block.caption)
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(block.caption, 'heiti', PT.sihao)], spacing: { before: 120, after: 120 } }));
  out.push(
    new Table({
      width: { size: total, type: WidthType.DXA },
      columnWidths: tw,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      rows: [
        new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c, i, true)) }),
        ...block.rows.map((r) => new TableRow({ cantSplit: true, children: block.columns.map((_, i) => cell(r[i] ?? '', i, false)) })),
      ],
    }),
  );
  out.push(blank());
  return out;
}

function image(block: Extract<DocumentBlock, { kind: 'image' }>) {
  // At most the type area's width (156 mm ≈ 590 px at 96 dpi), keeping the aspect ratio.
  const scale = Math.min(1, 590 / block.widthPx);
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: block.type,
          data: block.data,
          transformation: { width: Math.round(block.widthPx * scale), height: Math.round(block.heightPx * scale) },
        }),
      ],
    }),
  ];
  if (block.caption) out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(block.caption, 'kaiti', PT.sihao)] }));
  return out;
}

// The 发文机关标志 stays on one line of the 156 mm type area (≈ 440 pt): 初号 for short names, smaller for long ones.
const headerSize = (text: string) => Math.max(22, Math.min(PT.chuhao, Math.floor(430 / Math.max(1, [...text].length))));

// 页码: 4号半角宋体 Arabic numerals with a dash either side, the odd pages on the right, the even pages on the left.
const pageFooter = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [
          run('— ', 'songti', PT.sihao),
          new TextRun({ children: [PageNumber.CURRENT], size: PT.sihao * 2, font: 'SimSun' }),
          run(' —', 'songti', PT.sihao),
        ],
      }),
    ],
  });

/** Builds a GB/T 9704 official document (red header and rule, number, title, addressee, body, signature, date, page numbers) as .docx bytes. */
export async function officialDocument(input: OfficialDocumentInput): Promise<Buffer> {
  const { template } = input;
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: 960, lineRule: LineRuleType.AT_LEAST },
      children: [run(template.headerText, 'xiaobiaosong', headerSize(template.headerText), { color: RED })],
    }),
    blank(),
    // 发文字号, then the red rule 4 mm below it, drawn as the paragraph's bottom border.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: 227 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
      children: [run(input.number ?? '〔草稿〕', 'fangsong', PT.sanhao)],
    }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.AT_LEAST, after: 0 },
      children: [run(input.title, 'xiaobiaosong', PT.erhao)],
    }),
    blank(),
  ];
  if (input.addressee) children.push(body(`${input.addressee.replace(/[：:]$/, '')}：`, { indent: false }));
  for (const block of input.blocks) {
    if (block.kind === 'heading') children.push(heading(block.level, block.text));
    else if (block.kind === 'paragraph') {
      // The body's last paragraph goes with the signature to the next page rather than leave it with no text (此页无正文).
      const lines = block.text.split(/\n+/).filter(Boolean);
      const last = block === input.blocks[input.blocks.length - 1];
      for (const [i, line] of lines.entries()) children.push(body(line, { keepNext: last && i === lines.length - 1 }));
    } else if (block.kind === 'table') children.push(...table(block));
    else children.push(...image(block));
  }
  // 发文机关署名 and 成文日期 (no seal): one blank line under the body, the name two characters from the right
  // margin, the date on the next line starting two characters to the right of the name; a date longer than that
  // sits two characters from the margin and pushes the name left.
  const signature = input.signature ?? template.issuer;
  const date = chineseDate(input.date);
  const { signatureRight, dateRight } = signaturePlacement(signature.split('\n'), date);
  children.push(new Paragraph({ children: [], keepNext: true, spacing: { line: LINE, lineRule: LineRuleType.EXACT } }));
  for (const line of signature.split('\n'))
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: Math.round(signatureRight * CHAR) },
        spacing: { line: LINE, lineRule: LineRuleType.EXACT },
        keepNext: true,
        children: [run(line, 'fangsong', PT.sanhao)],
      }),
    );
  children.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(dateRight * CHAR) },
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      children: [run(date, 'fangsong', PT.sanhao)],
    }),
  );
  if (template.footerLines?.length) {
    children.push(blank());
    for (const line of template.footerLines)
      children.push(
        new Paragraph({
          border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          children: [run(line, 'fangsong', PT.sihao)],
        }),
      );
  }

  const doc = new Document({
    creator: template.issuer,
    title: input.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: { eastAsia: FONTS.fangsong.name, ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
            size: PT.sanhao * 2,
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
              footer: convertMillimetersToTwip(22),
            },
          },
        },
        footers: { default: pageFooter(AlignmentType.RIGHT), even: pageFooter(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The font table with the GB2312 fonts and their fallbacks (w:altName) under the GB2312 charset, so that a machine
 * without 仿宋_GB2312 substitutes FangSong or Noto CJK SC rather than a Latin face.
 */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${[
  ...Object.values(FONTS).map(
    (f) =>
      `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.alt.join(','))}"/><w:charset w:val="86"/><w:family w:val="${f.name.includes('黑') ? 'modern' : 'roman'}"/><w:pitch w:val="fixed"/></w:font>`,
  ),
  '<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>',
].join('')}</w:fonts>`;
