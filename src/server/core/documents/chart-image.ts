import { Resvg } from '@resvg/resvg-js';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { documentChartHeight, documentChartOption } from '../../../shared/charts/document-chart';
import type { DocumentChart } from '../../../shared/modules/documents.schemas';
import type { DocumentBlock } from './official-document';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

// The chart is laid out at the width the document gives images (590 px) and rasterised at twice that, so it prints sharply.
const WIDTH = 590;
const FONT = 'Noto Sans CJK SC';

/** Draws a document chart as a PNG image block: ECharts renders SVG on the server, resvg turns it into pixels. */
export function chartImage(chart: DocumentChart): Extract<DocumentBlock, { kind: 'image' }> {
  const height = documentChartHeight(chart);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    instance.setOption(documentChartOption(chart, { animation: false, tooltip: false, fontFamily: FONT }));
    const svg = instance.renderToSVGString();
    const png = new Resvg(svg, {
      background: '#ffffff',
      font: { loadSystemFonts: true, defaultFontFamily: FONT },
      fitTo: { mode: 'width', value: WIDTH * 2 },
    })
      .render()
      .asPng();
    return { kind: 'image', data: png, type: 'png', widthPx: WIDTH, heightPx: height, caption: chart.caption };
  } finally {
    instance.dispose();
  }
}
