import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS one's default export arrives wrapped in an object after bundling.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { documentChartHeight, documentChartOption } from '../../../../shared/charts/document-chart';
import type { DocumentChart } from '../../../../shared/modules/documents.schemas';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A document's chart as the .docx will carry it (the server draws the same option into the image). */
export default function DocumentChartView({ chart }: { chart: DocumentChart }) {
  const option = documentChartOption(chart, {
    animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    tooltip: true,
  });
  return (
    <figure style={{ margin: '8px 0' }} data-testid="document-chart" role="img" aria-label={chart.caption}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: documentChartHeight(chart) }} notMerge />
      {chart.caption && <figcaption style={{ textAlign: 'center', fontFamily: '"KaiTi", "Noto Serif CJK SC", serif' }}>{chart.caption}</figcaption>}
    </figure>
  );
}
