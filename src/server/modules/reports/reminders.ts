import { previousMonth } from '../../../shared/rules/monthly-cycle';
import { reportDueDate } from '../../../shared/rules/report-forms';
import { workingDaysBetween } from '../../../shared/rules/working-days';
import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import { arrangementAround } from '../../core/calendar/calendar.service';
import type { Deps } from '../../core/deps';
import { notify } from '../../core/notifications/notifications.service';
import { unitsRepository } from '../../core/org/units.repository';
import { type Job, countyDay } from '../../core/scheduler/scheduler';
import { createTask, taskOfSource } from '../../core/tasks/tasks.service';
import { formsRepository, reportsRepository } from './reports.repository';

/** Reminders start this many working days before the due day. */
const REMIND_BEFORE_WORKING_DAYS = 2;
/** Working days a late township has to answer its 督办 task. */
const LATE_TASK_WORKING_DAYS = 2;

/**
 * 催报: for last month's reports, townships that have not submitted hear about it on each of the last working days
 * before the due day and every day after it; once it has passed, each late (form, township) also gets one 督办 task
 * from the office. Runs daily; the job claim keeps it to once a day, the task's source to one task per report.
 */
export async function sendReportReminders(deps: Deps): Promise<{ notified: number; tasks: number }> {
  const today = countyDay(deps.clock.now());
  const month = previousMonth(today);
  return deps.db.transaction().execute(async (trx) => {
    const cal = await arrangementAround(trx, today);
    const [officeId] = await unitsRepository.activeOfficeIds(trx);
    const townships = await formsRepository.townships(trx);
    const listed = await formsRepository.listedUnits(trx);
    const reports = await reportsRepository.between(trx, month, month, { all: true });
    let notified = 0;
    let tasks = 0;
    for (const form of await formsRepository.all(trx, { activeOnly: true })) {
      if (month < form.startMonth) continue;
      const due = reportDueDate(cal, month, form.dueWorkingDay);
      const late = today > due;
      if (!late && workingDaysBetween(cal, today, due) > REMIND_BEFORE_WORKING_DAYS) continue;
      const unitIds = form.allTownships === 1 ? townships.map((u) => u.id) : listed.filter((l) => l.formId === form.id).map((l) => l.unitId);
      for (const unitId of unitIds) {
        const report = reports.find((r) => r.formId === form.id && r.unitId === unitId);
        if (report && report.status !== 'draft') continue;
        await notify(trx, deps, {
          unitIds: [unitId],
          unitPermission: 'report:fill',
          kind: 'report.reminder',
          title: late
            ? {
                zh: `催报：${month}《${form.nameZh}》已超过报送期限（${due}），请尽快报送`,
                en: `Overdue: ${month} ${form.nameEn} was due on ${due}; please submit`,
              }
            : { zh: `催报：${month}《${form.nameZh}》应于 ${due} 前报送`, en: `Reminder: ${month} ${form.nameEn} is due on ${due}` },
          link: `/reports?month=${month}`,
          entityType: 'report_form',
          entityId: form.id,
        });
        notified++;
        const sourceId = `${form.id}/${month}/${unitId}`;
        if (!late || !officeId || (await taskOfSource(trx, { module: 'reports', recordId: sourceId }))) continue;
        await createTask(trx, deps, systemContext(), {
          type: 'report_overdue',
          title: `${month}《${form.nameZh}》逾期未报`,
          description: `${month}《${form.nameZh}》应于 ${due} 前报送，至今未报送。请尽快报送并说明逾期原因。`,
          source: { module: 'reports', recordId: sourceId },
          ownerUnitId: unitId,
          dueInWorkingDays: LATE_TASK_WORKING_DAYS,
          createdByUnitId: officeId,
        });
        tasks++;
      }
    }
    if (notified) await recordAudit(trx, deps, systemContext(), { action: 'report.remind', entityType: 'report', entityId: month, after: { notified, tasks } });
    return { notified, tasks };
  });
}

export const reportRemindersJob: Job = {
  name: 'reports.remind',
  schedule: '30 9 * * *',
  period: countyDay,
  run: async (deps) => {
    const { notified, tasks } = await sendReportReminders(deps);
    return `${notified} reminders, ${tasks} tasks`;
  },
};
