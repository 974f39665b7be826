import { monthDueForLock } from '../../../shared/rules/monthly-cycle';
import { systemContext } from '../../core/access/context';
import { arrangementAround } from '../../core/calendar/calendar.service';
import type { Deps } from '../../core/deps';
import { type Job, countyDay } from '../../core/scheduler/scheduler';
import { getMonthlyCycle } from './cycle.service';
import { unitsRepository } from '../../core/org/units.repository';
import { plansRepository } from './indicators.repository';
import { ledgerRepository } from './ledger.repository';
import { lockIn } from './ledger.service';

/**
 * Locks last month on its lock day when the office has not (and the cycle allows it), with the same follow-up as
 * the office's lock. Runs daily; the job claim and the lock's own uniqueness keep it to once.
 */
export async function autoLock(deps: Deps): Promise<string> {
  const cycle = await getMonthlyCycle(deps.db);
  if (!cycle.autoLock) return 'automatic locking is off';
  const today = countyDay(deps.clock.now());
  const month = monthDueForLock(await arrangementAround(deps.db, today), today, cycle);
  if (!month) return `${today}: before the lock day`;
  return deps.db.transaction().execute(async (trx) => {
    const plan = await plansRepository.findByYear(trx, Number(month.slice(0, 4)));
    if (plan?.status !== 'published') return `${month}: no published plan`;
    if (await ledgerRepository.findLock(trx, month)) return `${month}: already locked`;
    const officeId = await unitsRepository.firstOfficeId(trx);
    if (officeId === undefined) return 'no office unit';
    const result = await lockIn(trx, deps, systemContext(), month, officeId);
    return `${month}: locked; ${result.units} units followed up, ${result.tasks} tasks`;
  });
}

export const autoLockJob: Job = { name: 'indicators.autolock', schedule: '0 9 * * *', period: countyDay, run: autoLock };
