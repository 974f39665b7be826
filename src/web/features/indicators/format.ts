import type { Indicator } from '../../../shared/modules/indicators.schemas';

/** A target or value with the indicator's decimals, in the UI language's digit grouping. */
export function formatValue(value: number | null | undefined, indicator: Pick<Indicator, 'decimals'>, locale: string): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(locale, { minimumFractionDigits: 0, maximumFractionDigits: indicator.decimals });
}

/** Turns the server's field paths (`units.0.unitId`) into antd form name paths (`['units', 0, 'unitId']`). */
export function namePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
