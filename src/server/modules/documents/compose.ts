import type { DocumentBlockData } from '../../../shared/modules/documents.schemas';
import type { ProgressCell, Warnings } from '../../../shared/modules/indicators.schemas';
import { shownTimeProgress } from '../../../shared/rules/indicator-progress';
import type { LaggingUnit } from '../indicators';

// Pure composition of the bodies of briefs, letters and notices from a month's board; no database, so tests read it directly.

const LEVEL_ZH = { green: '绿灯', yellow: '黄灯', red: '红灯', missing: '未报' } as const;
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
const pp = (v: number | null) => (v === null ? '—' : v.toFixed(1));
const timeProgressOf = (c: Pick<ProgressCell, 'completion' | 'timeProgress'>) => pct(shownTimeProgress(c));
const num = (v: number | null, decimals: number) => (v === null ? '—' : v.toFixed(decimals));
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
const monthZh = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;

export interface OverdueTask {
  id: number;
  title: string;
  dueDate: string;
  unitNameZh: string;
}

/** A module's section of the brief (see `BriefSection` in core/modules/module.ts): its title and blocks. */
export interface BriefSectionBlocks {
  title: string;
  blocks: DocumentBlockData[];
}
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The title of a month's brief. */
export const briefTitle = (month: string) => `${monthZh(month)}工业强县主要指标运行情况`;

/** Units with a red or missing indicator, with the indicators, in the board's unit order. */
function redUnits(board: Warnings, persistentOnly: boolean): { name: string; indicators: string[] }[] {
  const byUnit = new Map<number, { name: string; indicators: string[] }>();
  for (const row of board.indicators)
    for (const cell of row.units) {
      if (cell.level !== 'red' || (persistentOnly && !cell.persistentRed)) continue;
      const entry = byUnit.get(cell.unit.id) ?? { name: cell.unit.nameZh, indicators: [] };
      entry.indicators.push(row.indicator.nameZh);
      byUnit.set(cell.unit.id, entry);
    }
  return [...byUnit.values()];
}

/** The indicators that rank their units, each with its ranked units best first. */
function rankedIndicators(board: Warnings) {
  return board.indicators
    .map((r) => ({ indicator: r.indicator, ranked: r.units.filter((c) => c.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)) }))
    .filter((r) => r.ranked.length > 0);
}

// Units rank by their gap to time progress, so the gap is shown beside the completion it explains.
const signedGap = (c: ProgressCell) => (c.gapPp === null ? '—' : `${c.gapPp > 0 ? '+' : ''}${c.gapPp.toFixed(1)}`);
const rankedLabel = (c: ProgressCell, separator = '') => `${c.unit.nameZh}${separator}（${pct(c.completion)}，${signedGap(c)}）`;

const describeUnits = (units: { name: string; indicators: string[] }[]) => units.map((u) => `${u.name}（${u.indicators.join('、')}）`).join('；');

/** The overdue 督办 tasks as a numbered table of a brief or a notice. */
function overdueTable(number: string, overdue: OverdueTask[]): DocumentBlockData {
  return {
    kind: 'table',
    caption: `${number} 逾期督办事项`,
    columns: ['事项', '承办单位', '截止日期'],
    widths: [4, 2, 1.5],
    rows: overdue.map((t) => [t.title, t.unitNameZh, t.dueDate]),
  };
}

/**
 * A month's work brief: the county's completion of each indicator against time progress, the traffic lights of the
 * units, rankings, red and persistent-red units by name and overdue 督办 tasks. Paragraphs marked editable are the
 * office's narrative; the rest is the data and is rebuilt from it.
 */
