import { describe, expect, it } from 'vitest';
import type { DocumentBlockData } from '../../../shared/modules/documents.schemas';
import type { ProgressCell, Warnings } from '../../../shared/modules/indicators.schemas';
import { addresseeOf, allGreenUnits, composeNotice, composePraise, praiseTitle } from './compose';

type Level = ProgressCell['level'];
const UNITS = ['大营镇', '杨庄镇', '闹店镇', '石桥镇'];

/** A cell of unit `u` (index into UNITS) with its level, rank, completion and gap. */
const cell = (u: number, level: Level, rank: number | null, completion: number | null = 80, gapPp: number | null = 0): ProgressCell => ({
  unit: { id: u + 1, nameZh: UNITS[u], nameEn: `unit ${u + 1}`, kind: 'township' },
  target: 100,
  ytd: completion,
  yoyGrowth: null,
  completion,
  timeProgress: 75,
  gapPp,
  level,
  persistentRed: false,
  rank,
  answersForCounty: false,
});

const indicator = (id: number, nameZh: string) =>
  ({ id, code: `I${id}`, nameZh, nameEn: nameZh, unitZh: '亿元', unitEn: '100m yuan', decimals: 1 }) as Warnings['indicators'][number]['indicator'];

const boardOf = (...rows: ProgressCell[][]): Warnings => ({
  month: '2021-09',
  locked: true,
  indicators: rows.map((units, i) => ({ indicator: indicator(i + 1, `指标${i + 1}`), county: null, units })),
});

const tableOf = (blocks: DocumentBlockData[]) => blocks.find((b) => b.kind === 'table') as Extract<DocumentBlockData, { kind: 'table' }>;

describe('allGreenUnits', () => {
  it.each<[string, ProgressCell[][], string[]]>([
    [
      'every indicator green',
      [
        [cell(0, 'green', 1), cell(1, 'green', 2)],
        [cell(0, 'green', 2), cell(1, 'green', 1)],
      ],
      ['大营镇', '杨庄镇'],
    ],
    [
      'one yellow disqualifies',
      [
        [cell(0, 'green', 1), cell(1, 'green', 2)],
        [cell(0, 'yellow', 2), cell(1, 'green', 1)],
      ],
      ['杨庄镇'],
    ],
    ['a missing value disqualifies', [[cell(0, 'missing', null), cell(1, 'green', 1)]], ['杨庄镇']],
    ['a red one disqualifies', [[cell(0, 'red', 2), cell(1, 'green', 1)]], ['杨庄镇']],
    ['nobody all green', [[cell(0, 'red', 1), cell(1, 'yellow', 2)]], []],
    ['a unit with a target on one indicator only counts by that one', [[cell(0, 'green', 1)], [cell(1, 'red', 1)]], ['大营镇']],
    ['board order is kept', [[cell(2, 'green', 1), cell(0, 'green', 2)]], ['闹店镇', '大营镇']],
  ])('%s', (_name, rows, expected) => {
    expect(allGreenUnits(boardOf(...rows))).toEqual(expected);
  });
});

