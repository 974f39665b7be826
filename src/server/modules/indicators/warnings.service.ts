import type { z } from 'zod';
import type { ProgressCell, Warnings, warningsQuery } from '../../../shared/modules/indicators.schemas';
import { type WarningLevel, indicatorProgress, isPersistentRed, rankUnits } from '../../../shared/rules/indicator-progress';
import { requirePermission, scopeFor } from '../../core/access/access';
import type { RequestContext } from '../../core/access/context';
import type { Deps } from '../../core/deps';
import type { ExportColumn } from '../../core/excel/export';
import { unitsRepository } from '../../core/org/units.repository';
import { describeIndicators } from './indicators.service';
import { type TargetRow, indicatorsRepository, plansRepository } from './indicators.repository';

type ValueRow = { indicatorId: number; unitId: number; month: string; value: number };

/** Twelve monthly values of one unit and indicator in one year, from the submitted ledger rows. */
function monthly(rows: ValueRow[], year: number): (number | null)[] {
  const out: (number | null)[] = Array(12).fill(null);
  for (const r of rows) if (r.month.startsWith(`${year}-`)) out[Number(r.month.slice(5)) - 1] = r.value;
  return out;
}

/**
 * Progress of every unit and indicator for a month, computed from the submitted ledger as it stands with the same
 * pure rules the web uses; nothing is stored, so a corrected value shows at once.
 */
export async function monthWarnings(deps: Deps, ctx: RequestContext, query: z.infer<typeof warningsQuery>): Promise<Warnings> {
  requirePermission(ctx, 'indicator:read');
  const year = Number(query.month.slice(0, 4));
  const month = Number(query.month.slice(5));
  const [scope, countyId, plan, lock] = await Promise.all([
    scopeFor(deps.db, ctx.user, 'indicator:read'),
    unitsRepository.countyId(deps.db),
    plansRepository.findByYear(deps.db, year),
    deps.db.selectFrom('indicatorMonthLocks').select('month').where('month', '=', query.month).executeTakeFirst(),
  ]);
  const targets: TargetRow[] = plan ? await plansRepository.allTargets(deps.db, plan.id) : [];
  const indicatorRows = (await indicatorsRepository.findByIds(deps.db, [...new Set(targets.map((t) => t.indicatorId))])).sort(
    (a, b) => a.sortOrder - b.sortOrder || a.id - b.id,
  );
  const values = await deps.db
    .selectFrom('indicatorValues')
    .select(['indicatorId', 'unitId', 'month', 'value'])
    .where('status', '=', 'submitted')
    .where('month', '>=', `${year - 1}-01`)
    .where('month', '<=', query.month)
    .execute();
  const units = await deps.db
    .selectFrom('orgUnits')
    .select(['id', 'nameZh', 'nameEn', 'kind'])
    .where('id', 'in', [...new Set(targets.map((t) => t.unitId)), countyId])
    .execute();
  const unitById = new Map(units.map((u) => [u.id, u]));
  const described = await describeIndicators(deps.db, indicatorRows);

  const visible = (unitId: number) => unitId === countyId || scope.all || scope.unitIds.includes(unitId);
  const items = indicatorRows.map((indicator, i) => {
    const cells = targets
      .filter((t) => t.indicatorId === indicator.id)
      .map((t): ProgressCell => {
        const own = values.filter((v) => v.indicatorId === indicator.id && v.unitId === t.unitId);
        const input = {
          kind: indicator.kind,
          direction: indicator.direction,
          target: t.target,
          values: monthly(own, year),
          lastYear: monthly(own, year - 1),
          startOfYear: t.startOfYear ?? undefined,
          planCurve: t.planCurve ? (JSON.parse(t.planCurve) as number[]) : undefined,
          yellowBandPp: indicator.yellowBandPp ?? undefined,
        };
        const now = indicatorProgress({ ...input, month });
        const levels: WarningLevel[] = [month > 1 ? indicatorProgress({ ...input, month: month - 1 }).level : 'missing', now.level];
        return {
          unit: unitById.get(t.unitId) as ProgressCell['unit'],
          target: t.target,
          ...now,
          persistentRed: isPersistentRed(levels, 2),
          rank: null,
        };
      });
    const county = cells.find((c) => c.unit.id === countyId) ?? null;
    const ranked = rankUnits(cells.filter((c) => c.unit.id !== countyId).map((c) => ({ ...c, unitId: c.unit.id })));
    const unitCells = ranked
      .map(({ unitId: _, ...c }) => c)
      .filter((c) => visible(c.unit.id))
      .filter((c) => (query.level ? c.level === query.level : true) && (query.unitId ? c.unit.id === query.unitId : true));
    return { indicator: described[i], county, units: unitCells };
  });
  return {
    month: query.month,
    locked: !!lock,
    indicators: items.filter((row) => (query.indicatorId ? row.indicator.id === query.indicatorId : true)),
  };
}

type ExportRow = ProgressCell & { indicator: Warnings['indicators'][number]['indicator'] };

const LEVEL_NAMES = { green: ['绿灯', 'Green'], yellow: ['黄灯', 'Yellow'], red: ['红灯', 'Red'], missing: ['未报', 'Missing'] } as const;
const pct = (v: number | null) => (v === null ? '' : Math.round(v * 10) / 10);

export const WARNING_EXPORT_COLUMNS: ExportColumn<ExportRow>[] = [
  { zh: '指标', en: 'Indicator', width: 24, value: (r) => r.indicator.nameZh },
  { zh: '计量单位', en: 'Unit of measure', value: (r) => r.indicator.unitZh },
  { zh: '单位', en: 'Unit', width: 18, value: (r) => r.unit.nameZh },
  { zh: '目标', en: 'Target', value: (r) => r.target },
  { zh: '累计/当前值', en: 'YTD / current', value: (r) => r.ytd ?? '' },
  { zh: '完成率(%)', en: 'Completion (%)', value: (r) => pct(r.completion) },
  { zh: '序时进度(%)', en: 'Time progress (%)', value: (r) => pct(r.timeProgress) },
  { zh: '差距(百分点)', en: 'Gap (pp)', value: (r) => pct(r.gapPp) },
  { zh: '同比(%)', en: 'YoY (%)', value: (r) => pct(r.yoyGrowth) },
  { zh: '预警等级', en: 'Level', value: (r) => LEVEL_NAMES[r.level][0] },
  { zh: '连续红灯', en: 'Red two months', value: (r) => (r.persistentRed ? '是' : '') },
  { zh: '排名', en: 'Rank', value: (r) => r.rank ?? '' },
];

/** The board as rows for export: the county line of each indicator, then its units in rank order. */
export function warningRows(board: Warnings): ExportRow[] {
  return board.indicators.flatMap((row) => [...(row.county ? [row.county] : []), ...row.units].map((cell) => ({ ...cell, indicator: row.indicator })));
}