export function composeBrief(board: Warnings, overdue: OverdueTask[], sections: BriefSectionBlocks[] = []): DocumentBlockData[] {
  const county = board.indicators.filter((r) => r.county);
  const completed = county.flatMap((r) => (r.county?.completion != null ? [{ indicator: r.indicator, county: r.county }] : []));
  const count = (level: ProgressCell['level']) => county.filter((r) => r.county?.level === level).length;
  const blocks: DocumentBlockData[] = [
    { kind: 'heading', level: 1, text: '一、全县指标完成情况' },
    {
      kind: 'paragraph',
      editable: true,
      text: `截至${monthZh(board.month)}，全县${county.length}项主要指标中，${count('green')}项达到序时进度，${count('yellow')}项略低于序时进度，${count('red')}项明显落后于序时进度${count('missing') ? `，${count('missing')}项数据未报` : ''}。`,
    },
    {
      kind: 'table',
      caption: `表1 ${monthZh(board.month)}全县主要指标完成情况`,
      columns: ['指标', '计量单位', '年度目标', '累计完成', '完成率', '序时进度', '差距（百分点）', '等级'],
      widths: [3, 1.4, 1.4, 1.4, 1.3, 1.3, 1.5, 1],
      rows: county.map((r) => {
        const c = r.county as ProgressCell;
        return [
          r.indicator.nameZh,
          r.indicator.unitZh,
          num(c.target, r.indicator.decimals),
          num(c.ytd, r.indicator.decimals),
          pct(c.completion),
          timeProgressOf(c),
          pp(c.gapPp),
          LEVEL_ZH[c.level],
        ];
      }),
    },
    // Growth and ratio indicators have no completion rate to set against time progress: the chart leaves them out.
    {
      kind: 'chart',
      caption: `图1 ${monthZh(board.month)}全县主要指标完成率与序时进度`,
      unit: '%',
      categories: completed.map((r) => r.indicator.nameZh),
      series: [
        { name: '完成率', type: 'bar', data: completed.map((r) => round1(r.county.completion)) },
        { name: '序时进度', type: 'bar', data: completed.map((r) => round1(r.county.timeProgress)) },
      ],
    },
    { kind: 'heading', level: 1, text: '二、各单位预警情况' },
  ];
  const units = new Map<number, { name: string; counts: Record<ProgressCell['level'], number> }>();
  for (const row of board.indicators)
    for (const cell of row.units) {
      const entry = units.get(cell.unit.id) ?? { name: cell.unit.nameZh, counts: { green: 0, yellow: 0, red: 0, missing: 0 } };
      entry.counts[cell.level] += 1;
      units.set(cell.unit.id, entry);
    }
  const unitRows = [...units.values()].sort((a, b) => b.counts.red - a.counts.red || b.counts.missing - a.counts.missing || b.counts.green - a.counts.green);
  blocks.push({
    kind: 'table',
    caption: '表2 各单位指标预警（红黄绿灯）情况',
    columns: ['单位', '绿灯', '黄灯', '红灯', '未报'],
    widths: [3, 1, 1, 1, 1],
    rows: unitRows.map((u) => [u.name, String(u.counts.green), String(u.counts.yellow), String(u.counts.red), String(u.counts.missing)]),
  });
  // Reporting completeness: a unit has reported when none of its indicators is missing this month.
  const missing = unitRows.filter((u) => u.counts.missing > 0);
  blocks.push({
    kind: 'paragraph',
    text: missing.length
      ? `本月应报送数据单位${unitRows.length}个，按期全部报送${unitRows.length - missing.length}个；${missing.map((u) => `${u.name}（${u.counts.missing}项）`).join('、')}有指标未按期报送。`
      : `本月应报送数据单位${unitRows.length}个，均已按期报送。`,
  });
  const red = redUnits(board, false);
  const persistent = redUnits(board, true);
  blocks.push({ kind: 'heading', level: 2, text: '（一）红灯单位' });
  blocks.push({ kind: 'paragraph', text: red.length ? `本月亮红灯的单位：${describeUnits(red)}。` : '本月无亮红灯的单位。' });
  blocks.push({ kind: 'heading', level: 2, text: '（二）连续红灯单位' });
  blocks.push({ kind: 'paragraph', text: persistent.length ? `连续两个月亮红灯的单位：${describeUnits(persistent)}。` : '本月无连续两个月亮红灯的单位。' });
  blocks.push({ kind: 'heading', level: 2, text: '（三）指标排名' });
  blocks.push({
    kind: 'table',
    caption: '表3 各指标完成情况排名',
    columns: ['指标', '前三位（完成率，差距）', '后三位（完成率，差距）'],
    widths: [2, 3, 3],
    rows: rankedIndicators(board).map(({ indicator, ranked }) => {
      const names = (cells: ProgressCell[]) => cells.map((c) => rankedLabel(c)).join('、');
      // The last three that are not already among the first three.
      return [indicator.nameZh, names(ranked.slice(0, 3)), ranked.length > 3 ? names(ranked.slice(Math.max(3, ranked.length - 3)).reverse()) : '—'];
    }),
  });
  blocks.push({ kind: 'heading', level: 1, text: '三、督办事项办理情况' });
  blocks.push({
    kind: 'paragraph',
    text: overdue.length ? `截至目前，共有${overdue.length}项督办事项逾期未办结：` : '截至目前，无逾期未办结的督办事项。',
  });
  if (overdue.length) blocks.push(overdueTable('表4', overdue));
  // The modules' sections (重点项目进展…), numbered on from 三 with their tables numbered on from the brief's.
  let table = overdue.length ? 5 : 4;
  sections.forEach((section, i) => {
    blocks.push({ kind: 'heading', level: 1, text: `${NUMERALS[3 + i]}、${section.title}` });
    for (const b of section.blocks) blocks.push(b.kind === 'table' && b.caption ? { ...b, caption: `表${table++} ${b.caption}` } : b);
  });
  blocks.push({ kind: 'heading', level: 1, text: `${NUMERALS[3 + sections.length]}、下步工作` });
  blocks.push({
    kind: 'paragraph',
    editable: true,
    text: '各红灯单位要认真分析指标落后原因，制定切实可行的整改措施，确保尽快赶上序时进度；县工业强县办将持续跟踪督办，并在下月简报中通报整改情况。',
  });
  return blocks;
}

