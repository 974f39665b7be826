import { type MonitoringSource, addMonths, lastClosedMonth, monthsBetween } from '../../../shared/rules/monitoring-flags';
import { systemContext } from '../../core/access/context';
import type { Deps } from '../../core/deps';
import { countyDay } from '../../core/scheduler/scheduler';
import { type FigureInput, writeFigures } from './monitoring.flags';

/**
 * What happens to some demo firms in the last months (by credit code): output and electricity down a quarter for
 * three months (下滑), electricity near zero last month (停产), electricity at 40 % for two months (半停产).
 */
export const DEMO_SCENARIOS: Record<string, 'decline' | 'stopped' | 'half_stopped'> = {
  '914104214220MM8M13': 'decline', // 河南铁福来装备制造, 周庄镇, 装备制造专班
  '91410421055349545M': 'decline', // 宝丰大成视光科技, 城关镇
  '91410421836663398H': 'stopped', // 宝丰永安金属材料, 大营镇, 不锈钢专班
  '9141042145138A107U': 'half_stopped', // 宝丰县金盛不锈钢制品, 大营镇, 不锈钢专班
  '91410421597769751W': 'half_stopped', // 平顶山万通煤化, 杨庄镇
};

/** A steady pseudo-random number in [0, 1) of a firm and a month, so the demo is the same every time. */
function noise(firmId: number, month: string, salt: number) {
  let h = (firmId * 2654435761 + Number(month.replace('-', '')) * 40503 + salt * 97) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 2246822507) >>> 0;
  h ^= h >>> 13;
  return (h % 10_000) / 10_000;
}

/**
 * 24 months of output, electricity and taxes for the demo's above-scale firms up to the last closed month (dated from
 * the app clock's today), written through the import's own path so the flags, tasks and notices come as they would.
 */
export async function ensureMonitoringDemo(deps: Deps) {
  await deps.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('monitoringFigures').select('id').limit(1).executeTakeFirst()) return;
    const office = await trx.selectFrom('orgUnits').select('id').where('kind', '=', 'office').orderBy('id').executeTakeFirst();
    if (!office) return;
    const firms = await trx.selectFrom('enterprises').select(['id', 'uscc', 'employees']).where('aboveScale', '=', 1).orderBy('id').execute();
    if (firms.length === 0) return;
    const last = lastClosedMonth(countyDay(deps.clock.now()));
    const months = monthsBetween(addMonths(last, -23), last);
    const rows: Record<MonitoringSource, FigureInput[]> = { output: [], electricity: [], taxes: [] };
    for (const firm of firms) {
      // Size from the head count: about 1.2 million yuan of output a month per 10 employees.
      const size = Math.max(50, firm.employees ?? 100);
      const scenario = DEMO_SCENARIOS[firm.uscc];
      for (const [i, month] of months.entries()) {
        const fromEnd = months.length - 1 - i;
        const season = 1 + 0.08 * Math.sin(((Number(month.slice(5)) - 3) / 12) * 2 * Math.PI);
        const growth = 1 + 0.004 * i;
        let outputShare = 1;
        let electricityShare = 1;
        if (scenario === 'decline' && fromEnd <= 2) {
          outputShare = 0.72;
          electricityShare = 0.78;
        }
        if (scenario === 'stopped' && fromEnd === 0) {
          outputShare = 0.05;
          electricityShare = 0.02;
        }
        if (scenario === 'stopped' && fromEnd === 1) electricityShare = 0.6;
        if (scenario === 'half_stopped' && fromEnd <= 1) {
          outputShare = 0.55;
          electricityShare = 0.4;
        }
        const base = size * 120_000 * 100 * season * growth; // fen
        const wobble = 0.97 + 0.06 * noise(firm.id, month, 1);
        const outputFen = Math.round((base * wobble * outputShare) / 10_000) * 10_000;
        const electricityKwh = Math.round(size * 900 * season * growth * (0.97 + 0.06 * noise(firm.id, month, 2)) * electricityShare);
        const taxesFen = Math.round(outputFen * 0.035 * (0.9 + 0.2 * noise(firm.id, month, 3)));
        rows.output.push({ enterpriseId: firm.id, month, value: outputFen });
        rows.electricity.push({ enterpriseId: firm.id, month, value: electricityKwh });
        rows.taxes.push({ enterpriseId: firm.id, month, value: taxesFen });
      }
    }
    for (const source of ['output', 'electricity', 'taxes'] as const)
      await writeFigures(trx, deps, systemContext(), source, rows[source], last, null, office.id);
  });
}
