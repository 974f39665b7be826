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
  Tab,
  TabStopType,
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

/**
 * 文件格式 (red 发文机关标志 …文件 over a single red rule, number centred, 版记 with 印发) or 信函格式 (the organ's name in
 * red over a red double rule, the number at the right under it, a second double rule at the foot of the first page,
 * no page number on the first page, no 印发 line), per GB/T 9704 7 and 10.1.
 */
export type DocumentLayout = 'file' | 'letter';

export interface OfficialDocumentInput {
  template: DocumentTemplate;
  /** 文件格式 unless given. */
  layout?: DocumentLayout;
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

/** Table text size (五号) in points, and the cell's left and right margins in twips (Word's default, 0.19 cm each). */
const CELL_PT = 10.5;
const CELL_PADDING = 2 * 108 + 40;

/** The widest run of a cell's text that must not break: a number, a percentage, a date (CJK text breaks anywhere). */
const widestUnbreakable = (text: string) =>
  Math.max(0, ...text.split(/[\s\u2e80-\uffff]+/u).map(textWidth), ...[...text].filter((ch) => ch.charCodeAt(0) >= 0x2e80).map(() => 1));

/**
 * Column widths in twips that share `total` by `ratios` but give every column at least the width of its widest
 * number, so that no figure is split across two lines of a cell; the width a column needs is taken from the columns
 * with room to spare, in proportion to that room.
 */
export function fitColumnWidths(ratios: number[], rows: string[][], total: number): number[] {
  const sum = ratios.reduce((a, b) => a + b, 0);
  const widths = ratios.map((r) => Math.floor((r / sum) * total));
  const need = ratios.map((_, i) => Math.ceil(Math.max(0, ...rows.map((r) => widestUnbreakable(r[i] ?? ''))) * CELL_PT * 20 + CELL_PADDING));
  const short = widths.reduce((acc, w, i) => acc + Math.max(0, need[i] - w), 0);
  const room = widths.map((w, i) => Math.max(0, w - need[i]));
  const spare = room.reduce((a, b) => a + b, 0);
  if (short === 0 || spare < short) return widths;
  return widths.map((w, i) => (need[i] > w ? need[i] : w - Math.ceil((room[i] / spare) * short)));
}

function table(block: Extract<DocumentBlock, { kind: 'table' }>) {
  const total = 8840; // type area 156 mm in twips, less a little for borders
  const tw = fitColumnWidths(block.widths ?? block.columns.map(() => 1), [block.columns, ...block.rows], total);
  // A line break in a cell's text starts a new line, so a name and its figures need not break inside a number.
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: tw[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: text.split('\n').map(
        (line, n, lines) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [run(line, header ? 'heiti' : 'fangsong', CELL_PT)],
            spacing: { before: n === 0 ? 40 : 0, after: n === lines.length - 1 ? 40 : 0 },
          }),
      ),
    });
  const out: (Paragraph | Table)[] = [];
  if (block.caption)
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(block.caption, 'heiti', PT.sihao)], spacing: { before: 120, after: 120 } }));
  out.push(
    new Table({
      width: { size: tw.reduce((a, b) => a + b, 0), type: WidthType.DXA },
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

/** The letter's rules are 170 mm long, centred: 7 mm wider than the 156 mm type area on either side. */
const LETTER_RULE_OUTDENT = convertMillimetersToTwip(7);
const letterRule = (side: 'top' | 'bottom') => ({
  // 上粗下细 under the organ's name, 上细下粗 at the foot of the page.
  [side]: { style: side === 'bottom' ? BorderStyle.THICK_THIN_MEDIUM_GAP : BorderStyle.THIN_THICK_MEDIUM_GAP, size: 24, color: RED, space: 4 },
});

// The first page of a letter: the second red double rule 20 mm above the page's lower edge, and no page number.
const letterFirstFooter = () =>
  new Footer({
    children: [new Paragraph({ indent: { left: -LETTER_RULE_OUTDENT, right: -LETTER_RULE_OUTDENT }, border: letterRule('top'), children: [] })],
  });

const title = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.AT_LEAST, after: 0 },
    children: [run(text, 'xiaobiaosong', PT.erhao)],
  });

/** 文件格式: the red 发文机关标志, the number centred over a red rule 4 mm below it, the title. */
function fileHead(input: OfficialDocumentInput): Paragraph[] {
  const { headerText } = input.template;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: 960, lineRule: LineRuleType.AT_LEAST },
      children: [run(headerText, 'xiaobiaosong', headerSize(headerText), { color: RED })],
    }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: 227 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
      children: [run(input.number ?? '〔草稿〕', 'fangsong', PT.sanhao)],
    }),
    blank(),
    title(input.title),
    blank(),
  ];
}

