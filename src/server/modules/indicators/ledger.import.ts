import { z } from 'zod';
import { type Locale, translate } from '../../../shared/i18n/messages';
import type { Ledger } from '../../../shared/modules/indicators.schemas';
import { requirePermission } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import type { Deps } from '../../core/deps';
import {
  type ImportColumn,
  type ImportProblem,
  type ImportSpec,
  type ParsedRow,
  columnLabel,
  importAllOrNothing,
  importTemplate,
} from '../../core/excel/import';
import { countyDay } from '../../core/scheduler/scheduler';
import { ledgerRepository } from './ledger.repository';
import { getLedger, heldProblem, writeValues } from './ledger.service';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const monthKey = (m: number) => `m${m}`;
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const sheetRow = z.object({
  indicator: z.string(),
  // Shown for reference; whatever the cell holds is not read.
  unitOfMeasure: z.unknown(),
  target: z.unknown(),
  ...Object.fromEntries(MONTHS.map((m) => [monthKey(m), z.number().finite().optional()])),
});
type SheetRow = z.infer<typeof sheetRow>;

/** A unit's ledger for a year as a sheet: a row per indicator, the twelve months across, as the grid shows it. */
function ledgerSpec(ledger: Ledger): ImportSpec<SheetRow> {
  const columns: ImportColumn[] = [
    {
      key: 'indicator',
      zh: '指标',
      en: 'Indicator',
      width: 28,
      required: true,
      codes: ledger.rows.map((r) => ({ value: r.indicator.code, zh: r.indicator.nameZh, en: r.indicator.nameEn })),
      notes: { zh: `${ledger.unit.nameZh} ${ledger.year} 年`, en: `${ledger.unit.nameEn} ${ledger.year}` },
    },
    { key: 'unitOfMeasure', zh: '计量单位', en: 'Unit of measure', width: 12, notes: { zh: '仅供参考', en: 'For reference' } },
    { key: 'target', zh: '年度目标', en: 'Annual target', type: 'number', width: 12, notes: { zh: '仅供参考', en: 'For reference' } },
    ...MONTHS.map(
      (m): ImportColumn => ({
        key: monthKey(m),
        zh: `${m}月`,
        en: EN_MONTHS[m - 1],
        type: 'number',
        width: 10,
        notes: m === 1 ? { zh: '按指标口径填报；留空不改', en: 'As the indicator defines; blank leaves it' } : undefined,
      }),
    ),
  ];
  return { sheet: { zh: '月度数据台账', en: 'Monthly ledger' }, columns, row: sheetRow };
}

/** The sheet of a unit's year with its values, to read, or to fill in and import back. */
export async function ledgerWorkbook(deps: Deps, ctx: UserContext, year: number, unitId: number): Promise<Buffer> {
  const ledger = await getLedger(deps, ctx, { year, unitId });
  const rows = ledger.rows.map((r) => ({
    indicator: r.indicator.code,
    unitOfMeasure: (ctx.locale === 'en-US' && r.indicator.unitEn) || r.indicator.unitZh,
    target: r.target,
    ...Object.fromEntries(MONTHS.map((m) => [monthKey(m), r.values[m - 1]?.value ?? null])),
  }));
  return importTemplate(ledgerSpec(ledger), ctx.locale, rows);
}

type Change = { indicatorId: number; month: string; value: number; explanation: string };

/**
 * The cells that change something: a blank or an unchanged cell is left alone. A cell of a row the caller may not
 * enter, of a month still to come or of a locked month is a problem: corrections of locked months go through the
 * grid, one reason each.
 */
function changesOf(spec: ImportSpec<SheetRow>, ledger: Ledger, rows: ParsedRow<SheetRow>[], locked: Set<string>, thisMonth: string, locale: Locale) {
  const problems: ImportProblem[] = [];
  const resolved: Change[] = [];
  const label = (key: string) => columnLabel(spec, key, locale);
  const seen = new Set<string>();
  const lines = new Map(ledger.rows.map((r) => [r.indicator.code, r]));
  for (const { row, values } of rows) {
    const line = lines.get(values.indicator);
    if (!line) continue;
    if (seen.has(values.indicator)) problems.push({ row, column: label('indicator'), message: translate(locale, 'err.import.duplicate_row') });
    seen.add(values.indicator);
    for (const m of MONTHS) {
      const value = (values as Record<string, unknown>)[monthKey(m)] as number | undefined;
      const saved = line.values[m - 1];
      if (value === undefined || value === saved?.value) continue;
      const month = `${ledger.year}-${String(m).padStart(2, '0')}`;
      if (saved?.source && line.writable) {
        // A value an accepted report wrote is corrected in the grid by the office, with a reason, never by import.
        const held = heldProblem(locale, saved);
        problems.push({ row, column: label(monthKey(m)), message: translate(locale, held.key, held.params) });
        continue;
      }
      const problem = !line.writable
        ? 'err.import.not_writable'
        : month >= thisMonth
          ? 'err.import.future_month'
          : locked.has(month)
            ? 'err.import.locked_month'
            : null;
      if (problem) problems.push({ row, column: label(monthKey(m)), message: translate(locale, problem) });
      else resolved.push({ indicatorId: line.indicator.id, month, value, explanation: saved?.explanation ?? '' });
    }
  }
  return { resolved, problems };
}

/** Imports a unit's sheet as drafts, all or nothing, with the checks of the grid; the unit submits as usual. */
export async function importLedger(deps: Deps, ctx: UserContext, year: number, unitId: number, buffer: Buffer) {
  requirePermission(ctx, 'indicator:enter');
  const ledger = await getLedger(deps, ctx, { year, unitId });
  const spec = ledgerSpec(ledger);
  const thisMonth = countyDay(deps.clock.now()).slice(0, 7);
  return importAllOrNothing(deps, buffer, spec, ctx.locale, {
    check: async (trx, rows) => {
      const locked = await ledgerRepository.lockedMonths(trx, `${year}-01`, `${year}-12`);
      return changesOf(spec, ledger, rows, locked, thisMonth, ctx.locale);
    },
    write: async (trx, values) => {
      if (values.length) await writeValues(trx, deps, ctx, { unitId, values }, new Set());
    },
  });
}
