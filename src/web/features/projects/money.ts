/** Fen as 万元 with up to two decimals, as officials write it (1亿元 = 10,000万元). */
export function wan(fen: number): string {
  return (fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/** 万元 typed in a form to whole fen. */
export function fenOfWan(value: number): number {
  return Math.round(value * 1_000_000);
}

/** A percentage with one decimal, or a dash. */
export function pct(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)}%`;
}