/** 信函格式: the organ's name in red over a red double rule, the number at the right margin under it, the title two lines below. */
function letterHead(input: OfficialDocumentInput): Paragraph[] {
  const { headerText } = input.template;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { left: -LETTER_RULE_OUTDENT, right: -LETTER_RULE_OUTDENT },
      spacing: { before: 0, after: 0, line: 720, lineRule: LineRuleType.AT_LEAST },
      border: letterRule('bottom'),
      children: [run(headerText, 'xiaobiaosong', Math.min(PT.erhao + 4, headerSize(headerText)), { color: RED })],
    }),
    // 7/8 of a 三号 character's height below the rule.
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: Math.round(PT.sanhao * 20 * 0.875), line: LINE, lineRule: LineRuleType.EXACT },
      children: [run(input.number ?? '〔草稿〕', 'fangsong', PT.sanhao)],
    }),
    blank(),
    blank(),
    title(input.title),
    blank(),
  ];
}

/**
 * The body's blocks. The body's closing paragraphs (the last two when the document ends in text, e.g. the request
 * and 特此函告) go with the signature to the next page rather than leave the signature alone on a page (此页无正文).
 */
function bodyBlocks(blocks: DocumentBlock[]): (Paragraph | Table)[] {
  const closing = new Set(blocks.slice(-2).filter((b, i, tail) => b.kind === 'paragraph' && tail.slice(i).every((t) => t.kind === 'paragraph')));
  return blocks.flatMap((block) => {
    if (block.kind === 'heading') return [heading(block.level, block.text)];
    if (block.kind === 'table') return table(block);
    if (block.kind === 'image') return image(block);
    const lines = block.text.split(/\n+/).filter(Boolean);
    return lines.map((line) => body(line, { keepNext: closing.has(block) }));
  });
}

/**
 * 发文机关署名 and 成文日期 (no seal): one blank line under the body, the name two characters from the right margin, the
 * date on the next line starting two characters to the right of the name; a date longer than that sits two
 * characters from the margin and pushes the name left.
 */
function signatureBlock(signature: string, isoDate: string, keepWithImprint: boolean): Paragraph[] {
  const date = chineseDate(isoDate);
  const lines = signature.split('\n');
  const { signatureRight, dateRight } = signaturePlacement(lines, date);
  const line = (text: string, right: number, keepNext: boolean) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(right * CHAR) },
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      keepNext,
      children: [run(text, 'fangsong', PT.sanhao)],
    });
  return [
    new Paragraph({ children: [], keepNext: true, spacing: { line: LINE, lineRule: LineRuleType.EXACT } }),
    ...lines.map((text) => line(text, signatureRight, true)),
    line(date, dateRight, keepWithImprint),
  ];
}

/**
 * 版记 of a 文件格式 document: the 抄送 lines of the template, then 印发机关 at the left and 印发日期 at the right, between a
 * thick rule above and below and thin rules between, kept together and with the date above it.
 */
function imprint(lines: string[], issuer: string, isoDate: string): Paragraph[] {
  const thick = { style: BorderStyle.SINGLE, size: 7, color: '000000', space: 2 };
  const thin = { style: BorderStyle.SINGLE, size: 5, color: '000000', space: 2 };
  const rows = [
    ...lines.map((l) => [run(l, 'fangsong', PT.sihao)]),
    [run(issuer, 'fangsong', PT.sihao), new TextRun({ children: [new Tab()] }), run(`${chineseDate(isoDate)}印发`, 'fangsong', PT.sihao)],
  ];
  return [
    new Paragraph({ children: [], keepNext: true, spacing: { line: LINE, lineRule: LineRuleType.EXACT } }),
    ...rows.map(
      (children, i) =>
        new Paragraph({
          keepNext: i < rows.length - 1,
          keepLines: true,
          indent: { left: CHAR / 2, right: CHAR / 2 },
          tabStops: [{ type: TabStopType.RIGHT, position: 8840 - CHAR }],
          border: { top: i === 0 ? thick : thin, ...(i === rows.length - 1 ? { bottom: thick } : {}) },
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          children,
        }),
    ),
  ];
}

/** Builds a GB/T 9704 official document (red header and rule, number, title, addressee, body, signature, date, 版记, page numbers) as .docx bytes. */
export async function officialDocument(input: OfficialDocumentInput): Promise<Buffer> {
  const { template } = input;
  const letter = input.layout === 'letter';
  const children: (Paragraph | Table)[] = letter ? letterHead(input) : fileHead(input);
  if (input.addressee) children.push(body(`${input.addressee.replace(/[：:]$/, '')}：`, { indent: false }));
  children.push(...bodyBlocks(input.blocks));
  // The 版记 stays on the page of the date: a page holding the 版记 alone would look like a document without a body.
  children.push(...signatureBlock(input.signature ?? template.issuer, input.date, !letter));
  if (letter) {
    // A letter's 版记 has no 印发 line and no rules: the 抄送 lines only, when the template has any.
    if (template.footerLines?.length) children.push(blank(), ...template.footerLines.map((l) => body(l, { indent: false })));
  } else children.push(...imprint(template.footerLines ?? [], template.issuer, input.date));

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
          titlePage: letter,
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(letter ? 30 : 37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
              footer: convertMillimetersToTwip(letter ? 20 : 22),
            },
          },
        },
        footers: {
          default: pageFooter(AlignmentType.RIGHT),
          even: pageFooter(AlignmentType.LEFT),
          ...(letter ? { first: letterFirstFooter() } : {}),
        },
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
