import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useNavigate } from 'react-router';

// Only what this chart draws, so the page does not carry the whole of ECharts.
echarts.use([GraphChart, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface GraphNode {
  id: string;
  name: string;
  /** Index into the categories (legend and colour). */
  category: number;
  size: number;
  /** A chain of the county opens its page on click. */
  chainId?: number;
  tooltip?: string;
}
export interface GraphEdge {
  source: string;
  target: string;
  kind: 'inside' | 'outside' | 'circular' | 'segment';
  label?: string;
}

const EDGE_STYLE = {
  inside: { type: 'solid', color: '#1677ff', width: 2 },
  outside: { type: 'dashed', color: '#8c8c8c', width: 2 },
  circular: { type: 'solid', color: '#fa8c16', width: 3 },
  segment: { type: 'solid', color: '#bfbfbf', width: 1 },
} as const;

/** A force-laid graph of chains, their links and (on a chain's page) its segments; a chain node opens its page. */
export default function ChainGraph({
  nodes,
  edges,
  categories,
  height = 420,
  label,
}: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  categories: { name: string; color: string }[];
  height?: number;
  label: string;
}) {
  const navigate = useNavigate();
  const option = {
    animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    tooltip: {
      formatter: (p: { dataType: string; data: { tooltip?: string; name?: string; label?: string } }) =>
        p.dataType === 'node' ? (p.data.tooltip ?? p.data.name) : (p.data.label ?? ''),
    },
    legend: { top: 0, data: categories.map((c) => c.name) },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        top: 40,
        force: { repulsion: 420, edgeLength: [70, 170], gravity: 0.06 },
        categories: categories.map((c) => ({ name: c.name, itemStyle: { color: c.color } })),
        label: { show: true, position: 'right', fontSize: 12, width: 110, overflow: 'truncate' },
        labelLayout: { hideOverlap: true },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 7,
        data: nodes.map((n) => ({ id: n.id, name: n.name, category: n.category, symbolSize: n.size, tooltip: n.tooltip, chainId: n.chainId })),
        links: edges.map((e) => ({ source: e.source, target: e.target, label: e.label, lineStyle: { ...EDGE_STYLE[e.kind], curveness: 0.1 } })),
      },
    ],
  };
  return (
    // Clipped, so that a canvas drawn at a wider size never widens the page before it redraws.
    <div data-testid="chain-graph" role="img" aria-label={label} style={{ width: '100%', overflow: 'hidden' }}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        style={{ height }}
        notMerge
        onEvents={{
          click: (p: { dataType: string; data: { chainId?: number } }) => {
            if (p.dataType === 'node' && p.data.chainId) navigate(`/chains/${p.data.chainId}`);
          },
        }}
      />
    </div>
  );
}
