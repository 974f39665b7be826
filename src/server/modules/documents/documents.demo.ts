import { addMonths } from '../../../shared/rules/monitoring-flags';
import { previousMonth } from '../../../shared/rules/monthly-cycle';
import { workingDayAfter } from '../../core/calendar/calendar.service';
import { countyDay } from '../../core/scheduler/scheduler';
import type { Deps } from '../../core/deps';
import { demoUserContext } from '../../core/setup/bootstrap';
import { getMonthlyCycle, lastLockedMonthSince } from '../indicators';
import { documentsRepository } from './documents.repository';
import { draftLetters, draftMonthly, issueDocument } from './documents.service';

/**
 * The demo's documents of the present: the work brief and the reminder letters of the last locked month, issued by
 * the office a few working days after that month's lock day, as the office does each month; nothing when the ledger
 * has no month locked in the last quarter (a clock in the history year) or when any document exists.
 */
export async function ensureDemoDocuments(deps: Deps): Promise<void> {
  if (await documentsRepository.any(deps.db)) return;
  const today = countyDay(deps.clock.now());
  const month = await lastLockedMonthSince(deps.db, addMonths(previousMonth(today), -3));
  const office = await demoUserContext(deps.db, 'office');
  if (!month || !office) return;
  const { lockWorkingDay } = await getMonthlyCycle(deps.db);
  const planned = await workingDayAfter(deps.db, `${addMonths(month, 1)}-01`, lockWorkingDay + 2);
  // The earlier of the two (ISO dates order as strings): never a date still to come.
  const [issueDate] = [planned, today].sort();
  const brief = await draftMonthly(deps, office, { docType: 'brief', subject: null }, month);
  await issueDocument(deps, office, brief.id, issueDate);
  for (const letter of (await draftLetters(deps, office, { month })).items) await issueDocument(deps, office, letter.id, issueDate);
}