describe('composePraise', () => {
  it('titles the notice by its month', () => {
    expect(praiseTitle('2021-09')).toBe('关于2021年9月工业强县主要指标先进单位的通报');
  });

  it.each<[string, ProgressCell[][], string]>([
    [
      'names the green units and counts them',
      [[cell(0, 'green', 1), cell(1, 'green', 2), cell(2, 'red', 3)]],
      '大营镇、杨庄镇共2个单位本月各项主要指标均达到或超过序时进度，予以通报表扬。',
    ],
    ['says so when there are none', [[cell(0, 'red', 1)]], '本月无各项主要指标均达到序时进度的单位。'],
  ])('%s', (_name, rows, sentence) => {
    const blocks = composePraise(boardOf(...rows));
    expect(blocks.some((b) => b.kind === 'paragraph' && !b.editable && b.text === sentence)).toBe(true);
  });

  it.each<[string, ProgressCell[][], string[][]]>([
    [
      'the first three by rank, with completion and signed gap',
      [[cell(3, 'green', 4, 60, 1), cell(1, 'green', 1, 90.04, 15.04), cell(0, 'green', 3, 72, 3), cell(2, 'green', 2, 80, 5)]],
      [['指标1', '杨庄镇\n（90.0%，+15.0）', '闹店镇\n（80.0%，+5.0）', '大营镇\n（72.0%，+3.0）']],
    ],
    [
      'only green units: a yellow or red one ranked high is passed over',
      [[cell(3, 'red', 4, 60, -15), cell(1, 'green', 1, 90.04, 15.04), cell(0, 'yellow', 2, 72, -1), cell(2, 'green', 3, 80, 5)]],
      [['指标1', '杨庄镇\n（90.0%，+15.0）', '闹店镇\n（80.0%，+5.0）', '—']],
    ],
    [
      'fewer than three ranked units leave a dash',
      [[cell(0, 'green', 1, 80, 5), cell(1, 'missing', null, null, null)]],
      [['指标1', '大营镇\n（80.0%，+5.0）', '—', '—']],
    ],
    ['a growth indicator has no completion: the gap alone', [[cell(0, 'green', 1, null, 1.5)]], [['指标1', '大营镇\n（—，+1.5）', '—', '—']]],
    [
      'an indicator without ranks is left out',
      [[cell(0, 'missing', null, null, null)], [cell(1, 'green', 1, 80, 0)]],
      [['指标2', '杨庄镇\n（80.0%，0.0）', '—', '—']],
    ],
  ])('%s', (_name, rows, expected) => {
    const table = tableOf(composePraise(boardOf(...rows)));
    expect(table.columns).toEqual(['指标', '第一位', '第二位', '第三位']);
    expect(table.rows).toEqual(expected);
  });

  it('leaves the opening and the closing to the office, and the data fixed', () => {
    const blocks = composePraise(boardOf([cell(0, 'green', 1)]));
    const editable = blocks.flatMap((b, i) => (b.kind === 'paragraph' && b.editable ? [i] : []));
    expect(editable).toEqual([0, blocks.length - 1]);
    expect((blocks[0] as { text: string }).text).toContain('2021年9月');
  });
});

describe('composeNotice', () => {
  it('gives a growth row (no completion) no time-progress figure, and a cumulative row its own', () => {
    const red = (u: number, completion: number | null, gapPp: number) => ({ ...cell(u, 'red', 1, completion, gapPp), persistentRed: true });
    const table = tableOf(composeNotice(boardOf([red(0, 60, -15)], [red(1, null, -3)]), [], 5));
    expect(table.rows).toEqual([
      ['大营镇', '指标1', '60.0%', '75.0%', '-15.0'],
      ['杨庄镇', '指标2', '—', '—', '-3.0'],
    ]);
  });
});

describe('composeNotice sentences', () => {
  const red = { ...cell(0, 'red', 1, 60, -15), persistentRed: true };
  const overdue = [{ id: 1, title: '事项', dueDate: '2021-09-30', unitNameZh: '大营镇' }];
  const headings = (blocks: DocumentBlockData[]) => blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
  const texts = (blocks: DocumentBlockData[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

  it.each([
    [
      'red units and overdue tasks',
      [red],
      overdue,
      ['一、主要指标连续两个月亮红灯的单位', '二、逾期未办结的督办事项', '三、有关要求'],
      '主要指标连续落后单位和逾期督办事项',
      true,
    ],
    ['red units, nothing overdue: no overdue section', [red], [], ['一、主要指标连续两个月亮红灯的单位', '二、有关要求'], '主要指标连续落后单位通报如下', true],
    [
      'no unit named: no reply is asked for',
      [cell(0, 'green', 1)],
      [],
      ['一、主要指标连续两个月亮红灯的单位', '二、有关要求'],
      '主要指标连续落后单位通报如下',
      false,
    ],
  ])('%s', (_name, units, tasks, expectedHeadings, opening, asksReply) => {
    const blocks = composeNotice(boardOf(units), tasks, 7);
    expect(headings(blocks)).toEqual(expectedHeadings);
    expect(texts(blocks)[0]).toContain(opening);
    expect(texts(blocks).some((t) => t.includes('7个工作日内'))).toBe(asksReply);
    expect(texts(blocks).some((t) => t.includes('逾期'))).toBe(tasks.length > 0);
  });
});

describe('addresseeOf', () => {
  it.each([
    [{ kind: 'township', nameZh: '大营镇' }, '大营镇人民政府'],
    [{ kind: 'township', nameZh: '肖旗乡' }, '肖旗乡人民政府'],
    [{ kind: 'township', nameZh: '铁路街道' }, '铁路街道办事处'],
    [{ kind: 'department', nameZh: '县科技局' }, '县科技局'],
  ])('%o → %s', (unit, expected) => expect(addresseeOf(unit)).toBe(expected));
});
