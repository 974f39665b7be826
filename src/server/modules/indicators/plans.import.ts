import { z } from 'zod';
import { type Plan, type indicatorDecompositionBody, planCurve } from '../../../shared/modules/indicators.schemas';
import { requirePermission } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { type ImportProblem, type ImportSpec, type ParsedRow, columnLabel, importAllOrNothing, importTemplate } from '../../core/excel/import';
import { fieldError } from '../../core/http/errors';
import { unitsRepository } from '../../core/org/units.repository';
import { type Locale, translate } from '../../../shared/i18n/messages';
import { type IndicatorRow, indicatorsRepository, plansRepository } from './indicators.repository';
import { getPlan, targetRows } from './plans.service';

/** The value of the unit column on the row that holds an indicator's county target. */
const COUNTY = 'COUNTY';

const text = (max: number) => z.string().trim().max(max).default('');
/** A monthly plan curve typed in one cell: twelve cumulative percentages separated by commas. */
const curveCell = z
  .preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(/[,，、;；\s]+/)
            .filter(Boolean)
            .map(Number)
        : v,
    planCurve,
  )
  .optional();

const planRow = z.object({
  indicator: z.string(),
  unit: z.string(),
  target: z.number(),
  startOfYear: z.number().optional(),
  planCurve: curveCell,
  responsiblePerson: text(40),
  leadLeader: text(40),
  measures: text(2000),
});
type PlanRow = z.infer<typeof planRow>;

type Unit = { id: number; code: string; nameZh: string; nameEn: string };

/** The plan sheet: one row per indicator and unit, the county's target on the 全县 row. Codes come from the database. */
function planSpec(indicators: IndicatorRow[], units: Unit[]): ImportSpec<PlanRow> {
  return {
    sheet: { zh: '年度目标分解', en: 'Annual targets' },
    columns: [
      {
        key: 'indicator',
        zh: '指标',
        en: 'Indicator',
        width: 30,
        required: true,
        codes: indicators.map((i) => ({ value: i.code, zh: i.nameZh, en: i.nameEn })),
        notes: { zh: '从下拉列表选择，或填指标编码', en: 'Choose from the list, or enter the indicator code' },
      },
      {
        key: 'unit',
        zh: '责任单位',
        en: 'Responsible unit',
        width: 22,
        required: true,
        codes: [{ value: COUNTY, zh: '全县', en: 'County' }, ...units.map((u) => ({ value: u.code, zh: u.nameZh, en: u.nameEn }))],
        notes: { zh: '每个指标一行“全县”，即县级目标', en: 'One “County” row per indicator holds the county target' },
      },
      {
        key: 'target',
        zh: '目标值',
        en: 'Target',
        type: 'number',
        required: true,
        notes: { zh: '按指标计量单位；增速、占比填百分数', en: 'In the indicator’s unit; growth and ratios in percent' },
      },
      {
        key: 'startOfYear',
        zh: '年初值',
        en: 'Start of year',
        type: 'number',
        notes: { zh: '时点值指标的全县行必填', en: 'Required on the county row of stock indicators' },
      },
      {
        key: 'planCurve',
        zh: '月度计划累计占比(%)',
        en: 'Monthly plan, cumulative %',
        width: 30,
        notes: {
          zh: '可不填（按序时进度）；填则 12 个数，逗号分隔，末位 100',
          en: 'Optional (time progress); else 12 numbers, comma-separated, ending in 100',
        },
      },
      { key: 'responsiblePerson', zh: '责任人', en: 'Responsible person' },
      { key: 'leadLeader', zh: '分管领导', en: 'Lead leader' },
      { key: 'measures', zh: '工作措施', en: 'Measures', width: 48 },
    ],
    row: planRow,
  };
}

async function specOf(db: Executor) {
  const [indicators, units] = await Promise.all([indicatorsRepository.active(db), plansRepository.targetUnits(db)]);
  return { spec: planSpec(indicators, units), indicators, units };
}

/** The rows of a plan as the sheet holds them; without targets when it is an earlier year's, as a starting point. */
function sheetRows(plan: Plan, withTargets: boolean): Record<string, unknown>[] {
  const row = (indicator: string, unit: string, t: NonNullable<Plan['indicators'][number]['county']>) => ({
    indicator,
    unit,
    ...(withTargets ? { target: t.target, startOfYear: t.startOfYear, planCurve: t.planCurve?.join(',') } : {}),
    responsiblePerson: t.responsiblePerson,
    leadLeader: t.leadLeader,
    measures: t.measures,
  });
  return plan.indicators.flatMap((p) =>
    p.county ? [row(p.indicator.code, COUNTY, p.county), ...p.units.map((u) => row(p.indicator.code, u.unit.code, u))] : [],
  );
}

/**
 * The year's plan as an editable sheet (the caller's view of it). A year without a plan starts from the latest
 * earlier plan's decomposition with the targets left blank, or else from one county row per indicator.
 */
