import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS one's default export arrives wrapped in an object after bundling.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { Trend } from '../../../../shared/modules/indicators.schemas';
import { useLocalName } from '../../../lib/names';
import { LEVEL_COLOURS } from './LevelTag';

// Only what this chart draws, so the page does not carry the whole of ECharts.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Plan against actual by month (year to date), last year dotted; each actual point coloured by its level. */
export default function TrendChart({ trend }: { trend: Trend }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const cumulative = trend.indicator.kind === 'cumulative';
  const option = {
    // Drawing the lines in is decoration; people (and screenshots) who ask for less motion get the finished chart.
    animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.months.map((m) => t('indicators.monthShort', { month: Number(m.month.slice(5)) })) },
    yAxis: { type: 'value', name: trend.indicator.unitZh, scale: !cumulative },
    series: [
      { name: t('trend.planned'), type: 'line', data: trend.months.map((m) => m.planned), lineStyle: { type: 'dashed' }, symbol: 'none', color: '#8c8c8c' },
      {
        name: t('trend.actual'),
        type: 'line',
        color: '#1f4e99',
        data: trend.months.map((m) => (m.actual === null ? null : { value: m.actual, itemStyle: { color: LEVEL_COLOURS[m.level] } })),
        symbolSize: 9,
      },
      ...(trend.months.some((m) => m.lastYear !== null)
        ? [
            {
              name: t('trend.lastYear'),
              type: 'line',
              data: trend.months.map((m) => m.lastYear),
              lineStyle: { type: 'dotted' },
              color: '#bfbfbf',
              symbol: 'none',
            },
          ]
        : []),
    ],
  };
  return (
    <div data-testid="trend-chart" role="img" aria-label={`${localName(trend.indicator)} · ${localName(trend.unit)}`}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 300 }} notMerge />
    </div>
  );
}
