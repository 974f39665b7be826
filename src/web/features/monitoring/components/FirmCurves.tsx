import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { FirmMonitoring } from '../../../../shared/modules/monitoring.schemas';

// Only what these charts draw, so the page does not carry the whole of ECharts.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Measure = 'output' | 'electricity' | 'taxes';
const value: Record<Measure, (m: FirmMonitoring['months'][number]) => number | null> = {
  output: (m) => (m.outputFen === null ? null : Math.round(m.outputFen / 10_000) / 100),
  electricity: (m) => m.electricityKwh,
  taxes: (m) => (m.taxesFen === null ? null : Math.round(m.taxesFen / 10_000) / 100),
};
const COLOUR: Record<Measure, string> = { output: '#1677ff', electricity: '#fa8c16', taxes: '#52c41a' };

/** One measure over the firm's 24 months: the last 12 against the 12 before, month by month. */
export default function FirmCurve({ data, measure }: { data: FirmMonitoring; measure: Measure }) {
  const { t } = useTranslation();
  const recent = data.months.slice(12);
  const before = data.months.slice(0, 12);
  const option = {
    animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: recent.map((m) => t('monitoring.monthShort', { month: Number(m.month.slice(5)) })) },
    yAxis: { type: 'value' },
    series: [
      {
        name: `${t('monitoring.prevYear')} ${before[0]?.month ?? ''}～${before[11]?.month ?? ''}`,
        type: 'line',
        data: before.map(value[measure]),
        lineStyle: { type: 'dashed' },
        color: '#8c8c8c',
        symbol: 'none',
      },
      {
        name: `${t('monitoring.thisYear')} ${recent[0]?.month ?? ''}～${recent[11]?.month ?? ''}`,
        type: 'line',
        data: recent.map(value[measure]),
        color: COLOUR[measure],
        symbolSize: 7,
      },
    ],
  };
  return (
    <div data-testid={`curve-${measure}`} role="img" aria-label={t(`monitoring.${measure}`)}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 260 }} notMerge />
    </div>
  );
}