export async function planWorkbook(deps: Deps, ctx: UserContext, year: number): Promise<Buffer> {
  const { spec, indicators } = await specOf(deps.db);
  const plan = await getPlan(deps, ctx, year);
  let rows = sheetRows(plan, true);
  const earlier = (await plansRepository.years(deps.db)).find((p) => p.year < year);
  if (rows.length === 0 && earlier) rows = sheetRows(await getPlan(deps, ctx, earlier.year), false);
  if (rows.length === 0) rows = indicators.map((i) => ({ indicator: i.code, unit: COUNTY }));
  return importTemplate(spec, ctx.locale, rows);
}

type Decomposed = z.infer<typeof indicatorDecompositionBody>['county'];
type Resolved = { indicator: IndicatorRow; county: Decomposed; units: (Decomposed & { unitId: number })[] };

const decomposed = (r: PlanRow): Decomposed => ({
  target: r.target,
  startOfYear: r.startOfYear ?? null,
  planCurve: r.planCurve ?? null,
  responsiblePerson: r.responsiblePerson,
  leadLeader: r.leadLeader,
  measures: r.measures,
});

/**
 * Groups the rows by indicator and checks what a row alone cannot show: one county row each, no unit twice. A county
 * row refused while parsing is not missing, so that check waits until every row parses.
 */
function resolve(spec: ImportSpec<PlanRow>, rows: ParsedRow<PlanRow>[], refused: number, indicators: IndicatorRow[], units: Unit[], locale: Locale) {
  const problems: ImportProblem[] = [];
  const column = (key: string) => columnLabel(spec, key, locale);
  const unitIds = new Map(units.map((u) => [u.code, u.id]));
  // One pass groups the rows by indicator, in file order: no scan of the whole sheet per indicator.
  const byIndicator = new Map<string, ParsedRow<PlanRow>[]>();
  for (const r of rows) {
    const mine = byIndicator.get(r.values.indicator);
    if (mine) mine.push(r);
    else byIndicator.set(r.values.indicator, [r]);
  }
  const resolved: Resolved[] = [];
  for (const indicator of indicators) {
    const mine = byIndicator.get(indicator.code) ?? [];
    if (mine.length === 0) continue;
    const seen = new Set<string>();
    for (const r of mine) {
      if (seen.has(r.values.unit)) problems.push({ row: r.row, column: column('unit'), message: translate(locale, 'err.import.duplicate_target') });
      seen.add(r.values.unit);
    }
    const county = mine.find((r) => r.values.unit === COUNTY);
    if (!county) {
      if (refused === 0) problems.push({ row: mine[0].row, column: column('unit'), message: translate(locale, 'err.import.county_row_missing') });
      continue;
    }
    if (indicator.kind === 'stock' && county.values.startOfYear === undefined)
      problems.push({ row: county.row, column: column('startOfYear'), message: translate(locale, 'err.start_of_year_required') });
    resolved.push({
      indicator,
      county: decomposed(county.values),
      units: mine.filter((r) => r.values.unit !== COUNTY).map((r) => ({ ...decomposed(r.values), unitId: unitIds.get(r.values.unit) as number })),
    });
  }
  return { resolved, problems };
}

/**
 * Replaces a draft plan with the uploaded sheet, all or nothing: indicators missing from the sheet lose their targets.
 * A published plan changes only indicator by indicator, each change with its reason.
 */
export async function importPlan(deps: Deps, ctx: UserContext, year: number, buffer: Buffer) {
  requirePermission(ctx, 'indicator:manage');
  const { spec, indicators, units } = await specOf(deps.db);
  const refuseIfPublished = async (db: Executor) => {
    if ((await plansRepository.findByYear(db, year))?.status === 'published') throw fieldError({ file: 'err.plan_import_published' });
  };
  await refuseIfPublished(deps.db);
  return importAllOrNothing(deps, buffer, spec, ctx.locale, {
    check: async (_trx, rows, refused) => resolve(spec, rows, refused, indicators, units, ctx.locale),
    write: async (trx, resolved) => {
      await refuseIfPublished(trx);
      const now = deps.clock.now().toISOString();
      const plan = await plansRepository.findByYear(trx, year);
      const planId =
        plan?.id ??
        (await plansRepository.insert(trx, { year, status: 'draft', version: 0, coverageReason: null, publishedAt: null, createdAt: now, updatedAt: now }));
      const before = await plansRepository.allTargets(trx, planId);
      const countyId = await unitsRepository.countyId(trx);
      const touched = new Set([...before.map((t) => t.indicatorId), ...resolved.map((r) => r.indicator.id)]);
      const incomingOf = new Map(resolved.map((r) => [r.indicator.id, r]));
      for (const indicatorId of touched) {
        const incoming = incomingOf.get(indicatorId);
        await plansRepository.replaceTargets(trx, planId, indicatorId, incoming ? targetRows(countyId, incoming) : []);
      }
      await plansRepository.update(trx, planId, { updatedAt: now });
      await recordAudit(trx, deps, ctx, {
        action: 'indicator_plan.import',
        entityType: 'indicator_plan',
        entityId: year,
        before,
        after: await plansRepository.allTargets(trx, planId),
      });
    },
  });
}
