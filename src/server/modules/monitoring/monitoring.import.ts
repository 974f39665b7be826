import { z } from 'zod';
import { type Locale, translate } from '../../../shared/i18n/messages';
import { uscc } from '../../../shared/modules/enterprises.schemas';
import { type MonitoringSource, lastClosedMonth } from '../../../shared/rules/monitoring-flags';
import { requirePermission, scopeFor, scopeIncludes } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import { batches } from '../../core/db/batch';
import type { Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import {
  type ImportOutcome,
  type ImportProblem,
  type ImportSpec,
  type Pace,
  type ParsedRow,
  importAllOrNothing,
  importTemplate,
} from '../../core/excel/import';
import { countyDay } from '../../core/scheduler/scheduler';
import { type FigureInput, writeFigures } from './monitoring.flags';
import { monitoringRepository } from './monitoring.repository';

/**
 * A month as people write it in a sheet: `2026-10`, `2026/10`, `2026年10月`, `202610`, or a date cell (Excel turns
 * a typed 2026-10 into the 1st of October, which the reader gives as 2026-10-01).
 */
const monthCell = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const m = /^(\d{4})(?:[-/.年]\s*(\d{1,2})(?:\s*月)?(?:[-/.]\d{1,2})?|(\d{2}))$/.exec(s);
    const month = m ? Number(m[2] ?? m[3]) : 0;
    if (!m || month < 1 || month > 12) {
      ctx.addIssue({ code: 'custom', message: 'err.monitoring.month' });
      return z.NEVER;
    }
    return `${m[1]}-${String(month).padStart(2, '0')}`;
  });

/** A non-negative number with at most `decimals` decimals, as an integer of the stored unit (× `scale`). */
const scaled = (scale: number, decimals: number, max: number) =>
  z
    .number({ error: 'err.monitoring.value' })
    .min(0, 'err.monitoring.value')
    .max(max)
    .refine((v) => Math.abs(v * 10 ** decimals - Math.round(v * 10 ** decimals)) < 1e-6, 'err.monitoring.value')
    .transform((v) => Math.round(v * scale));

const rowOf = (value: z.ZodType<number, number>) => z.object({ uscc, name: z.string().trim().max(100).default(''), month: monthCell, value });

// Output value: 万元 in the sheet as 统计局 reports it, up to six decimals (so fen are whole), stored in fen like all
// money. Electricity: whole kWh. Taxes: 元 with fen, stored in fen.
const ROWS = {
  output: rowOf(scaled(1_000_000, 6, 100_000_000)),
  electricity: rowOf(scaled(1, 0, 1_000_000_000_000)),
  taxes: rowOf(scaled(100, 2, 1_000_000_000_000)),
};
type Row = z.infer<(typeof ROWS)['output']>;

const VALUE_COLUMNS: Record<MonitoringSource, { zh: string; en: string; notes: { zh: string; en: string } }> = {
  output: {
    zh: '工业产值（万元）',
    en: 'Output value (10k yuan)',
    notes: { zh: '当月工业总产值，万元，最多 6 位小数', en: 'Gross industrial output of the month in 10k yuan, at most 6 decimals' },
  },
  electricity: { zh: '用电量（千瓦时）', en: 'Electricity (kWh)', notes: { zh: '当月用电量，整数千瓦时', en: 'Electricity used in the month, whole kWh' } },
  taxes: { zh: '税收（元）', en: 'Taxes (yuan)', notes: { zh: '当月入库税收，元，最多 2 位小数', en: 'Taxes paid in the month in yuan, at most 2 decimals' } },
};

const SHEETS: Record<MonitoringSource, { zh: string; en: string }> = {
  output: { zh: '统计局产值', en: 'Output (statistics bureau)' },
  electricity: { zh: '供电公司用电量', en: 'Electricity (power company)' },
  taxes: { zh: '税务税收', en: 'Taxes (tax bureau)' },
};

