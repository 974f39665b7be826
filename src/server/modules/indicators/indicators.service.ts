import type { z } from 'zod';
import { type Indicator, type createIndicatorBody, summable, type updateIndicatorBody } from '../../../shared/modules/indicators.schemas';
import { requirePermission } from '../../core/access/access';
import type { RequestContext, UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import type { ExportColumn } from '../../core/excel/export';
import { fieldError, notFound } from '../../core/http/errors';
import { unitsRepository } from '../../core/org/units.repository';
import { type IndicatorFilter, type IndicatorRow, indicatorsRepository } from './indicators.repository';

/** Shapes catalogue rows for the API, with the data-source unit's names. */
export async function describeIndicators(db: Executor, rows: IndicatorRow[]): Promise<Indicator[]> {
  const unitIds = [...new Set(rows.map((r) => r.sourceUnitId).filter((id): id is number => id !== null))];
  const units = await unitsRepository.namesOf(db, unitIds);
  return rows.map(({ sourceUnitId, active, createdAt: _, ...row }) => ({
    ...row,
    sourceUnit: units.find((u) => u.id === sourceUnitId) ?? null,
    active: active === 1,
  }));
}

/** One page of the catalogue; every holder of `indicator:read` sees all of it. */
export async function listIndicators(deps: Deps, ctx: RequestContext, filter: IndicatorFilter) {
  requirePermission(ctx, 'indicator:read');
  const { rows, total } = await indicatorsRepository.list(deps.db, filter);
  return { items: await describeIndicators(deps.db, rows), total, page: filter.page, pageSize: filter.pageSize };
}

/** The whole filtered catalogue, for export. */
export async function allIndicators(deps: Deps, ctx: RequestContext, filter: Omit<IndicatorFilter, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'indicator:read');
  return describeIndicators(deps.db, await indicatorsRepository.all(deps.db, filter));
}

const KIND_LABELS = {
  cumulative: ['累计值', 'Cumulative'],
  growth: ['增速', 'Growth rate'],
  stock: ['时点值', 'Stock'],
  ratio: ['占比', 'Ratio'],
} as const;

export const INDICATOR_EXPORT_COLUMNS: ExportColumn<Indicator>[] = [
  { zh: '编码', en: 'Code', value: (i) => i.code },
  { zh: '指标名称', en: 'Indicator', width: 30, value: (i) => i.nameZh },
  { zh: '英文名称', en: 'English name', width: 36, value: (i) => i.nameEn },
  { zh: '计量单位', en: 'Unit of measure', value: (i) => i.unitZh },
  { zh: '类型', en: 'Kind', value: (i) => KIND_LABELS[i.kind][0] },
  { zh: '方向', en: 'Direction', value: (i) => (i.direction === 'higher' ? '越高越好' : '越低越好') },
  { zh: '数据来源单位', en: 'Data source', width: 20, value: (i) => i.sourceUnit?.nameZh ?? '' },
  { zh: '全县数', en: 'County figure', value: (i) => (i.countyValue === 'sum' ? '各单位合计' : '来源单位报送') },
  { zh: '黄灯区间(百分点)', en: 'Yellow band (pp)', value: (i) => i.yellowBandPp ?? '' },
  { zh: '状态', en: 'Status', value: (i) => (i.active ? '启用' : '停用') },
];

export async function getIndicator(deps: Deps, ctx: RequestContext, id: number): Promise<Indicator> {
  requirePermission(ctx, 'indicator:read');
  const row = await indicatorsRepository.findById(deps.db, id);
  if (!row) throw notFound();
  return (await describeIndicators(deps.db, [row]))[0];
}

async function checkSourceUnit(db: Executor, sourceUnitId: number | null | undefined) {
  if (sourceUnitId && !(await unitsRepository.findById(db, sourceUnitId))) throw fieldError({ sourceUnitId: 'err.unit_not_found' });
}

/** Adds an indicator to the catalogue (office). */
export async function createIndicator(deps: Deps, ctx: UserContext, body: z.infer<typeof createIndicatorBody>): Promise<Indicator> {
  requirePermission(ctx, 'indicator:manage');
  return deps.db.transaction().execute(async (trx) => {
    if (await indicatorsRepository.findByCode(trx, body.code)) throw fieldError({ code: 'err.indicator_code_taken' });
    await checkSourceUnit(trx, body.sourceUnitId);
    const now = deps.clock.now().toISOString();
    const id = await indicatorsRepository.insert(trx, { ...body, active: body.active ? 1 : 0, createdAt: now, updatedAt: now });
    const [created] = await describeIndicators(trx, [(await indicatorsRepository.findById(trx, id)) as IndicatorRow]);
    await recordAudit(trx, deps, ctx, { action: 'indicator.create', entityType: 'indicator', entityId: id, after: created });
    return created;
  });
}

/** Edits an indicator; its kind is fixed once targets use it, because the meaning of every value would change. */
export async function updateIndicator(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateIndicatorBody>): Promise<Indicator> {
  requirePermission(ctx, 'indicator:manage');
  return deps.db.transaction().execute(async (trx) => {
    const row = await indicatorsRepository.findById(trx, id);
    if (!row) throw notFound();
    if (body.code && body.code !== row.code && (await indicatorsRepository.findByCode(trx, body.code))) throw fieldError({ code: 'err.indicator_code_taken' });
    await checkSourceUnit(trx, body.sourceUnitId);
    const minValue = body.minValue === undefined ? row.minValue : body.minValue;
    const maxValue = body.maxValue === undefined ? row.maxValue : body.maxValue;
    if (minValue !== null && maxValue !== null && minValue > maxValue) throw fieldError({ maxValue: 'err.indicator_bounds' });
    if ((body.countyValue ?? row.countyValue) === 'sum' && !summable(body.kind ?? row.kind)) throw fieldError({ countyValue: 'err.indicator_sum_kind' });
    if (body.kind && body.kind !== row.kind) {
      if (await indicatorsRepository.hasTargets(trx, id)) throw fieldError({ kind: 'err.indicator_kind_in_use' });
    }
    const [before] = await describeIndicators(trx, [row]);
    const { active, ...fields } = body;
    await indicatorsRepository.update(trx, id, {
      ...fields,
      ...(active === undefined ? {} : { active: active ? 1 : 0 }),
      updatedAt: deps.clock.now().toISOString(),
    });
    const [after] = await describeIndicators(trx, [(await indicatorsRepository.findById(trx, id)) as IndicatorRow]);
    await recordAudit(trx, deps, ctx, { action: 'indicator.update', entityType: 'indicator', entityId: id, before, after });
    return after;
  });
}
