import type { EChartsCoreOption } from 'echarts/core';
import type { DocumentChart } from '../modules/documents.schemas';

// One ECharts option for a document's chart, so the browser preview and the image in the .docx draw the same picture.

/** Red for a document's main series, then the grey, blue and orange an official print reads well in. */
const PALETTE = ['#c0392b', '#a6a6a6', '#2f5597', '#e67e22'];

/** Pixels a chart needs: the legend and axis, plus a band per category (the categories run down the side). */
export const documentChartHeight = (chart: DocumentChart) => 72 + chart.categories.length * (14 * chart.series.length + 14);

/**
 * Categories down the side and bars across, because category names (indicators, units) are long Chinese names
 * that would overlap under a vertical bar chart.
 */
export function documentChartOption(chart: DocumentChart, options: { animation: boolean; tooltip: boolean; fontFamily?: string }): EChartsCoreOption {
  return {
    animation: options.animation,
    color: PALETTE,
    textStyle: options.fontFamily ? { fontFamily: options.fontFamily } : undefined,
    legend: { top: 0 },
    ...(options.tooltip ? { tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } } } : {}),
    // ECharts 6 keeps the axis labels inside these bounds by itself.
    grid: { left: 8, right: 40, top: 32, bottom: 8 },
    yAxis: { type: 'category', data: chart.categories, inverse: true, axisLabel: { fontSize: 12 } },
    xAxis: { type: 'value', name: chart.unit, axisLabel: { fontSize: 11 } },
    series: chart.series.map((s) =>
      s.type === 'bar'
        ? { type: 'bar', name: s.name, data: s.data, barMaxWidth: 14, label: { show: true, position: 'right', fontSize: 10 } }
        : { type: 'line', name: s.name, data: s.data, symbol: 'circle', symbolSize: 6, connectNulls: true },
    ),
  };
}
