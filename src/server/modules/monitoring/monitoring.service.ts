import type { z } from 'zod';
import type { FirmMonitoring, FlagListQuery, FlaggedFirm, thresholdsSchema } from '../../../shared/modules/monitoring.schemas';
import {
  type MonitoringFlag,
  type MonitoringThresholds,
  addMonths,
  lastClosedMonth,
  monthsBetween,
  thresholdProblems,
  yoyPct,
} from '../../../shared/rules/monitoring-flags';
import { requirePermission, scopeFor } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import type { Executor } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { fieldError, notFound } from '../../core/http/errors';
import { countyDay } from '../../core/scheduler/scheduler';
import { monitoringThresholds, thresholdsStore } from './monitoring.flags';
import { type FlagFilter, type FlaggedRow, monitoringRepository } from './monitoring.repository';

const num = (v: number | string | null) => (v === null ? null : Number(v));
const brief = (units: Map<number, { nameZh: string; nameEn: string }>, id: number) => ({
  id,
  nameZh: units.get(id)?.nameZh ?? '',
  nameEn: units.get(id)?.nameEn ?? '',
});

/** The last closed month on the app clock's county day. */
export const lastMonth = (deps: Pick<Deps, 'clock'>) => lastClosedMonth(countyDay(deps.clock.now()));

async function describeFlagged(db: Executor, rows: FlaggedRow[], month: string): Promise<FlaggedFirm[]> {
  const ids = rows.map((r) => r.id);
  const [units, flags] = await Promise.all([
    monitoringRepository.unitsByIds(db, [...new Set(rows.flatMap((r) => [r.townshipUnitId, ...(r.serviceTeamUnitId ? [r.serviceTeamUnitId] : [])]))]),
    monitoringRepository.activeFlags(db, ids, month, month),
  ]);
  const unitMap = new Map(units.map((u) => [u.id, u]));
  const byFirm = new Map<number, { flags: MonitoringFlag[]; taskId: number | null }>();
  for (const f of flags) {
    const entry = byFirm.get(f.enterpriseId) ?? { flags: [], taskId: null };
    entry.flags.push(f.flag as MonitoringFlag);
    entry.taskId ??= f.taskId;
    byFirm.set(f.enterpriseId, entry);
  }
  return rows.map((r) => {
    const output = num(r.outputFen);
    const outputLastYear = num(r.outputLastYearFen);
    const electricity = num(r.electricityKwh);
    const electricityLastYear = num(r.electricityLastYearKwh);
    return {
      id: r.id,
      enterprise: { id: r.id, name: r.name, uscc: r.uscc },
      townshipUnit: brief(unitMap, r.townshipUnitId),
      serviceTeamUnit: r.serviceTeamUnitId ? brief(unitMap, r.serviceTeamUnitId) : null,
      month,
      flags: byFirm.get(r.id)?.flags ?? [],
      outputFen: output,
      outputLastYearFen: outputLastYear,
      outputYoY: yoyPct(output, outputLastYear),
      electricityKwh: electricity,
      electricityLastYearKwh: electricityLastYear,
      electricityYoY: yoyPct(electricity, electricityLastYear),
      taxesFen: num(r.taxesFen),
      taxesLastYearFen: num(r.taxesLastYearFen),
      taskId: byFirm.get(r.id)?.taskId ?? null,
    };
  });
}

const filterOf = (deps: Deps, q: Omit<FlagListQuery, 'page' | 'pageSize'>): FlagFilter => ({ ...q, month: q.month ?? lastMonth(deps) });

/** One page of the firms flagged in a month (the last closed one by default), in the caller's scope, with counts by flag. */
export async function listFlagged(deps: Deps, ctx: UserContext, query: FlagListQuery) {
  requirePermission(ctx, 'monitoring:read');
  const scope = await scopeFor(deps.db, ctx.user, 'monitoring:read');
  const f = { ...filterOf(deps, query), page: query.page, pageSize: query.pageSize };
  const [{ rows, total }, counts] = await Promise.all([monitoringRepository.list(deps.db, f, scope), monitoringRepository.counts(deps.db, f.month, scope)]);
  const count = (flag: MonitoringFlag) => Number(counts.find((c) => c.flag === flag)?.n ?? 0);
  return {
    items: await describeFlagged(deps.db, rows, f.month),
    total,
    page: query.page,
    pageSize: query.pageSize,
    month: f.month,
    counts: { decline: count('decline'), stopped: count('stopped'), half_stopped: count('half_stopped') },
  };
}

/** Every flagged firm of the list's filters, for export. */
export async function allFlagged(deps: Deps, ctx: UserContext, query: Omit<FlagListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'monitoring:read');
  const f = filterOf(deps, query);
  return describeFlagged(deps.db, await monitoringRepository.all(deps.db, f, await scopeFor(deps.db, ctx.user, 'monitoring:read')), f.month);
}

/** A firm's 24 months up to the last closed month, with the flags of each; another unit's firm is 404. */
export async function firmMonitoring(deps: Deps, ctx: UserContext, id: number): Promise<FirmMonitoring> {
  requirePermission(ctx, 'monitoring:read');
  const firm = await monitoringRepository.firm(deps.db, id, await scopeFor(deps.db, ctx.user, 'monitoring:read'));
  if (!firm) throw notFound();
  const last = lastMonth(deps);
  const from = addMonths(last, -23);
  const [figures, flags, units] = await Promise.all([
    monitoringRepository.figures(deps.db, [id], from, last),
    monitoringRepository.activeFlags(deps.db, [id], from, last),
    monitoringRepository.unitsByIds(deps.db, [firm.townshipUnitId, ...(firm.serviceTeamUnitId ? [firm.serviceTeamUnitId] : [])]),
  ]);
  const unitMap = new Map(units.map((u) => [u.id, u]));
  const byMonth = new Map(figures.map((f) => [f.month, f]));
  return {
    enterprise: { id: firm.id, name: firm.name, uscc: firm.uscc },
    townshipUnit: brief(unitMap, firm.townshipUnitId),
    serviceTeamUnit: firm.serviceTeamUnitId ? brief(unitMap, firm.serviceTeamUnitId) : null,
    lastMonth: last,
    months: monthsBetween(from, last).map((month) => {
      const f = byMonth.get(month);
      return {
        month,
        outputFen: num(f?.outputFen ?? null),
        electricityKwh: num(f?.electricityKwh ?? null),
        taxesFen: num(f?.taxesFen ?? null),
        flags: flags.filter((x) => x.month === month).map((x) => x.flag as MonitoringFlag),
      };
    }),
  };
}

export async function getThresholds(deps: Deps, ctx: UserContext): Promise<MonitoringThresholds> {
  requirePermission(ctx, 'monitoring:read');
  return monitoringThresholds(deps.db);
}

/** The office changes the thresholds; they apply from the next import (flags already raised stay). */
export async function updateThresholds(deps: Deps, ctx: UserContext, body: z.infer<typeof thresholdsSchema>): Promise<MonitoringThresholds> {
  requirePermission(ctx, 'monitoring:import');
  const problems = thresholdProblems(body);
  if (Object.keys(problems).length) throw fieldError(problems as Record<string, 'err.monitoring.stopped_below_half'>);
  await deps.db.transaction().execute((trx) => thresholdsStore.write(trx, deps, ctx, body));
  return monitoringThresholds(deps.db);
}
