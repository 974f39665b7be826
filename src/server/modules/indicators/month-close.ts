import type { ProgressCell, Warnings } from '../../../shared/modules/indicators.schemas';
import type { RequestContext, UserContext } from '../../core/access/context';
import { AppError } from '../../core/http/errors';
import type { Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { notify } from '../../core/notifications/notifications.service';
import { createTask, taskOfSource } from '../../core/tasks/tasks.service';
import { getMonthlyCycle } from './cycle.service';
import { events } from '../../core/events/events';
import './month-locked';
import { boardOf } from './warnings.service';

type Indicator = Warnings['indicators'][number]['indicator'];
export interface LaggingUnit {
  unit: ProgressCell['unit'];
  /** Red and missing indicators (a missing value counts as red for reminders). */
  cells: (ProgressCell & { indicator: Indicator })[];
}

/** Units with a red or missing indicator in a board: whom the month's notices, tasks and reminder letters name. */
export function laggingUnits(board: Warnings): LaggingUnit[] {
  const byUnit = new Map<number, LaggingUnit>();
  for (const row of board.indicators) {
    for (const cell of row.units) {
      if (cell.level !== 'red' && cell.level !== 'missing') continue;
      const entry = byUnit.get(cell.unit.id) ?? { unit: cell.unit, cells: [] };
      entry.cells.push({ ...cell, indicator: row.indicator });
      byUnit.set(cell.unit.id, entry);
    }
  }
  return [...byUnit.values()];
}

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

function describeLagging(lagging: LaggingUnit): string {
  return lagging.cells
    .map((c) =>
      c.level === 'missing'
        ? `${c.indicator.nameZh}${c.answersForCounty ? '（全县）' : ''}：未按期报送`
        : `${c.indicator.nameZh}${c.answersForCounty ? '（全县）' : ''}：完成 ${pct(c.completion)}，序时进度 ${pct(c.timeProgress)}，差距 ${c.gapPp?.toFixed(1)} 个百分点${c.persistentRed ? '（连续红灯）' : ''}`,
    )
    .join('\n');
}

const explanationRequest = (entry: LaggingUnit, workingDays: number) =>
  `请于 ${workingDays} 个工作日内书面说明以下指标落后的原因、整改措施和完成时限：\n${describeLagging(entry)}`;

/**
 * What locking a month sets off, in the lock's transaction: every unit with a red or missing indicator is notified
 * and gets one 督办 task asking for its causes and measures (one per unit and month, however often this runs).
 * The reminder letter (提醒函) of a later module attaches to these tasks through their source `indicators/<month>/<unit>`;
 * the `monthLocked` event's subscribers (the notice draft) run last, with the same board.
 */
export async function followUpLockedMonth(trx: Trx, deps: Deps, ctx: RequestContext, month: string, officeUnitId: number) {
  const { responseWorkingDays } = await getMonthlyCycle(trx);
  const board = await boardOf(trx, { all: true }, { month });
  const lagging = laggingUnits(board);
  let tasks = 0;
  for (const entry of lagging) {
    const red = entry.cells.filter((c) => c.level === 'red').length;
    const missing = entry.cells.length - red;
    await notify(trx, deps, {
      unitIds: [entry.unit.id],
      kind: 'indicator.warning',
      title: { zh: `${month} 指标预警：${red} 项红灯，${missing} 项未报`, en: `${month} indicator warning: ${red} red, ${missing} missing` },
      link: '/indicators/warnings',
      entityType: 'indicator_month',
      entityId: month,
    });
    const { created } = await laggingUnitTask(trx, deps, ctx, {
      month,
      unit: entry.unit,
      description: explanationRequest(entry, responseWorkingDays),
      createdByUnitId: officeUnitId,
    });
    if (created) tasks += 1;
  }
  await events.publish(trx, deps, ctx, 'monthLocked', { month, board, officeUnitId });
  return { units: lagging.length, tasks };
}

/**
 * The one 督办 task asking a lagging unit for its causes and measures in a month: the existing one (made by the
 * month close or an earlier letter) or a new one due in the cycle's response working days.
 */
export async function laggingUnitTask(
  trx: Trx,
  deps: Deps,
  ctx: RequestContext,
  input: { month: string; unit: { id: number; nameZh: string }; description: string; createdByUnitId: number },
): Promise<{ id: number; created: boolean }> {
  const source = { module: 'indicators', recordId: `${input.month}/${input.unit.id}` };
  const existing = await taskOfSource(trx, source);
  if (existing) return { id: existing.id, created: false };
  const { responseWorkingDays } = await getMonthlyCycle(trx);
  const id = await createTask(trx, deps, ctx, {
    type: 'indicator_warning',
    title: `${input.month} 指标落后整改说明（${input.unit.nameZh}）`,
    description: input.description,
    source,
    ownerUnitId: input.unit.id,
    dueInWorkingDays: responseWorkingDays,
    createdByUnitId: input.createdByUnitId,
  });
  return { id, created: true };
}

/**
 * The office asks one unit of the board, from its red cell, for the written explanation of its lagging indicators:
 * the same 督办 task the month's lock gives (made now, or the one that exists), so that locking later reuses it.
 */
export async function askLaggingUnit(deps: Deps, ctx: UserContext, input: { month: string; unitId: number }): Promise<{ id: number; created: boolean }> {
  return deps.db.transaction().execute(async (trx) => {
    const entry = laggingUnits(await boardOf(trx, { all: true }, { month: input.month })).find((u) => u.unit.id === input.unitId);
    if (!entry) throw new AppError('CONFLICT', {}, { unitId: { key: 'err.indicator.not_lagging' } });
    const { responseWorkingDays } = await getMonthlyCycle(trx);
    return laggingUnitTask(trx, deps, ctx, {
      month: input.month,
      unit: entry.unit,
      description: explanationRequest(entry, responseWorkingDays),
      createdByUnitId: ctx.user.unitId,
    });
  });
}