/**
 * The name a letter is addressed to (主送机关): a township's government by its full name (大营镇人民政府, 铁路街道办事处);
 * a department by its name, which is already the normal short form (县科技局).
 */
export function addresseeOf(unit: { kind: string; nameZh: string }): string {
  if (unit.kind !== 'township') return unit.nameZh;
  return unit.nameZh.endsWith('街道') ? `${unit.nameZh}办事处` : `${unit.nameZh}人民政府`;
}

/** The title of a reminder letter to a unit. */
export const letterTitle = (month: string, unitNameZh: string) => `关于${unitNameZh}${monthZh(month)}指标落后的提醒函`;

/** A reminder letter (提醒函) to one lagging unit: its red and missing indicators, targets, YTD values and gaps. */
export function composeLetter(month: string, lagging: LaggingUnit, responseWorkingDays: number): DocumentBlockData[] {
  return [
    {
      kind: 'paragraph',
      editable: true,
      text: `根据${monthZh(month)}全县工业强县主要指标监测情况，你单位以下指标低于序时进度或未按期报送数据，现予提醒。`,
    },
    {
      kind: 'table',
      columns: ['指标', '年度目标', '累计完成', '完成率', '序时进度', '差距（百分点）', '情况'],
      widths: [3, 1.4, 1.4, 1.2, 1.2, 1.5, 1.3],
      rows: lagging.cells.map((c) => [
        `${c.indicator.nameZh}（${c.indicator.unitZh}）`,
        num(c.target, c.indicator.decimals),
        num(c.ytd, c.indicator.decimals),
        pct(c.completion),
        timeProgressOf(c),
        pp(c.gapPp),
        c.level === 'missing' ? '未报' : c.persistentRed ? '连续红灯' : '红灯',
      ]),
    },
    {
      kind: 'paragraph',
      text: `请你单位高度重视，认真分析指标落后原因，于收到本函之日起${responseWorkingDays}个工作日内，将落后原因、整改措施和完成时限书面报县工业强县办，并在平台督办事项中填报办理情况。`,
    },
    { kind: 'paragraph', editable: true, text: '特此函告。' },
  ];
}

/** The title of a month's criticism notice. */
export const noticeTitle = (month: string) => `关于${monthZh(month)}工业强县主要指标连续落后单位的通报`;

/** The title of a month's praise notice. */
export const praiseTitle = (month: string) => `关于${monthZh(month)}工业强县主要指标先进单位的通报`;

/** The units red two months running in a board, each once, in the board's order: whom a criticism notice names. */
export function persistentRedUnits(board: Warnings): ProgressCell['unit'][] {
  const units = new Map<number, ProgressCell['unit']>();
  for (const row of board.indicators) for (const cell of row.units) if (cell.level === 'red' && cell.persistentRed) units.set(cell.unit.id, cell.unit);
  return [...units.values()];
}

/**
 * A notice (通报) of a locked month: the units red two months running, indicator by indicator, and the overdue
 * 督办 tasks when there are any; the opening and the requirements are the office's narrative. It asks the units it
 * names for a written report within the cycle's working days (issuing it gives each of them that 督办 task), and asks
 * for none when it names no unit.
 */
