import { CustomChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { GanttPage } from '../../../../shared/modules/projects.schemas';
import { COLOURS } from './bits';

// A custom series draws each project's planned span; scatter series its milestones planned and met. No Gantt library:
// ECharts is already here, and its custom series gives bars, points and tooltips in a few lines.
echarts.use([CustomChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const STATE_COLOUR = { pending: '#8c8c8c', due_soon: '#d48806', overdue: '#cf1322', met: '#389e0d', met_late: '#d46b08' } as const;

type Api = {
  value: (i: number) => number;
  coord: (v: [number, number]) => [number, number];
  size: (v: [number, number]) => [number, number];
  style: (s: object) => object;
};

/** Each project's milestones, planned (hollow diamonds on a light bar) against met (filled dots), today marked. */
export default function GanttChart({ page, today }: { page: GanttPage; today: string }) {
  const { t } = useTranslation();
  const rows = [...page.items].reverse();
  const names = rows.map((r) => (r.name.length > 16 ? `${r.name.slice(0, 16)}…` : r.name));
  const ts = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const spans = rows.map((r, i) => {
    const dates = r.milestones.flatMap((m) => [m.dueDate, m.metDate].filter((x): x is string => !!x)).map(ts);
    return [i, Math.min(...dates), Math.max(...dates), r.colour] as const;
  });
  const planned = rows.flatMap((r, i) => r.milestones.map((m) => ({ value: [ts(m.dueDate), i], name: m.name, state: m.state, date: m.dueDate })));
  const actual = rows.flatMap((r, i) =>
    r.milestones
      .filter((m) => m.metDate)
      .map((m) => ({
        value: [ts(m.metDate as string), i],
        name: m.name,
        state: m.state,
        date: m.metDate as string,
        itemStyle: { color: STATE_COLOUR[m.state] },
      })),
  );
  const overdue = rows.flatMap((r, i) =>
    r.milestones.filter((m) => m.state === 'overdue').map((m) => ({ value: [ts(m.dueDate), i], name: m.name, state: m.state, date: m.dueDate })),
  );
  const tip = (p: { data: { name: string; state: keyof typeof STATE_COLOUR; date: string }; seriesName: string }) =>
    `${p.data.name}<br/>${p.seriesName} ${p.data.date} · ${t(`projects.milestoneStates.${p.data.state}`)}`;
  const option = {
    animation: false,
    tooltip: { trigger: 'item', formatter: (p: { seriesType: string } & Parameters<typeof tip>[0]) => (p.seriesType === 'custom' ? '' : tip(p)) },
    legend: { top: 0, data: [t('projects.ganttPlanned'), t('projects.ganttActual'), t('projects.milestoneStates.overdue')] },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: names, axisTick: { show: false } },
    series: [
      {
        type: 'custom',
        name: 'span',
        silent: true,
        renderItem: (_: unknown, api: Api) => {
          const y = api.value(0);
          const [x0, yc] = api.coord([api.value(1), y]);
          const [x1] = api.coord([api.value(2), y]);
          const h = api.size([0, 1])[1] * 0.36;
          return {
            type: 'rect',
            shape: { x: x0, y: yc - h / 2, width: Math.max(2, x1 - x0), height: h, r: 3 },
            style: api.style({ fill: `${COLOURS[spans[y][3]]}26` }),
          };
        },
        encode: { x: [1, 2], y: 0 },
        data: spans.map((s) => [s[0], s[1], s[2]]),
        markLine: { silent: true, symbol: 'none', lineStyle: { color: '#1f4e99', type: 'dashed' }, label: { formatter: today }, data: [{ xAxis: ts(today) }] },
      },
      {
        type: 'scatter',
        name: t('projects.ganttPlanned'),
        symbol: 'diamond',
        symbolSize: 9,
        itemStyle: { color: '#fff', borderColor: '#595959', borderWidth: 1.5 },
        data: planned,
      },
      { type: 'scatter', name: t('projects.ganttActual'), symbol: 'circle', symbolSize: 9, itemStyle: { color: '#389e0d' }, data: actual },
      { type: 'scatter', name: t('projects.milestoneStates.overdue'), symbol: 'diamond', symbolSize: 11, itemStyle: { color: '#cf1322' }, data: overdue },
    ],
  };
  return (
    <div data-testid="gantt-chart" role="img" aria-label={t('nav.projectGantt')}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: Math.max(240, rows.length * 34 + 80) }} notMerge />
    </div>
  );
}
