import type { DocumentBlockData } from '../../../shared/modules/documents.schemas';
import { projectProgress } from '../../../shared/rules/project-progress';
import type { BriefSection } from '../../core/modules/module';
import { lastDayOfMonth } from './dates';
import { projectsRepository } from './projects.repository';
import { colourBasis } from './projects.service';

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
const wan = (fen: number) => (fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
const monthZh = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;

/**
 * The key projects as they stood at the end of a month (the colours the month close gave them): counts by colour, the
 * red projects with their township and investment completion against time progress, and the milestones overdue at the
 * month's end (due before its last day and not met by then). County-wide.
 */
export async function projectProgressForBrief(db: Parameters<BriefSection['compose']>[0], deps: Parameters<BriefSection['compose']>[1], month: string) {
  const end = lastDayOfMonth(month);
  const basis = { ...(await colourBasis(deps, db, end)), asOfMonth: month };
  const rows = await projectsRepository.all(db, { all: true }, basis, { sort: 'code', order: 'asc' });
  const colours = { green: 0, yellow: 0, red: 0 };
  for (const r of rows) colours[r.colour as keyof typeof colours] += 1;
  const red = rows.filter((r) => r.colour === 'red');
  const units = await projectsRepository.units(db, [...new Set(red.map((r) => r.townshipUnitId))]);
  const milestones = await projectsRepository.milestones(
    db,
    rows.map((r) => r.id),
  );
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return {
    month,
    total: rows.length,
    colours,
    red: red.map((r) => {
      const p = projectProgress(
        {
          completedThisYearFen: Number(r.ytdFen ?? 0),
          annualPlanFen: Number(r.annualPlanFen),
          month: Number(month.slice(5, 7)),
          started: Number(r.started) === 1,
          plannedStart: r.plannedStart,
          today: end,
        },
        basis.thresholds,
      );
      return {
        name: r.name,
        township: units.find((u) => u.id === r.townshipUnitId)?.nameZh ?? '',
        annualPlanFen: Number(r.annualPlanFen),
        ytdFen: Number(r.ytdFen ?? 0),
        completion: p.completion,
        timeProgress: p.timeProgress,
      };
    }),
    overdue: milestones
      .filter((m) => m.dueDate < end && (m.metDate === null || m.metDate > end))
      .map((m) => ({ project: names.get(m.projectId) ?? '', name: m.name, unit: m.unitNameZh, dueDate: m.dueDate }))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.project.localeCompare(b.project)),
  };
}

/** The work brief's 重点项目进展 section, contributed through the module manifest (`briefSections`). */
export const projectsBriefSection: BriefSection = {
  title: '重点项目进展',
  async compose(db, deps, month) {
    const p = await projectProgressForBrief(db, deps, month);
    const blocks: DocumentBlockData[] = [
      {
        kind: 'paragraph',
        text: p.total
          ? `截至${monthZh(month)}底，全县在库重点项目${p.total}个，其中绿灯${p.colours.green}个、黄灯${p.colours.yellow}个、红灯${p.colours.red}个。`
          : `截至${monthZh(month)}底，全县暂无在库重点项目。`,
      },
      { kind: 'heading', level: 2, text: '（一）红灯项目' },
    ];
    if (p.red.length) {
      blocks.push({ kind: 'paragraph', text: `本月亮红灯的项目${p.red.length}个：` });
      blocks.push({
        kind: 'table',
        caption: `${monthZh(month)}红灯重点项目`,
        columns: ['项目名称', '所在乡镇', '年度计划（万元）', '累计完成（万元）', '完成率', '序时进度'],
        widths: [4, 1.6, 1.5, 1.5, 1.2, 1.2],
        rows: p.red.map((r) => [r.name, r.township, wan(r.annualPlanFen), wan(r.ytdFen), pct(r.completion), pct(r.timeProgress)]),
      });
    } else blocks.push({ kind: 'paragraph', text: '本月无红灯项目。' });
    blocks.push({ kind: 'heading', level: 2, text: '（二）逾期节点' });
    if (p.overdue.length) {
      blocks.push({ kind: 'paragraph', text: `截至月底，共有${p.overdue.length}个项目节点逾期未完成：` });
      blocks.push({
        kind: 'table',
        caption: '逾期未完成的项目节点',
        columns: ['项目', '节点', '责任单位', '计划完成日期'],
        widths: [3.5, 2, 2, 1.5],
        rows: p.overdue.map((m) => [m.project, m.name, m.unit, m.dueDate]),
      });
    } else blocks.push({ kind: 'paragraph', text: '截至月底，无逾期未完成的项目节点。' });
    return blocks;
  },
};
