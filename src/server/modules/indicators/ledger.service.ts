import type { z } from 'zod';
import type { Ledger, LedgerCell, LedgerRow, saveValuesBody, submitMonthBody } from '../../../shared/modules/indicators.schemas';
import { sumOfReported, valueProblems } from '../../../shared/rules/ledger-checks';
import { type Scope, requirePermission, scopeFor, scopeIncludes, scopeIfHeld } from '../../core/access/access';
import type { RequestContext, UserContext } from '../../core/access/context';
import { type Locale, translate } from '../../../shared/i18n/messages';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import type { EventHandler } from '../../core/events/events';
import { AppError, type FieldProblem, fieldError, notFound } from '../../core/http/errors';
import { unitsRepository } from '../../core/org/units.repository';
import { describeIndicators } from './indicators.service';
import { type IndicatorRow, type TargetRow, indicatorsRepository, plansRepository } from './indicators.repository';
import { ledgerRepository } from './ledger.repository';
import { warningsRepository } from './warnings.repository';
import { followUpLockedMonth } from './month-close';

const monthOf = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;
const yearOf = (month: string) => Number(month.slice(0, 4));

/** Whether a scope covers a ledger row: the unit's own rows, or a county total of an indicator the unit is the source of. */
function covers(scope: Scope, unitId: number, indicator: Pick<IndicatorRow, 'sourceUnitId'>, countyId: number): boolean {
  return scopeIncludes(scope, unitId) || (unitId === countyId && scopeIncludes(scope, indicator.sourceUnitId));
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

/**
 * The county sheet's rows summed from the units, month by month for the year and the year before: the database adds
 * up the submitted values of the units with a target (`unitMonthTotals`, as the board does), and a month has a figure
 * once every one of them is in (`sumOfReported`, the rule of `sumOfUnits`).
 */
async function countySums(db: Executor, year: number, indicators: IndicatorRow[]) {
  const out = new Map<number, { values: (LedgerCell | null)[]; lastYear: (number | null)[] }>();
  const summed = indicators.filter((i) => i.countyValue === 'sum');
  const plan = summed.length ? await plansRepository.findByYear(db, year) : undefined;
  if (!plan) return out;
  const ids = summed.map((i) => i.id);
  const [totals, unitCounts] = await Promise.all([
    warningsRepository.unitMonthTotals(db, { planId: plan.id, year, month: 12 }, ids),
    warningsRepository.unitTargetCounts(db, plan.id, ids),
  ]);
  const byKey = new Map(totals.map((t) => [`${t.indicatorId}/${t.month}`, t]));
  for (const indicator of summed) {
    const units = unitCounts.get(indicator.id) ?? 0;
    const month = (y: number, m: number) => {
      const row = byKey.get(`${indicator.id}/${monthOf(y, m + 1)}`);
      const value = row ? sumOfReported(row.total, row.reported, units, indicator.decimals) : null;
      return value === null || !row ? null : { value, updatedAt: row.updatedAt };
    };
    out.set(indicator.id, {
      values: Array.from({ length: 12 }, (_, m) => {
        const cell = month(year, m);
        return cell && { ...cell, status: 'submitted' as const, explanation: '', source: null };
      }),
      lastYear: Array.from({ length: 12 }, (_, m) => month(year - 1, m)?.value ?? null),
    });
  }
  return out;
}

/** A unit's sheet for a year: a row per indicator it has a target for, twelve months, last year beside them. */
export async function getLedger(deps: Deps, ctx: RequestContext, query: { year: number; unitId?: number }): Promise<Ledger> {
  requirePermission(ctx, 'indicator:read');
  const { year } = query;
  const unitId = query.unitId ?? ctx.user.unitId;
  const [readScope, enterScope, countyId] = await Promise.all([
    scopeFor(deps.db, ctx.user, 'indicator:read'),
    scopeIfHeld(deps.db, ctx.user, 'indicator:enter'),
    unitsRepository.countyId(deps.db),
  ]);
  const unit = await ledgerRepository.sheetUnit(deps.db, unitId);
  if (!unit) throw notFound();
  const targets = await unitTargetsOfYear(deps.db, year, unitId);
  const indicators = await indicatorsRepository.findByIds(deps.db, [...new Set(targets.map((t) => t.indicatorId))]);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  // The county sheet shows the totals a unit answers for as data source; every other sheet needs the unit in scope.
  const rowsOfUnit = targets.filter((t) => t.unitId === unitId && covers(readScope, unitId, byId.get(t.indicatorId) as IndicatorRow, countyId));
  if (unitId !== countyId && !scopeIncludes(readScope, unitId)) throw notFound();

  const values = await ledgerRepository.values(deps.db, [unitId], monthOf(year - 1, 1), monthOf(year, 12));
  // A sheet has up to 50 × 24 cells: looked up by key, not by a search of every value for each.
  const valueAt = new Map(values.map((v) => [`${v.indicatorId}/${v.month}`, v]));
  const locked = await ledgerRepository.lockedMonths(deps.db, monthOf(year, 1), monthOf(year, 12));
  const sums =
    unitId === countyId
      ? await countySums(
          deps.db,
          year,
          rowsOfUnit.map((t) => byId.get(t.indicatorId) as IndicatorRow),
        )
      : new Map();
  const described = await describeIndicators(
    deps.db,
    rowsOfUnit.map((t) => byId.get(t.indicatorId) as IndicatorRow),
  );
  const rows: LedgerRow[] = rowsOfUnit
    .map((t, i) => {
      const cell = (month: string): LedgerCell | null => {
        const v = valueAt.get(`${t.indicatorId}/${month}`);
        return v ? { value: v.value, status: v.status, explanation: v.explanation, updatedAt: v.updatedAt, source: v.source } : null;
      };
      const indicator = byId.get(t.indicatorId) as IndicatorRow;
      const summed = unitId === countyId && indicator.countyValue === 'sum';
      return {
        indicator: described[i],
        target: t.target,
        startOfYear: t.startOfYear,
        planCurve: t.planCurve ? (JSON.parse(t.planCurve) as number[]) : null,
        values: summed ? (sums.get(t.indicatorId)?.values ?? Array(12).fill(null)) : Array.from({ length: 12 }, (_, m) => cell(monthOf(year, m + 1))),
        lastYear: summed
          ? (sums.get(t.indicatorId)?.lastYear ?? Array(12).fill(null))
          : Array.from({ length: 12 }, (_, m) => cell(monthOf(year - 1, m + 1))?.value ?? null),
        countyIsSum: summed,
        // A county figure summed from the units is never entered.
        writable: !summed && covers(enterScope, unitId, indicator, countyId),
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
  return ledgerRepository.sheetUnits(db, ids);
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
    const problems: Record<string, FieldProblem['key'] | FieldProblem> = {};
    const office = ctx.user.permissions.has('indicator:manage');
    let correctsReport = false;
    for (const [i, v] of body.values.entries()) {
      const indicator = indicators.get(v.indicatorId);
      // Outside the caller's scope the row does not exist for them: 404, as for any other record.
      if (!indicator || !covers(scope, body.unitId, indicator, countyId)) throw notFound();
      if (!(await hasTarget(trx, v.indicatorId, body.unitId, v.month, targetCache))) problems[`values.${i}.indicatorId`] = 'err.no_target';
      else if (body.unitId === countyId && indicator.countyValue === 'sum') problems[`values.${i}.value`] = 'err.county_is_sum';
      else {
        // A value an accepted report wrote stays as accepted: only the office corrects it, with a reason.
        const existing = await ledgerRepository.find(trx, v.indicatorId, body.unitId, v.month);
        if (existing?.source && existing.value !== v.value) {
          if (office) correctsReport = true;
          else problems[`values.${i}.value`] = heldProblem(ctx.locale, existing);
        }
      }
    }
    if (Object.keys(problems).length) throw fieldError(problems);
    if (body.values.some((v) => locked.has(v.month)) && !body.reason) throw fieldError({ reason: 'err.locked_change_reason' });
    if (correctsReport && !body.reason) throw fieldError({ reason: 'err.report_correction_reason' });

    await writeValues(trx, deps, ctx, body, locked);
  });
}

/** The refusal of a write to a value an accepted report wrote, naming the report. */
export function heldProblem(locale: Locale, value: { source: string | null; explanation: string }): FieldProblem {
  const id = value.source?.split('/')[1] ?? '';
  return { key: 'err.value_from_report', params: { source: locale === 'en-US' ? `report #${id}` : value.explanation || `报表 #${id}` } };
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
  let corrected = false;
  for (const v of body.values) {
    const existing = await ledgerRepository.find(trx, v.indicatorId, body.unitId, v.month);
    // A value of a locked month, or one an accepted report wrote, stays submitted: a change is a correction.
    // An unchanged value an accepted report wrote is left as it is (a whole row saved from the grid names it too).
    if (existing?.source && existing.value === v.value) continue;
    const isLocked = locked.has(v.month) || !!existing?.source;
    if (existing?.source) corrected = true;
    const fields = { value: v.value, explanation: v.explanation, updatedBy: ctx.user.id, updatedAt: now };
    if (existing) {
      before.push({ indicatorId: v.indicatorId, month: v.month, value: existing.value, status: existing.status, source: existing.source });
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
    action: corrected || months.some((m) => locked.has(m)) ? 'indicator_value.correct' : 'indicator_value.save',
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
      if (body.unitId !== countyId && !scopeIncludes(scope, body.unitId)) throw notFound();
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

/** What accepting a report does with one mapped value: written to the ledger, or skipped and why. */
export interface ReportedValueOutcome {
  indicatorCode: string;
  indicator: { id: number; nameZh: string; nameEn: string; unitZh: string; unitEn: string } | null;
  value: number;
  written: boolean;
  /** Why a value is not written: no such indicator, no plan for the year, no target for the unit, a summed county row. */
  reason: 'unknown_indicator' | 'no_plan' | 'no_target' | 'county_is_sum' | null;
  /** Written into a locked month: kept as a correction in the value's history. */
  locked: boolean;
  /** The reason or the note, in the caller's language. */
  message: string | null;
}

/**
 * Decides, for values another module would write into a unit's ledger month, which are written and why the others
 * are not; the same answer for the office's preview before it accepts and for the acceptance itself.
 */
async function planReported(
  db: Executor,
  locale: Locale,
  input: { unitId: number; month: string; values: { indicatorCode: string; value: number }[] },
): Promise<ReportedValueOutcome[]> {
  const year = yearOf(input.month);
  const [locked, countyId, plans, unit] = await Promise.all([
    ledgerRepository.findLock(db, input.month),
    unitsRepository.countyId(db),
    Promise.all([plansRepository.findByYear(db, year), plansRepository.findByYear(db, year + 1)]),
    unitsRepository.namesOf(db, [input.unitId]).then(([u]) => u),
  ]);
  const targetCache = new Map<string, TargetRow[]>();
  const unitName = (locale === 'en-US' ? unit?.nameEn : unit?.nameZh) ?? '';
  const out: ReportedValueOutcome[] = [];
  for (const v of input.values) {
    const row = await indicatorsRepository.findByCode(db, v.indicatorCode);
    const indicator = row ? { id: row.id, nameZh: row.nameZh, nameEn: row.nameEn, unitZh: row.unitZh, unitEn: row.unitEn } : null;
    const name = (locale === 'en-US' ? row?.nameEn : row?.nameZh) ?? v.indicatorCode;
    const reason: ReportedValueOutcome['reason'] = !row
      ? 'unknown_indicator'
      : plans.every((p) => !p)
        ? 'no_plan'
        : !(await hasTarget(db, row.id, input.unitId, input.month, targetCache))
          ? 'no_target'
          : input.unitId === countyId && row.countyValue === 'sum'
            ? 'county_is_sum'
            : null;
    const value = row ? Number(v.value.toFixed(row.decimals)) : v.value;
    const params = { code: v.indicatorCode, year, unit: unitName, indicator: name, month: input.month };
    out.push({
      indicatorCode: v.indicatorCode,
      indicator,
      value,
      written: reason === null,
      reason,
      locked: reason === null && !!locked,
      message: reason ? translate(locale, `ledger.skip.${reason}`, params) : locked ? translate(locale, 'ledger.write.locked', params) : null,
    });
  }
  return out;
}

/** What accepting would write into the ledger and what it would skip, with the reasons, before the office confirms. */
export async function previewReportedValues(
  db: Executor,
  ctx: RequestContext,
  input: { unitId: number; month: string; values: { indicatorCode: string; value: number }[] },
): Promise<ReportedValueOutcome[]> {
  return planReported(db, ctx.locale, input);
}

/**
 * Writes the values of an accepted township report into the ledger (indicators' subscription to `reportAccepted`), in
 * the acceptance's transaction: each becomes the unit's submitted value of the month, marked with the report as its
 * source so that the unit cannot overwrite it in the grid. Values the ledger keeps no row for are skipped with the
 * reason `previewReportedValues` gave; in a locked month a change is kept in the value's history with the source as
 * its reason. Reports has checked its own permission; this writes its own audit row.
 */
export const recordReportedValues: EventHandler<'reportAccepted'> = async (trx, deps, ctx, input) => {
  if (input.values.length === 0) return;
  const now = deps.clock.now().toISOString();
  const plan = await planReported(trx, ctx.locale, input);
  const written: { indicatorCode: string; value: number }[] = [];
  const before = [];
  for (const v of plan) {
    if (!v.written || !v.indicator) continue;
    const existing = await ledgerRepository.find(trx, v.indicator.id, input.unitId, input.month);
    const fields = {
      value: v.value,
      status: 'submitted' as const,
      explanation: input.sourceLabel,
      source: input.source,
      updatedBy: ctx.user?.id ?? null,
      updatedAt: now,
      submittedAt: now,
    };
    let valueId: number;
    if (existing) {
      before.push({ indicatorId: v.indicator.id, month: input.month, value: existing.value, status: existing.status, source: existing.source });
      await ledgerRepository.update(trx, existing.id, fields);
      valueId = existing.id;
    } else {
      valueId = await ledgerRepository.insert(trx, { indicatorId: v.indicator.id, unitId: input.unitId, month: input.month, ...fields });
    }
    await ledgerRepository.addHistory(trx, [
      {
        valueId,
        action: v.locked && existing ? 'correct' : 'submit',
        beforeValue: existing?.value ?? null,
        afterValue: v.value,
        reason: input.sourceLabel,
        changedBy: ctx.user?.id ?? null,
        changedAt: now,
      },
    ]);
    written.push({ indicatorCode: v.indicatorCode, value: v.value });
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
};