export function composeNotice(board: Warnings, overdue: OverdueTask[], responseWorkingDays: number): DocumentBlockData[] {
  const rows: string[][] = [];
  for (const row of board.indicators)
    for (const cell of row.units)
      if (cell.level === 'red' && cell.persistentRed)
        rows.push([cell.unit.nameZh, row.indicator.nameZh, pct(cell.completion), timeProgressOf(cell), pp(cell.gapPp)]);
  rows.sort((a, b) => a[0].localeCompare(b[0], 'zh-CN'));
  const subjects = ['主要指标连续落后单位', ...(overdue.length ? ['逾期督办事项'] : [])].join('和');
  const blocks: DocumentBlockData[] = [
    {
      kind: 'paragraph',
      editable: true,
      text: `为进一步压实工作责任，推动主要指标赶超进位，根据${monthZh(board.month)}指标监测和督办情况，现将${subjects}通报如下。`,
    },
    { kind: 'heading', level: 1, text: '一、主要指标连续两个月亮红灯的单位' },
  ];
  if (rows.length)
    blocks.push({
      kind: 'table',
      caption: '表1 连续红灯单位及指标',
      columns: ['单位', '指标', '完成率', '序时进度', '差距（百分点）'],
      widths: [2, 3, 1.3, 1.3, 1.5],
      rows,
    });
  else blocks.push({ kind: 'paragraph', text: '本月无连续两个月亮红灯的单位。' });
  let section = 1;
  if (overdue.length) {
    blocks.push({ kind: 'heading', level: 1, text: `${NUMERALS[section++]}、逾期未办结的督办事项` });
    blocks.push(overdueTable(rows.length ? '表2' : '表1', overdue));
  }
  blocks.push({ kind: 'heading', level: 1, text: `${NUMERALS[section]}、有关要求` });
  blocks.push({
    kind: 'paragraph',
    editable: true,
    text: rows.length
      ? `被通报单位要深刻查摆问题，主要负责同志要亲自研究部署，于收到通报后${responseWorkingDays}个工作日内向县工业强县办书面报告整改措施，并在平台督办事项中填报办理情况；县工业强县办将持续跟踪，对整改不力的单位提请县委、县政府约谈。`
      : '各单位要对照序时进度查找差距，巩固向好势头，确保全面完成全年目标任务。',
  });
  return blocks;
}

/** Units every indicator of which is green this month (a yellow, red or missing one disqualifies), in the board's order. */
export function allGreenUnits(board: Warnings): string[] {
  const units = new Map<number, { name: string; green: boolean }>();
  for (const row of board.indicators)
    for (const cell of row.units) {
      const entry = units.get(cell.unit.id) ?? { name: cell.unit.nameZh, green: true };
      entry.green &&= cell.level === 'green';
      units.set(cell.unit.id, entry);
    }
  return [...units.values()].filter((u) => u.green).map((u) => u.name);
}

/**
 * A praise notice (表扬通报) of a locked month: the units all of whose indicators are green, and the first three green
 * units of each indicator with their completion and gap; the opening and the closing are the office's narrative.
 */
export function composePraise(board: Warnings): DocumentBlockData[] {
  const green = allGreenUnits(board);
  // The figures go on a line of their own under the name: a narrow cell would otherwise break inside a number.
  // Only units at or ahead of time progress are praised: a yellow unit may rank high but is still behind.
  const podium = (ranked: ProgressCell[]) => {
    const ahead = ranked.filter((c) => c.level === 'green');
    return [0, 1, 2].map((i) => (ahead[i] ? rankedLabel(ahead[i], '\n') : '—'));
  };
  return [
    {
      kind: 'paragraph',
      editable: true,
      text: `为激励先进、营造比学赶超的浓厚氛围，根据${monthZh(board.month)}指标监测情况，现将主要指标运行先进单位通报表扬如下。`,
    },
    { kind: 'heading', level: 1, text: '一、各项主要指标均达到序时进度的单位' },
    {
      kind: 'paragraph',
      text: green.length
        ? `${green.join('、')}共${green.length}个单位本月各项主要指标均达到或超过序时进度，予以通报表扬。`
        : '本月无各项主要指标均达到序时进度的单位。',
    },
    { kind: 'heading', level: 1, text: '二、各项主要指标完成情况前三位的单位' },
    {
      kind: 'table',
      caption: '表1 各项主要指标前三位单位（完成率，差距）',
      columns: ['指标', '第一位', '第二位', '第三位'],
      widths: [2.4, 2.5, 2.5, 2.5],
      rows: rankedIndicators(board).map(({ indicator, ranked }) => [indicator.nameZh, ...podium(ranked)]),
    },
    { kind: 'heading', level: 1, text: '三、希望和要求' },
    {
      kind: 'paragraph',
      editable: true,
      text: '希望受到表扬的单位珍惜荣誉、再接再厉，继续保持领先势头；其他单位要对标先进、找准差距，奋力赶超，确保全面完成全年目标任务。',
    },
  ];
}