/** The import of one source: credit code, name (for the reader; not checked), month and the value. */
export function monitoringSpec(source: MonitoringSource): ImportSpec<Row> {
  return {
    sheet: SHEETS[source],
    row: ROWS[source] as z.ZodType<Row>,
    columns: [
      {
        key: 'uscc',
        zh: '统一社会信用代码',
        en: 'Credit code',
        width: 22,
        required: true,
        notes: { zh: '18 位，含校验位', en: '18 characters with the check character' },
      },
      { key: 'name', zh: '企业名称', en: 'Name', width: 32, notes: { zh: '仅供核对，不导入', en: 'For reference only; not imported' } },
      { key: 'month', zh: '月份', en: 'Month', width: 12, required: true, notes: { zh: '格式 2026-10，已结束的月份', en: 'As 2026-10, a closed month' } },
      { key: 'value', ...VALUE_COLUMNS[source], width: 20, required: true, type: 'number' },
    ],
  };
}

export const TEMPLATE_NAMES: Record<MonitoringSource, { zh: string; en: string }> = {
  output: { zh: '企业产值导入模板.xlsx', en: 'monitoring-output-template.xlsx' },
  electricity: { zh: '企业用电量导入模板.xlsx', en: 'monitoring-electricity-template.xlsx' },
  taxes: { zh: '企业税收导入模板.xlsx', en: 'monitoring-taxes-template.xlsx' },
};

export function monitoringTemplate(source: MonitoringSource, locale: Locale) {
  return importTemplate(monitoringSpec(source), locale);
}

/** Credit codes → firms (in the importer's scope), closed months only, each firm and month once. Linear: Maps, batches. */
async function resolveRows(trx: Trx, ctx: UserContext, source: MonitoringSource, rows: ParsedRow<Row>[], lastClosed: string, pace: Pace) {
  const scope = await scopeFor(trx, ctx.user, 'monitoring:import');
  const firms = new Map<string, number>();
  for (const batch of batches([...new Set(rows.map((r) => r.values.uscc))], 1)) {
    for (const f of await monitoringRepository.firmsByUscc(trx, batch))
      if (scopeIncludes(scope, f.townshipUnitId) || scopeIncludes(scope, f.serviceTeamUnitId)) firms.set(f.uscc, f.id);
    await pace.breathe();
  }
  const spec = monitoringSpec(source);
  const label = (k: string) => {
    const c = spec.columns.find((x) => x.key === k);
    return c ? (ctx.locale === 'en-US' ? c.en : c.zh) : k;
  };
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const resolved: FigureInput[] = [];
  for (const { row, values } of rows) {
    await pace.tick();
    const enterpriseId = firms.get(values.uscc);
    if (enterpriseId === undefined) problems.push({ row, column: label('uscc'), message: translate(ctx.locale, 'err.monitoring.firm_unknown') });
    if (values.month > lastClosed)
      problems.push({ row, column: label('month'), message: translate(ctx.locale, 'err.monitoring.month_open', { month: lastClosed }) });
    const k = `${values.uscc}|${values.month}`;
    if (seen.has(k)) problems.push({ row, column: label('month'), message: translate(ctx.locale, 'err.monitoring.duplicate') });
    seen.add(k);
    if (enterpriseId !== undefined) resolved.push({ enterpriseId, month: values.month, value: values.value });
  }
  return { resolved, problems };
}

/**
 * Imports one source's sheet, all rows or none: every credit code must name a firm of the directory, every month be
 * closed. The figures, the flags they raise or clear, the notices and 督办 tasks of new flags and the audit row are
 * written in the import's one transaction.
 */
export async function importFigures(deps: Deps, ctx: UserContext, source: MonitoringSource, buffer: Buffer): Promise<ImportOutcome> {
  requirePermission(ctx, 'monitoring:import');
  const lastClosed = lastClosedMonth(countyDay(deps.clock.now()));
  return importAllOrNothing(deps, buffer, monitoringSpec(source), ctx.locale, {
    check: (trx, rows, _refused, pace) => resolveRows(trx, ctx, source, rows, lastClosed, pace),
    write: async (trx, resolved, pace) => {
      await writeFigures(trx, deps, ctx, source, resolved, lastClosed, pace, ctx.user.unitId);
    },
  });
}
