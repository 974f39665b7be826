import { describe, expect, it } from 'vitest';
import { chineseDate, fitColumnWidths, formatDocumentNumber, officialDocument } from './official-document';
import { documentTable, documentText, documentXml } from '../../test/read-back';

const template = {
  headerText: '宝丰县工业强县工作领导小组办公室文件',
  numberPrefix: '宝工强办',
  issuer: '宝丰县工业强县工作领导小组办公室',
  footerLines: ['抄送：县委办、县政府办。'],
};

const sample = () =>
  officialDocument({
    template,
    number: formatDocumentNumber('宝工强办', 2021, 12),
    title: '关于2021年9月工业经济运行情况的通报',
    addressee: '各乡镇人民政府、县直有关单位',
    blocks: [
      { kind: 'heading', level: 1, text: '一、总体情况' },
      { kind: 'paragraph', text: '1—9月，全县规上工业增加值增长 8.1%。\n第二段 <落后> & 说明。' },
      { kind: 'heading', level: 2, text: '（一）红灯单位' },
      {
        kind: 'table',
        caption: '表1 指标完成情况',
        columns: ['单位', '完成率', '等级'],
        rows: [
          ['大营镇', '61.2%', '红灯'],
          ['城关镇', '80.0%', '绿灯'],
        ],
      },
    ],
    date: '2021-10-12',
  });

describe('official documents (GB/T 9704)', () => {
  it('formats numbers and dates the way the standard writes them', () => {
    expect(formatDocumentNumber('宝工强办', 2021, 12)).toBe('宝工强办〔2021〕12号');
    expect(chineseDate('2021-03-05')).toBe('2021年3月5日');
  });

  it('lays out header, number, title, addressee, body, table, signature and date in order', async () => {
    const docx = await sample();
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const text = await documentText(docx);
    const at = (s: string) => text.indexOf(s);
    expect(at('宝丰县工业强县工作领导小组办公室文件')).toBe(0);
    expect(at('宝工强办〔2021〕12号')).toBe(1);
    expect(at('关于2021年9月工业经济运行情况的通报')).toBe(2);
    expect(at('各乡镇人民政府、县直有关单位：')).toBe(3);
    expect(at('一、总体情况')).toBe(4);
    expect(text).toContain('第二段 <落后> & 说明。');
    expect(at('宝丰县工业强县工作领导小组办公室')).toBeGreaterThan(at('城关镇'));
    expect(at('2021年10月12日')).toBe(at('宝丰县工业强县工作领导小组办公室') + 1);
    expect(await documentTable(docx, 0)).toEqual([
      ['单位', '完成率', '等级'],
      ['大营镇', '61.2%', '红灯'],
      ['城关镇', '80.0%', '绿灯'],
    ]);
  });

  it('prints the header in red over a red rule, in the GB2312 fonts with fallbacks, East Asian language zh-CN, with page numbers', async () => {
    const docx = await sample();
    const xml = await documentXml(docx);
    const header = xml.slice(0, xml.indexOf('宝丰县工业强县工作领导小组办公室文件'));
    expect(header).toMatch(/<w:color w:val="E60012"\/>/);
    expect(xml).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="E60012"/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    expect(xml).toContain('w:eastAsia="zh-CN"');
    const fonts = await documentXml(docx, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong,Noto Serif CJK SC"/>');
    expect(fonts).toContain('<w:font w:name="黑体"><w:altName w:val="SimHei,Noto Sans CJK SC"/>');
    const footers = (await Promise.all([1, 2, 3].map((n) => documentXml(docx, `word/footer${n}.xml`)))).join('');
    expect(footers).toContain('PAGE');
  });

  it('marks a draft instead of printing a number', async () => {
    const docx = await officialDocument({ template, number: null, title: '草稿', blocks: [], date: '2021-10-12' });
    expect((await documentText(docx))[1]).toBe('〔草稿〕');
  });

  it('ends a 文件格式 document with its 版记: the 抄送 lines, then the issuer and the 印发 date, between rules', async () => {
    const text = await documentText(await sample());
    expect(text.slice(-2)).toEqual(['抄送：县委办、县政府办。', '宝丰县工业强县工作领导小组办公室2021年10月12日印发']);
  });

  it('lays a letter out in 信函格式: red name over a double rule, number at the right, a double rule at the foot of page 1 and no 印发 line', async () => {
    const docx = await officialDocument({
      template: { ...template, headerText: '宝丰县工业强县工作领导小组办公室', footerLines: [] },
      layout: 'letter',
      number: '宝工强函〔2021〕3号',
      title: '关于大营镇2021年9月指标落后的提醒函',
      addressee: '大营镇人民政府',
      blocks: [
        { kind: 'paragraph', text: '请你单位于5个工作日内书面报告。' },
        { kind: 'paragraph', text: '特此函告。' },
      ],
      date: '2021-10-12',
    });
    const xml = await documentXml(docx);
    const head = xml.slice(0, xml.indexOf('宝工强函〔2021〕3号'));
    expect(head).toMatch(/<w:color w:val="E60012"\/>/);
    expect(head).toMatch(/<w:bottom w:val="thickThinMediumGap" w:color="E60012"/);
    expect(head.slice(head.lastIndexOf('<w:p>'))).toContain('<w:jc w:val="right"/>');
    expect(xml).toContain('<w:titlePg/>');
    const footers = (await Promise.all([1, 2, 3, 4].map((n) => documentXml(docx, `word/footer${n}.xml`)))).join('');
    expect(footers).toMatch(/<w:top w:val="thinThickMediumGap" w:color="E60012"/);
    const text = await documentText(docx);
    expect(text).toContain('大营镇人民政府：');
    expect(text.some((p) => p.endsWith('印发'))).toBe(false);
    // The request and the closing line go with the signature: neither is left behind on a page of its own.
    const closing = xml.split('</w:p>').filter((p) => p.includes('请你单位') || p.includes('特此函告'));
    expect(closing.every((p) => p.includes('<w:keepNext/>'))).toBe(true);
  });
});

describe('fitColumnWidths', () => {
  it.each([
    ['text only: the ratios as given', [1, 1], [['单位', '等级']], 2000, [1000, 1000]],
    ['a number wider than its share takes what it needs from the text column', [3, 1], [['大营镇', '12345678.90']], 4000, [2589, 1411]],
    ['a figure split by a line break needs only its widest line', [3, 1], [['大营镇', '61.2%\n+3.0']], 4000, [3000, 1000]],
    ['no room anywhere: the ratios stand', [1, 1], [['123456789012', '123456789012']], 1000, [500, 500]],
  ])('%s', (_name, ratios, rows, total, expected) => {
    const widths = fitColumnWidths(ratios, rows, total);
    expect(widths).toEqual(expected);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(total);
  });
});
