import type { TFunction } from 'i18next';
import type { Chain, ChainGraph } from '../../../shared/modules/chains.schemas';
import type { GraphEdge, GraphNode } from './components/ChainGraph';

type Name = (x: { nameZh: string; nameEn: string }) => string;

/** The county's chains as nodes (sized by their firms, red when they have weak segments), with links inside and out. */
export function countyGraph(g: ChainGraph, t: TFunction, name: Name) {
  const categories = [
    { name: t('chains.name'), color: '#1677ff' },
    { name: t('chains.weakCount'), color: '#cf1322' },
    { name: t('chains.linkKinds.outside'), color: '#8c8c8c' },
  ];
  const nodes: GraphNode[] = g.chains.map((c) => ({
    id: `c${c.id}`,
    name: name(c),
    category: c.weakCount > 0 ? 1 : 0,
    size: 18 + Math.min(30, c.firmCount * 3),
    chainId: c.id,
    tooltip: t('chains.chainTip', { name: name(c), firms: c.firmCount, weak: c.weakCount }),
  }));
  const edges: GraphEdge[] = [];
  for (const l of g.links) {
    let target = l.to ? `c${l.to.id}` : `o${l.outsideName}`;
    if (!l.to && !nodes.some((n) => n.id === target)) nodes.push({ id: target, name: l.outsideName, category: 2, size: 14 });
    if (!l.to) target = `o${l.outsideName}`;
    edges.push({ source: `c${l.from.id}`, target, kind: l.kind, label: l.note });
  }
  return { nodes, edges, categories };
}

/** One chain's map: the chain, its segments by tier (red when weak, grey when missing), and the chains it links with. */
export function chainMap(c: Chain, t: TFunction, name: Name) {
  const categories = [
    { name: t('chains.name'), color: '#1677ff' },
    { name: t('chains.states.ok'), color: '#389e0d' },
    { name: t('chains.states.weak'), color: '#d48806' },
    { name: t('chains.states.missing'), color: '#cf1322' },
    { name: t('chains.links'), color: '#8c8c8c' },
  ];
  const self = `c${c.id}`;
  const nodes: GraphNode[] = [{ id: self, name: name(c), category: 0, size: 46 }];
  const edges: GraphEdge[] = [];
  for (const s of c.segments) {
    nodes.push({
      id: `s${s.id}`,
      name: s.name,
      category: s.state === 'ok' ? 1 : s.state === 'weak' ? 2 : 3,
      size: 16 + Math.min(20, s.firms.length * 4),
      tooltip: `${t('chains.segmentTip', { tier: t(`chains.tiers.${s.tier}`), name: s.name, products: s.keyProducts })}${s.weakNote ? ` · ${s.weakNote}` : ''}`,
    });
    edges.push({ source: self, target: `s${s.id}`, kind: 'segment' });
  }
  for (const l of c.links) {
    const other = l.from.id === c.id ? l.to : l.from;
    const id = other ? `c${other.id}` : `o${l.outsideName}`;
    if (!nodes.some((n) => n.id === id)) nodes.push({ id, name: other ? name(other) : l.outsideName, category: 4, size: 22, chainId: other?.id });
    edges.push(l.from.id === c.id ? { source: self, target: id, kind: l.kind, label: l.note } : { source: id, target: self, kind: l.kind, label: l.note });
  }
  return { nodes, edges, categories };
}
