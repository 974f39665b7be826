import type { z } from 'zod';
import type { Ledger, LedgerCell, LedgerRow, saveValuesBody, submitMonthBody } from '../../../shared/modules/indicators.schemas';
import { valueProblems } from '../../../shared/rules/ledger-checks';
import { type Scope, requirePermission, scopeFor } from '../../core/access/access';
import type { RequestContext, UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { AppError, type FieldProblem, fieldError, notFound } from '../../core/http/errors';
import { unitsRepository } from '../../core/org/units.repository';
import { describeIndicators } from './indicators.service';
import { type IndicatorRow, type TargetRow, indicatorsRepository, plansRepository } from './indicators.repository';
import { ledgerRepository } from './ledger.repository';
import { followUpLockedMonth } from './month-close';

const monthOf = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;
const yearOf = (month: string) => Number(month.slice(0, 4));

/** Whether a scope covers a ledger row: the unit's own rows, or a county total of an indicator the unit is the source of. */
function covers(scope: Scope, unitId: number, indicator: Pick<IndicatorRow, 'sourceUnitId'>, countyId: number): boolean {
  if (scope.all || scope.unitIds.includes(unitId)) return true;
  return unitId === countyId && indicator.sourceUnitId !== null && scope.unitIds.includes(indicator.sourceUnitId);
}

/** A unit's targets of a year: the rows of its ledger sheet. */
async function unitTargetsOfYear(db: Executor, year: number, unitId: number): Promise<TargetRow[]> {
  const plan = await plansRepository.findByYear(db, year);
  return plan ? plansRepository.unitTargets(db, plan.id, unitId) : [];
}

/** A value may be kept for a unit and indicator that have a target that year, or the next (last year's baseline). */
async function hasTarget(db: Executor, indicatorId: number, unitId: number, month: string, cache: Map<string, TargetRow[]>) {
  for (const year of [yearOf(month), yearOf(month) + 1]) {
    const key = `${year}/${unitId}`;
    if (!cache.has(key)) cache.set(key, await unitTargetsOfYear(db, year, unitId));
    if (cache.get(key)?.some((t) => t.indicatorId === indicatorId)) return true;
  }
  return false;
}

/** A unit's sheet for a year: a row per indicator it has a target for, twelve months, last year beside them. */
export async function getLedger(deps: Deps, ctx: RequestContext, query: { year: number; unitId?: number }): Promise<Ledger> {
  requirePermission(ctx, 'indicator:read');
  const { year } = query;
  const unitId = query.unitId ?? ctx.user.unitId;
  const [readScope, enterScope, countyId] = await Promise.all([
    scopeFor(deps.db, ctx.user, 'indicator:read'),
    ctx.user.permissions.has('indicator:enter')
      ? scopeFor(deps.db, ctx.user, 'indicator:enter')
      : Promise.resolve<Scope>({ all: false, unitIds: [], ownUserId: null }),
    unitsRepository.countyId(deps.db),
  ]);
  const unit = await deps.db.selectFrom('orgUnits').select(['id', 'code', 'nameZh', 'nameEn', 'kind']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw notFound();
  const targets = await unitTargetsOfYear(deps.db, year, unitId);
  const indicators = await indicatorsRepository.findByIds(deps.db, [...new Set(targets.map((t) => t.indicatorId))]);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  // The county sheet shows the totals a unit answers for as data source; every other sheet needs the unit in scope.
  const rowsOfUnit = targets.filter((t) => t.unitId === unitId && covers(readScope, unitId, byId.get(t.indicatorId) as IndicatorRow, countyId));
  if (unitId !== countyId && !readScope.all && !readScope.unitIds.includes(unitId)) throw notFound();

  const values = await ledgerRepository.values(deps.db, [unitId], monthOf(year - 1, 1), monthOf(year, 12));
  const locked = await ledgerRepository.lockedMonths(deps.db, monthOf(year, 1), monthOf(year, 12));
  const described = await describeIndicators(
    deps.db,
    rowsOfUnit.map((t) => byId.get(t.indicatorId) as IndicatorRow),
  );
  const rows: LedgerRow[] = rowsOfUnit
    .map((t, i) => {
      const cell = (month: string): LedgerCell | null => {
        const v = values.find((x) => x.indicatorId === t.indicatorId && x.month === month);
        return v ? { value: v.value, status: v.status, explanation: v.explanation, updatedAt: v.updatedAt } : null;
      };
      return {
        indicator: described[i],
        target: t.target,
        startOfYear: t.startOfYear,
        planCurve: t.planCurve ? (JSON.parse(t.planCurve) as number[]) : null,
        values: Array.from({ length: 12 }, (_, m) => cell(monthOf(year, m + 1))),
        lastYear: Array.from({ length: 12 }, (_, m) => cell(monthOf(year - 1, m + 1))?.value ?? null),
        writable: covers(enterScope, unitId, byId.get(t.indicatorId) as IndicatorRow, countyId),
      };
    })
    .sort((a, b) => a.indicator.sortOrder - b.indicator.sortOrder || a.indicator.id - b.indicator.id);

  return { year, unit, lockedMonths: [...locked].sort(), units: await sheetUnits(deps.db, readScope, year, countyId), rows };
}

/** The units whose sheets the caller may open: those with targets inside the read scope, and the county. */
async function sheetUnits(db: Executor, scope: Scope, year: number, countyId: number) {
  const plan = await plansRepository.findByYear(db, year);
  if (!plan) return [];
  const ids = await plansRepository.unitsWithTargets(db, plan.id, scope, countyId);
  if (ids.length === 0) return [];
  return db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind']).where('id', 'in', ids).orderBy('sortOrder').orderBy('id').execute();
}

/**
 * Saves values as drafts. A value in a locked month changes only with a reason; the correction stays submitted,
 * is kept in the value's history and audited. A submitted value of an open month goes back to draft.
 */
export async function saveValues(deps: Deps, ctx: UserContext, body: z.infer<typeof saveValuesBody>) {
  requirePermission(ctx, 'indicator:enter');
  const scope = await scopeFor(deps.db, ctx.user, 'indicator:enter');
  await deps.db.transaction().execute(async (trx) => {
    const countyId = await unitsRepository.countyId(trx);
    const indicators = new Map((await indicatorsRepository.findByIds(trx, [...new Set(body.values.map((v) => v.indicatorId))])).map((i) => [i.id, i]));
    const months = body.values.map((v) => v.month).sort();
    const locked = await ledgerRepository.lockedMonths(trx, months[0], months[months.length - 1]);
    const targetCache = new Map<string, TargetRow[]>();
    const problems: Record<string, FieldProblem['key']> = {};
    for (const [i, v] of body.values.entries()) {
      const indicator = indicators.get(v.indicatorId);
      // Outside the caller's scope the row does not exist for them: 404, as for any other record.
      if (!indicator || !covers(scope, body.unitId, indicator, countyId)) throw notFound();
      if (!(await hasTarget(trx, v.indicatorId, body.unitId, v.month, targetCache))) problems[`values.${i}.indicatorId`] = 'err.no_target';
    }
    if (Object.keys(problems).length) throw fieldError(problems);
    if (body.values.some((v) => locked.has(v.month)) && !body.reason) throw fieldError({ reason: 'err.locked_change_reason' });

    await writeValues(trx, deps, ctx, body, locked);
  });
}

type ValuesToWrite = z.infer<typeof saveValuesBody>;

/**
 * Writes checked values as drafts, or as audited corrections with the reason in a locked month, each kept in the
 * value's history; one audit row for the lot. Scope, targets and the reason are the caller's to check first.
 */
export async function writeValues(trx: Trx, deps: Deps, ctx: UserContext, body: ValuesToWrite, locked: Set<string>) {
  const now = deps.clock.now().toISOString();
  const before = [];
  const after = [];
  for (const v of body.values) {
    const existing = await ledgerRepository.find(trx, v.indicatorId, body.unitId, v.month);
    const isLocked = locked.has(v.month);
    const fields = { value: v.value, explanation: v.explanation, updatedBy: ctx.user.id, updatedAt: now };
    if (existing) {
      before.push({ indicatorId: v.indicatorId, month: v.month, value: existing.value, status: existing.status });
      await ledgerRepository.update(trx, existing.id, { ...fields, status: isLocked ? existing.status : 'draft' });
      if (isLocked && existing.value !== v.value) {
        await ledgerRepository.addHistory(trx, [
          {
            valueId: existing.id,
            action: 'correct',
            beforeValue: existing.value,
            afterValue: v.value,
            reason: body.reason as string,
            changedBy: ctx.user.id,
            changedAt: now,
          },
        ]);
      }
    } else {
      const id = await ledgerRepository.insert(trx, {
        indicatorId: v.indicatorId,
        unitId: body.unitId,
        month: v.month,
        ...fields,
        status: isLocked ? 'submitted' : 'draft',
        submittedAt: isLocked ? now : null,
      });
      if (isLocked) {
        await ledgerRepository.addHistory(trx, [
          { valueId: id, action: 'correct', beforeValue: null, afterValue: v.value, reason: body.reason as string, changedBy: ctx.user.id, changedAt: now },
        ]);
      }
    }
    after.push({ indicatorId: v.indicatorId, month: v.month, value: v.value, status: isLocked ? 'submitted' : 'draft' });
  }
  const months = [...new Set(body.values.map((v) => v.month))].sort();
  await recordAudit(trx, deps, ctx, {
    action: months.some((m) => locked.has(m)) ? 'indicator_value.correct' : 'indicator_value.save',
    entityType: 'indicator_value',
    entityId: `${body.unitId}/${months.join(',')}`,
    before,
    after: { values: after, reason: body.reason ?? null },
  });
}

function problemMessage(indicator: IndicatorRow, problem: string, value: number, previous: number | null): FieldProblem {
  const key = `err.value.${problem}` as FieldProblem['key'];
  const jump = previous ? Math.round(((value - previous) / Math.abs(previous)) * 1000) / 10 : 0;
  return {
    key,
    params: { min: indicator.minValue ?? '', max: indicator.maxValue ?? '', decimals: indicator.decimals, jump, limit: indicator.maxJumpPct ?? '' },
  };
}

/** Submits a unit's drafts of one month, after the limit and jump checks of every value. */
export async function submitMonth(deps: Deps, ctx: UserContext, body: z.infer<typeof submitMonthBody>) {
  requirePermission(ctx, 'indicator:enter');
  const scope = await scopeFor(deps.db, ctx.user, 'indicator:enter');
  return deps.db.transaction().execute(async (trx) => {
    if (await ledgerRepository.findLock(trx, body.month)) throw fieldError({ month: 'err.month_locked' });
    const countyId = await unitsRepository.countyId(trx);
    const drafts = await ledgerRepository.drafts(trx, body.unitId, body.month);
    const indicators = new Map((await indicatorsRepository.findByIds(trx, [...new Set(drafts.map((d) => d.indicatorId))])).map((i) => [i.id, i]));
    const mine = drafts.filter((d) => covers(scope, body.unitId, indicators.get(d.indicatorId) as IndicatorRow, countyId));
    if (mine.length === 0) {
      if (!scope.all && !scope.unitIds.includes(body.unitId) && body.unitId !== countyId) throw notFound();
      throw fieldError({ month: 'err.nothing_to_submit' });
    }
    const m = Number(body.month.slice(5));
    const previousMonth = m > 1 ? monthOf(yearOf(body.month), m - 1) : null;
    const previous = previousMonth ? await ledgerRepository.values(trx, [body.unitId], previousMonth, previousMonth) : [];
    const problems: Record<string, FieldProblem> = {};
    for (const draft of mine) {
      const indicator = indicators.get(draft.indicatorId) as IndicatorRow;
      const prev = previous.find((p) => p.indicatorId === draft.indicatorId)?.value ?? null;
      const found = valueProblems(indicator, draft.value, prev, draft.explanation);
      if (found.length) problems[`values.${draft.indicatorId}`] = problemMessage(indicator, found[0], draft.value, prev);
    }
    if (Object.keys(problems).length) throw fieldError(problems);
    const now = deps.clock.now().toISOString();
    for (const draft of mine) await ledgerRepository.update(trx, draft.id, { status: 'submitted', submittedAt: now });
    await ledgerRepository.addHistory(
      trx,
      mine.map((d) => ({
        valueId: d.id,
        action: 'submit' as const,
        beforeValue: null,
        afterValue: d.value,
        reason: '',
        changedBy: ctx.user.id,
        changedAt: now,
      })),
    );
    await recordAudit(trx, deps, ctx, {
      action: 'indicator_value.submit',
      entityType: 'indicator_value',
      entityId: `${body.unitId}/${body.month}`,
      after: mine.map((d) => ({ indicatorId: d.indicatorId, value: d.value })),
    });
    return { submitted: mine.length };
  });
}

/** Locks a month (office): from now on its values change only with a recorded reason; lagging units are followed up. */
export async function lockMonth(deps: Deps, ctx: UserContext, month: string) {
  requirePermission(ctx, 'indicator:lock');
  return deps.db.transaction().execute(async (trx) => {
    if (await ledgerRepository.findLock(trx, month)) throw new AppError('CONFLICT');
    return lockIn(trx, deps, ctx, month, ctx.user.unitId);
  });
}

/** The lock itself and its follow-up, for the office's request and for the automatic lock on the lock day. */
export async function lockIn(trx: Trx, deps: Deps, ctx: RequestContext, month: string, officeUnitId: number) {
  await ledgerRepository.insertLock(trx, month, ctx.user?.id ?? null, deps.clock.now().toISOString());
  const followUp = await followUpLockedMonth(trx, deps, ctx, month, officeUnitId);
  await recordAudit(trx, deps, ctx, { action: 'indicator_month.lock', entityType: 'indicator_month', entityId: month, after: followUp });
  return followUp;
}

/** The history of one value: its submission and every correction after it. */
export async function valueHistory(deps: Deps, ctx: RequestContext, q: { indicatorId: number; unitId: number; month: string }) {
  requirePermission(ctx, 'indicator:read');
  const [scope, countyId, indicator] = await Promise.all([
    scopeFor(deps.db, ctx.user, 'indicator:read'),
    unitsRepository.countyId(deps.db),
    indicatorsRepository.findById(deps.db, q.indicatorId),
  ]);
  if (!indicator || (q.unitId !== countyId && !covers(scope, q.unitId, indicator, countyId))) throw notFound();
  const value = await ledgerRepository.find(deps.db, q.indicatorId, q.unitId, q.month);
  return { items: value ? await ledgerRepository.history(deps.db, value.id) : [] };
}

/**
 * Writes values another module has accepted (a township's monthly report) into the ledger, inside the caller's
 * transaction: each becomes the unit's submitted value of the month. Values for an indicator the unit has no target
 * for are skipped (the ledger keeps no such rows); in a locked month a change is kept in the value's history with
 * the source as its reason. The caller has checked its own permission; this writes its own audit row.
 */
export async function recordReportedValues(
  trx: Trx,
  deps: Deps,
  ctx: RequestContext,
  input: { unitId: number; month: string; values: { indicatorCode: string; value: number }[]; source: string },
): Promise<{ written: { indicatorCode: string; value: number }[]; skipped: string[] }> {
  const now = deps.clock.now().toISOString();
  const locked = await ledgerRepository.findLock(trx, input.month);
  const targetCache = new Map<string, TargetRow[]>();
  const written: { indicatorCode: string; value: number }[] = [];
  const skipped: string[] = [];
  const before = [];
  for (const v of input.values) {
    const indicator = await indicatorsRepository.findByCode(trx, v.indicatorCode);
    if (!indicator || !(await hasTarget(trx, indicator.id, input.unitId, input.month, targetCache))) {
      skipped.push(v.indicatorCode);
      continue;
    }
    const value = Number(v.value.toFixed(indicator.decimals));
    const existing = await ledgerRepository.find(trx, indicator.id, input.unitId, input.month);
    let valueId: number;
    if (existing) {
      before.push({ indicatorId: indicator.id, month: input.month, value: existing.value, status: existing.status });
      await ledgerRepository.update(trx, existing.id, {
        value,
        status: 'submitted',
        explanation: input.source,
        updatedBy: ctx.user?.id ?? null,
        updatedAt: now,
        submittedAt: now,
      });
      valueId = existing.id;
    } else {
      valueId = await ledgerRepository.insert(trx, {
        indicatorId: indicator.id,
        unitId: input.unitId,
        month: input.month,
        value,
        explanation: input.source,
        status: 'submitted',
        updatedBy: ctx.user?.id ?? null,
        updatedAt: now,
        submittedAt: now,
      });
    }
    await ledgerRepository.addHistory(trx, [
      {
        valueId,
        action: locked && existing ? 'correct' : 'submit',
        beforeValue: existing?.value ?? null,
        afterValue: value,
        reason: input.source,
        changedBy: ctx.user?.id ?? null,
        changedAt: now,
      },
    ]);
    written.push({ indicatorCode: v.indicatorCode, value });
  }
  if (written.length) {
    await recordAudit(trx, deps, ctx, {
      action: 'indicator_value.submit',
      entityType: 'indicator_value',
      entityId: `${input.unitId}/${input.month}`,
      before,
      after: { values: written, source: input.source },
    });
  }
  return { written, skipped };
}
