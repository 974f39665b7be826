import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../shared/modules/projects.schemas';
import { COLOURS } from './bits';

// Only what this chart draws, so the page does not carry the whole of ECharts.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Cumulative investment this year against time progress of the annual plan, in 万元; the actual line in the project's colour. */
export default function InvestmentCurve({ project }: { project: Project }) {
  const { t } = useTranslation();
  const year = project.progress.asOfMonth.slice(0, 4);
  const last = Number(project.progress.asOfMonth.slice(5, 7));
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  let sum = 0;
  const actual = months.map((m) => {
    if (m > last) return null;
    sum += project.investments.find((x) => x.month === `${year}-${String(m).padStart(2, '0')}`)?.completedFen ?? 0;
    return Math.round(sum / 10_000) / 100;
  });
  const option = {
    animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => t('indicators.monthShort', { month: m })) },
    yAxis: { type: 'value', name: t('projects.wan') },
    series: [
      {
        name: t('projects.planLine'),
        type: 'line',
        data: months.map((m) => Math.round((project.annualPlanFen * m) / 12 / 10_000) / 100),
        lineStyle: { type: 'dashed' },
        symbol: 'none',
        color: '#8c8c8c',
      },
      { name: t('projects.actualLine'), type: 'line', data: actual, color: COLOURS[project.colour], symbolSize: 8 },
    ],
  };
  return (
    <div data-testid="investment-curve" role="img" aria-label={t('projects.curve')}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 280 }} notMerge />
    </div>
  );
}
