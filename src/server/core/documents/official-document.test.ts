import { describe, expect, it } from 'vitest';
import { chineseDate, formatDocumentNumber, officialDocument } from './official-document';
import { documentTable, documentText, documentXml } from './read-back';

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
});
