import type { z } from 'zod';
import type { Plan, PlanIndicator, indicatorDecompositionBody, publishPlanBody } from '../../../shared/modules/indicators.schemas';
import { coverage } from '../../../shared/rules/indicator-progress';
import { requirePermission, scopeFor } from '../../core/access/access';
import type { RequestContext, UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { AppError, fieldError, notFound } from '../../core/http/errors';
import { unitsRepository } from '../../core/org/units.repository';
import { describeIndicators } from './indicators.service';
import { type IndicatorRow, TARGET_UNIT_KINDS, type TargetRow, indicatorsRepository, plansRepository } from './indicators.repository';

type Decomposition = z.infer<typeof indicatorDecompositionBody>;

function targetOf(row: TargetRow) {
  return {
    target: row.target,
    startOfYear: row.startOfYear,
    planCurve: row.planCurve ? (JSON.parse(row.planCurve) as number[]) : null,
    responsiblePerson: row.responsiblePerson,
    leadLeader: row.leadLeader,
    measures: row.measures,
  };
}

/**
 * Coverage of one indicator's decomposition, always over all units whatever the caller sees. An indicator kept at
 * county level (no unit shares, answered for by its data-source department) is not decomposed, so nothing is short.
 */
function coverageOf(indicator: IndicatorRow, targets: TargetRow[]) {
  const county = targets.find((t) => t.indicatorId === indicator.id && t.isCounty === 1);
  const units = targets.filter((t) => t.indicatorId === indicator.id && t.isCounty === 0).map((t) => t.target);
  if (!county || units.length === 0) return { applies: false, sum: units.reduce((a, b) => a + b, 0), shortfall: 0, ok: true };
  return coverage(indicator.kind, indicator.direction, county.target, units);
}

/** The years that have a plan, newest first. */
export async function planYears(deps: Deps, ctx: RequestContext) {
  requirePermission(ctx, 'indicator:read');
  const years = await plansRepository.years(deps.db);
  const items = [];
  for (const plan of years) {
    const [latestReportedMonth, latestLockedMonth] = await Promise.all([
      plansRepository.latestReportedMonth(deps.db, plan.year),
      plansRepository.latestLockedMonth(deps.db, plan.year),
    ]);
    items.push({ ...plan, latestReportedMonth, latestLockedMonth });
  }
  return { items };
}

/** The year's plan as the caller may see it: the county targets, and unit targets within their data scope. */
export async function getPlan(deps: Deps, ctx: RequestContext, year: number): Promise<Plan> {
  requirePermission(ctx, 'indicator:read');
  const scope = await scopeFor(deps.db, ctx.user, 'indicator:read');
  const plan = await plansRepository.findByYear(deps.db, year);
  const indicators = await indicatorsRepository.active(deps.db);
  const [described, visible, all] = await Promise.all([
    describeIndicators(deps.db, indicators),
    plan ? plansRepository.targets(deps.db, plan.id, scope) : [],
    plan ? plansRepository.allTargets(deps.db, plan.id) : [],
  ]);
  const items: PlanIndicator[] = indicators.map((indicator, i) => {
    const county = visible.find((t) => t.indicatorId === indicator.id && t.isCounty === 1);
    return {
      indicator: described[i],
      county: county ? targetOf(county) : null,
      units: visible
        .filter((t) => t.indicatorId === indicator.id && t.isCounty === 0)
        .map((t) => ({ ...targetOf(t), unit: { id: t.unitId, code: t.unitCode, nameZh: t.unitNameZh, nameEn: t.unitNameEn, kind: t.unitKind } })),
      coverage: coverageOf(indicator, all),
    };
  });
  return {
    year,
    status: plan?.status ?? 'none',
    version: plan?.version ?? 0,
    publishedAt: plan?.publishedAt ?? null,
    coverageReason: plan?.coverageReason ?? null,
    complete: scope.all,
    indicators: items,
  };
}

/** An indicator's decomposition as target rows: the county's, then one per unit. */
export function targetRows(countyId: number, body: Pick<Decomposition, 'county' | 'units'>) {
  const row = (unitId: number, isCounty: number, t: Decomposition['county']) => ({
    unitId,
    isCounty,
    target: t.target,
    startOfYear: t.startOfYear,
    planCurve: t.planCurve ? JSON.stringify(t.planCurve) : null,
    responsiblePerson: t.responsiblePerson,
    leadLeader: t.leadLeader,
    measures: t.measures,
  });
  return [row(countyId, 1, body.county), ...body.units.map((u) => row(u.unitId, 0, u))];
}

async function snapshotVersion(trx: Trx, deps: Deps, ctx: UserContext, planId: number, version: number, reason: string) {
  const targets = await plansRepository.allTargets(trx, planId);
  const snapshot = JSON.stringify(targets.map(({ id: _, planId: __, ...t }) => t));
  await plansRepository.insertVersion(trx, { planId, version, reason, snapshot, createdBy: ctx.user.id, createdAt: deps.clock.now().toISOString() });
}

async function checkUnits(trx: Trx, body: Decomposition) {
  const ids = body.units.map((u) => u.unitId);
  const units = await plansRepository.unitKinds(trx, ids);
  const problems: Record<string, 'err.unit_not_found' | 'err.target_unit_kind'> = {};
  for (const [i, u] of body.units.entries()) {
    const unit = units.find((x) => x.id === u.unitId);
    if (unit?.active !== 1) problems[`units.${i}.unitId`] = 'err.unit_not_found';
    else if (!TARGET_UNIT_KINDS.includes(unit.kind)) problems[`units.${i}.unitId`] = 'err.target_unit_kind';
  }
  if (Object.keys(problems).length) throw fieldError(problems);
}

/**
 * Replaces one indicator's county target and decomposition for a year (office). A draft changes freely; a published
 * plan changes only with a reason, and each change becomes a new numbered version with a snapshot.
 */
export async function setDecomposition(deps: Deps, ctx: UserContext, year: number, indicatorId: number, body: Decomposition): Promise<Plan> {
  requirePermission(ctx, 'indicator:manage');
  await deps.db.transaction().execute(async (trx) => {
    const indicator = await indicatorsRepository.findById(trx, indicatorId);
    if (!indicator) throw notFound();
    const now = deps.clock.now().toISOString();
    const plan = await plansRepository.findByYear(trx, year);
    if (plan?.status === 'published' && !body.reason) throw fieldError({ reason: 'err.plan_change_reason' });
    if (indicator.kind === 'stock' && body.county.startOfYear === null) throw fieldError({ 'county.startOfYear': 'err.start_of_year_required' });
    await checkUnits(trx, body);
    const planId =
      plan?.id ??
      (await plansRepository.insert(trx, { year, status: 'draft', version: 0, coverageReason: null, publishedAt: null, createdAt: now, updatedAt: now }));
    const before = (await plansRepository.allTargets(trx, planId)).filter((t) => t.indicatorId === indicatorId);
    await plansRepository.replaceTargets(trx, planId, indicatorId, targetRows(await unitsRepository.countyId(trx), body));
    if (plan?.status === 'published') {
      await plansRepository.update(trx, planId, { version: plan.version + 1, updatedAt: now });
      await snapshotVersion(trx, deps, ctx, planId, plan.version + 1, body.reason as string);
    } else {
      await plansRepository.update(trx, planId, { updatedAt: now });
    }
    const after = (await plansRepository.allTargets(trx, planId)).filter((t) => t.indicatorId === indicatorId);
    await recordAudit(trx, deps, ctx, {
      action: 'indicator_plan.set_targets',
      entityType: 'indicator_plan',
      entityId: `${year}/${indicator.code}`,
      before,
      after: { targets: after, reason: body.reason ?? null },
    });
  });
  return getPlan(deps, ctx, year);
}

/**
 * Publishes a draft plan as version 1. Every cumulative and stock indicator whose unit targets fall short of the
 * county target blocks publishing unless the office records why.
 */
export async function publishPlan(deps: Deps, ctx: UserContext, year: number, body: z.infer<typeof publishPlanBody>): Promise<Plan> {
  requirePermission(ctx, 'indicator:manage');
  await deps.db.transaction().execute(async (trx) => {
    const plan = await plansRepository.findByYear(trx, year);
    if (!plan) throw notFound();
    if (plan.status === 'published') throw new AppError('CONFLICT');
    const targets = await plansRepository.allTargets(trx, plan.id);
    if (!targets.some((t) => t.isCounty === 1)) throw fieldError({ year: 'err.plan_empty' });
    const indicators = await indicatorsRepository.findByIds(trx, [...new Set(targets.map((t) => t.indicatorId))]);
    const short = indicators.filter((i) => !coverageOf(i, targets).ok);
    if (short.length && !body.coverageReason) {
      throw fieldError({ coverageReason: { key: 'err.coverage_short', params: { indicators: short.map((i) => i.nameZh).join('、') } } });
    }
    const now = deps.clock.now().toISOString();
    const coverageReason = short.length ? (body.coverageReason as string) : null;
    await plansRepository.update(trx, plan.id, { status: 'published', version: 1, publishedAt: now, coverageReason, updatedAt: now });
    await snapshotVersion(trx, deps, ctx, plan.id, 1, coverageReason ?? '');
    await recordAudit(trx, deps, ctx, {
      action: 'indicator_plan.publish',
      entityType: 'indicator_plan',
      entityId: year,
      after: { version: 1, coverageReason, short: short.map((i) => i.code) },
    });
  });
  return getPlan(deps, ctx, year);
}

/** The published versions of a year's plan, newest first. */
export async function planVersions(deps: Deps, ctx: RequestContext, year: number) {
  requirePermission(ctx, 'indicator:read');
  const plan = await plansRepository.findByYear(deps.db, year);
  if (!plan) return { items: [] };
  const rows = await plansRepository.versions(deps.db, plan.id);
  return {
    items: rows.map((r) => ({
      version: r.version,
      reason: r.reason,
      createdAt: r.createdAt,
      createdBy: r.userId ? { id: r.userId, displayName: r.displayName as string } : null,
    })),
  };
}

/** The last locked month of the ledger from `from` ('YYYY-MM') on, or null: what the present's documents can speak of. */
export function lastLockedMonthSince(db: Executor, from: string): Promise<string | null> {
  return plansRepository.latestLockedMonthIn(db, from, '9999-12');
}
