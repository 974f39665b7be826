import { thresholdsSchema } from '../../../shared/modules/monitoring.schemas';
import {
  DEFAULT_MONITORING_THRESHOLDS,
  type MonitoringFlag,
  type MonitoringSource,
  type MonitoringThresholds,
  type MonthFigures,
  TASK_WINDOW_MONTHS,
  addMonths,
  flagsOfMonth,
  monthsAffectedBy,
} from '../../../shared/rules/monitoring-flags';
import type { RequestContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import { batches } from '../../core/db/batch';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import type { Pace } from '../../core/excel/import';
import { notify } from '../../core/notifications/notifications.service';
import { monthLabel } from '../../core/tasks/task-sources';
import { settingsStore } from '../../core/settings/settings-store';
import { createTask, taskOfSource } from '../../core/tasks/tasks.service';
import { SOURCE_COLUMN, monitoringRepository } from './monitoring.repository';

/** The office's thresholds, audited as `monitoring.settings`. */
export const thresholdsStore = settingsStore('monitoring.thresholds', thresholdsSchema, DEFAULT_MONITORING_THRESHOLDS, {
  action: 'monitoring.settings',
  entityType: 'setting',
});

/** The thresholds in force: the stored setting over the defaults. */
export function monitoringThresholds(db: Executor): Promise<MonitoringThresholds> {
  return thresholdsStore.read(db);
}

export interface FigureInput {
  enterpriseId: number;
  month: string;
  value: number;
}

export const FLAG_NAMES: Record<MonitoringFlag, { zh: string; en: string }> = {
  decline: { zh: '下滑', en: 'declining' },
  stopped: { zh: '停产', en: 'stopped' },
  half_stopped: { zh: '半停产', en: 'half stopped' },
};

const SOURCE_NAMES: Record<MonitoringSource, { zh: string; en: string }> = {
  output: { zh: '产值', en: 'output value' },
  electricity: { zh: '用电量', en: 'electricity' },
  taxes: { zh: '税收', en: 'taxes' },
};

/** Task and notice of a firm's month: `monitoring/<firm>/<month>`. */
export const sourceOf = (enterpriseId: number, month: string) => ({ module: 'monitoring', recordId: `${enterpriseId}/${month}` });

const key = (enterpriseId: number, month: string) => `${enterpriseId}|${month}`;
/** Firms per statement of the look-ups below (one bound parameter each, plus the months). */
const FIRM_BATCH = 500;
/** Rows between two yields to the event loop. */
const ROWS_PER_BREATH = 500;

export interface WriteOutcome {
  written: number;
  overwritten: number;
  raised: number;
  cleared: number;
  tasks: number;
}

/**
 * Writes one source's figures (a row per firm and month; a re-import overwrites that source's column only), then
 * recomputes the flags of every month the figures can change and, for each flag newly raised in a recent month, gives
 * the firm's service team (or its township) a notice and a 督办 task 走访核实 — once per firm and month, so a
 * re-import raises nothing twice. All in the caller's transaction, with one audit row; linear in the rows: look-ups
 * by Map, statements of 500 firms, `pace.tick()` per row.
 */
export async function writeFigures(
  trx: Trx,
  deps: Pick<Deps, 'clock' | 'dialect'>,
  ctx: RequestContext,
  source: MonitoringSource,
  rows: FigureInput[],
  lastClosed: string,
  pace: Pace | null,
  createdByUnitId: number,
): Promise<WriteOutcome> {
  const now = deps.clock.now().toISOString();
  // Yields to the event loop (and checks the import's time limit) every few hundred rows, without an await per row.
  let count = 0;
  const breathe = async () => {
    if (pace) await pace.breathe();
  };
  const tick = () => (pace && ++count % ROWS_PER_BREATH === 0 ? pace.breathe() : undefined);
  const firmIds = [...new Set(rows.map((r) => r.enterpriseId))];
  const months = [...new Set(rows.map((r) => r.month))].sort();
  // Every figure the flags of the affected months can look at: 13 months before the first imported month to 13 after the last.
  const from = addMonths(months[0], -13);
  const to = addMonths(months[months.length - 1], 13) < lastClosed ? addMonths(months[months.length - 1], 13) : lastClosed;
  // A firm's figures by month: no key built per look-up.
  const figures = new Map<number, Map<string, MonthFigures>>();
  const seriesOf = (enterpriseId: number) => {
    let series = figures.get(enterpriseId);
    if (!series) {
      series = new Map();
      figures.set(enterpriseId, series);
    }
    return series;
  };
  for (const batch of batches(firmIds, 1, FIRM_BATCH)) {
    for (const f of await monitoringRepository.figures(trx, batch, from, to))
      seriesOf(f.enterpriseId).set(f.month, {
        outputFen: f.outputFen === null ? null : Number(f.outputFen),
        electricityKwh: f.electricityKwh === null ? null : Number(f.electricityKwh),
        taxesFen: f.taxesFen === null ? null : Number(f.taxesFen),
      });
    await breathe();
  }

  // What is overwritten, for the audit row; the months whose flags the figures can change, per firm.
  const column = SOURCE_COLUMN[source];
  const changed: { enterpriseId: number; month: string; before: number; after: number }[] = [];
  const affected = new Map<string, string[]>();
  const evaluate = new Map<number, Set<string>>();
  for (const r of rows) {
    const series = seriesOf(r.enterpriseId);
    const existing = series.get(r.month);
    if (existing) {
      const before = existing[column];
      if (before !== null && before !== r.value) changed.push({ enterpriseId: r.enterpriseId, month: r.month, before, after: r.value });
      existing[column] = r.value;
    } else series.set(r.month, { outputFen: null, electricityKwh: null, taxesFen: null, [column]: r.value });
    let set = evaluate.get(r.enterpriseId);
    if (!set) {
      set = new Set<string>();
      evaluate.set(r.enterpriseId, set);
    }
    let monthsOf = affected.get(r.month);
    if (!monthsOf) {
      monthsOf = monthsAffectedBy(r.month, lastClosed);
      affected.set(r.month, monthsOf);
    }
    for (const m of monthsOf) set.add(m);
    const turn = tick();
    if (turn) await turn;
  }
  await monitoringRepository.upsertFigures(trx, source, rows, now, breathe);

  // The flags of the affected months, by the pure rules.
  const thresholds = await monitoringThresholds(trx);
  const existing = new Map<string, { id: number; active: number }>();
  const evalFrom = months[0];
  for (const batch of batches(firmIds, 1, FIRM_BATCH)) {
    for (const f of await monitoringRepository.flagRows(trx, batch, evalFrom, to)) existing.set(`${key(f.enterpriseId, f.month)}|${f.flag}`, f);
    await breathe();
  }
  const inserts: { enterpriseId: number; month: string; flag: MonitoringFlag; active: number; taskId: null; createdAt: string; updatedAt: string }[] = [];
  const activate: number[] = [];
  const deactivate: number[] = [];
  for (const [enterpriseId, evalMonths] of evaluate) {
    const monthly = seriesOf(enterpriseId);
    const series = (m: string) => monthly.get(m);
    for (const month of evalMonths) {
      const raised = flagsOfMonth(series, month, thresholds);
      // Most months raise nothing and have no flag row to clear: no look-up then.
      if (raised.length > 0 || existing.size > 0)
        for (const flag of ['decline', 'stopped', 'half_stopped'] as const) {
          const row = existing.get(`${key(enterpriseId, month)}|${flag}`);
          if (raised.includes(flag)) {
            if (!row) inserts.push({ enterpriseId, month, flag, active: 1, taskId: null, createdAt: now, updatedAt: now });
            else if (row.active !== 1) activate.push(row.id);
          } else if (row?.active === 1) deactivate.push(row.id);
        }
      const turn = tick();
      if (turn) await turn;
    }
  }
  await monitoringRepository.insertFlags(trx, inserts);
  for (const batch of batches(activate, 1)) await monitoringRepository.setActive(trx, batch, 1, now);
  for (const batch of batches(deactivate, 1)) await monitoringRepository.setActive(trx, batch, 0, now);

  // Notices and tasks for the flags newly raised in the recent months, one task per firm and month.
  const oldest = addMonths(lastClosed, -TASK_WINDOW_MONTHS);
  const fresh = new Map<string, { enterpriseId: number; month: string; flags: MonitoringFlag[] }>();
  for (const f of inserts) {
    if (f.month < oldest) continue;
    const k = key(f.enterpriseId, f.month);
    const entry = fresh.get(k) ?? { enterpriseId: f.enterpriseId, month: f.month, flags: [] };
    entry.flags.push(f.flag);
    fresh.set(k, entry);
  }
  let tasks = 0;
  const firms = new Map((await monitoringRepository.firmsByIds(trx, [...new Set([...fresh.values()].map((f) => f.enterpriseId))])).map((f) => [f.id, f]));
  for (const { enterpriseId, month, flags } of fresh.values()) {
    const firm = firms.get(enterpriseId);
    if (!firm) continue;
    const unitId = firm.serviceTeamUnitId ?? firm.townshipUnitId;
    const label = monthLabel(month);
    const zhFlags = flags.map((f) => FLAG_NAMES[f].zh).join('、');
    const enFlags = flags.map((f) => FLAG_NAMES[f].en).join(', ');
    const source = sourceOf(enterpriseId, month);
    const link = `/monitoring/firms/${enterpriseId}`;
    let task = await taskOfSource(trx, source);
    if (!task) {
      const id = await createTask(trx, deps, ctx, {
        type: 'monitoring_flag',
        title: `走访核实：${firm.name} ${label.zh}${zhFlags}`,
        description: `企业运行监测发现 ${firm.name} ${label.zh}${zhFlags}，请走访核实原因并反馈帮扶措施。`,
        source,
        enterpriseId,
        ownerUnitId: unitId,
        dueInWorkingDays: 10,
        createdByUnitId,
      });
      task = { id, status: 'open' };
      tasks += 1;
    }
    await monitoringRepository.setTask(trx, enterpriseId, month, task.id);
    await notify(trx, deps, {
      unitIds: [unitId],
      unitPermission: 'monitoring:read',
      exceptUserIds: ctx.user ? [ctx.user.id] : [],
      kind: 'monitoring.flag',
      title: { zh: `运行监测：${firm.name} ${label.zh}${zhFlags}`, en: `Monitoring: ${firm.name} ${enFlags} in ${label.en}` },
      link,
      entityType: 'enterprise',
      entityId: enterpriseId,
    });
    await breathe();
  }

  await recordAudit(trx, deps, ctx, {
    action: 'monitoring.import',
    entityType: 'monitoring_figures',
    entityId: source,
    after: {
      source,
      sourceName: SOURCE_NAMES[source].zh,
      rows: rows.length,
      months,
      overwritten: changed.length,
      // The values replaced (the first 2,000), so a correction can be traced to the figure it replaced.
      changes: changed.slice(0, 2000),
      flagsRaised: inserts.length,
      flagsRestored: activate.length,
      flagsCleared: deactivate.length,
      tasks,
    },
  });
  return { written: rows.length, overwritten: changed.length, raised: inserts.length + activate.length, cleared: deactivate.length, tasks };
}
