import { z } from 'zod';
import { reportDefinitionSchema } from '../../../shared/modules/reports.schemas';
import { previousMonth } from '../../../shared/rules/monthly-cycle';
import { type ReportFormDefinition, definitionProblems, reportDueDate } from '../../../shared/rules/report-forms';
import { arrangementAround } from '../../core/calendar/calendar.service';
import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Deps } from '../../core/deps';
import { readDemoFile } from '../../core/setup/demo-files';
import { countyDay } from '../../core/scheduler/scheduler';
import { formsRepository, reportsRepository } from './reports.repository';

/** The three monthly forms of seed measure 十五 (every township, due on the 5th working day), as shipped in `scripts/demo/`. */
const demoFormsFile = z.object({
  forms: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), definition: reportDefinitionSchema })).min(1),
});
const demoReportForms = () => demoFormsFile.parse(readDemoFile('baofeng-report-forms.json')).forms;

/**
 * Loads the demo forms (version 1, every township, 5th working day), once: nothing happens if any form exists.
 * Reporting starts with the month before today (or `startMonth`), so earlier months do not count as missing.
 */
export async function ensureDemoReportForms(deps: Deps, { startMonth }: { startMonth?: string } = {}): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    if ((await formsRepository.all(trx)).length > 0) return false;
    const now = deps.clock.now().toISOString();
    const forms = demoReportForms();
    for (const [i, form] of forms.entries()) {
      const problems = definitionProblems(form.definition as ReportFormDefinition);
      if (problems.length) throw new Error(`Demo form ${form.code}: ${problems.join('; ')}`);
      const id = await formsRepository.insert(trx, {
        code: form.code,
        nameZh: form.nameZh,
        nameEn: form.nameEn,
        periodType: 'monthly',
        dueWorkingDay: 5,
        startMonth: startMonth ?? previousMonth(countyDay(deps.clock.now())),
        allTownships: 1,
        active: 1,
        currentVersion: 1,
        sortOrder: (i + 1) * 10,
        createdAt: now,
        updatedAt: now,
      });
      await formsRepository.insertVersion(trx, {
        formId: id,
        version: 1,
        definition: JSON.stringify(form.definition),
        note: '',
        createdBy: null,
        createdAt: now,
      });
    }
    await recordAudit(trx, deps, systemContext(), {
      action: 'setup.load_reports',
      entityType: 'report_form',
      entityId: 'demo',
      after: { forms: forms.map((f) => f.code) },
    });
    return true;
  });
}

/**
 * When the demo's reports of a month were sent, or false for a time still to come: on time on the 2nd of the next
 * month (or just before now, on the 1st), late three days after the deadline (`dueDate`, a county day).
 */
function demoSubmissionTimes(month: string, dueDate: string, now: Date): { onTime: string | false; late: string | false } {
  const [year, monthNumber] = month.split('-').map(Number);
  const monthOver = Date.UTC(year, monthNumber, 1) - 8 * 3_600_000; // midnight county time at the month's end
  const onTime = Math.min(Date.UTC(year, monthNumber, 2, 2), now.getTime() - 60_000);
  const [dy, dm, dd] = dueDate.split('-').map(Number);
  const late = Date.UTC(dy, dm - 1, dd + 3, 2);
  return {
    onTime: onTime > monthOver && new Date(onTime).toISOString(),
    late: late < now.getTime() && new Date(late).toISOString(),
  };
}

/** Demo states of last month's enterprise-development reports, by township code (大营镇 and 城关镇 are left to the demo users). */
const DEMO_STATES: Record<string, { status: 'draft' | 'submitted' | 'returned' | 'accepted'; onTime: boolean }> = {
  tielu: { status: 'accepted', onTime: true },
  zhouzhuang: { status: 'accepted', onTime: true },
  naodian: { status: 'accepted', onTime: false },
  shiqiao: { status: 'submitted', onTime: true },
  shangjiuwu: { status: 'returned', onTime: true },
  zhangbaqiao: { status: 'submitted', onTime: false },
  yangzhuang: { status: 'draft', onTime: false },
};

/**
 * Fills the demo county's first reporting month with enterprise-development reports in every state, so the
 * reporting status and the totals have something to show; once, and only while the form has no report.
 */
export async function ensureDemoReports(deps: Deps): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const form = await formsRepository.findByCode(trx, 'industry_dev');
    if (!form || (await reportsRepository.between(trx, '0000-01', '9999-12', { all: true }, form.id)).length > 0) return false;
    const version = await formsRepository.version(trx, form.id, 1);
    const units = await trx.selectFrom('orgUnits').select(['id', 'code']).where('code', 'in', Object.keys(DEMO_STATES)).execute();
    const month = form.startMonth;
    const now = deps.clock.now().toISOString();
    const dueDate = reportDueDate(await arrangementAround(trx, `${month}-15`), month, form.dueWorkingDay);
    const { onTime, late } = demoSubmissionTimes(month, dueDate, deps.clock.now());
    for (const [i, unit] of units.entries()) {
      // A report cannot have been sent before its month ended, nor late before its deadline passed: until then it is a draft.
      const planned = DEMO_STATES[unit.code];
      const sent = planned.status !== 'draft' && (planned.onTime ? onTime : late);
      const state = sent ? planned : { status: 'draft' as const, onTime: false };
      const firms = 30 + i * 7;
      const values = {
        firms,
        aboveScale: 8 + i * 2,
        newAboveScale: i % 3 === 0 ? 1 : 0,
        outputMonth: 3200 + i * 850.5,
        outputYtd: (3200 + i * 850.5) * 9.6,
        power: 410 + i * 96.25,
        stoppedFirms: i % 2,
      };
      const submittedAt = sent || null;
      const id = await reportsRepository.insert(trx, {
        formId: form.id,
        formVersionId: version?.id as number,
        unitId: unit.id,
        month,
        status: state.status,
        valuesJson: JSON.stringify(values),
        explanationsJson: '{}',
        firstSubmittedAt: submittedAt,
        submittedAt,
        acceptedAt: state.status === 'accepted' ? submittedAt : null,
        updatedBy: null,
        createdAt: now,
        updatedAt: now,
      });
      if (submittedAt)
        await reportsRepository.addEvent(trx, {
          reportId: id,
          action: 'submit',
          fromStatus: 'draft',
          toStatus: 'submitted',
          reason: '',
          fieldKey: null,
          byUserId: null,
          at: submittedAt,
        });
      if (state.status === 'accepted')
        await reportsRepository.addEvent(trx, {
          reportId: id,
          action: 'accept',
          fromStatus: 'submitted',
          toStatus: 'accepted',
          reason: '',
          fieldKey: null,
          byUserId: null,
          at: submittedAt as string,
        });
      if (state.status === 'returned') {
        await reportsRepository.addEvent(trx, {
          reportId: id,
          action: 'return',
          fromStatus: 'submitted',
          toStatus: 'returned',
          reason: '停产、半停产企业数与走访记录不一致，请核实',
          fieldKey: 'stoppedFirms',
          byUserId: null,
          at: submittedAt as string,
        });
      }
    }
    await recordAudit(trx, deps, systemContext(), { action: 'setup.load_reports', entityType: 'report', entityId: month, after: { reports: units.length } });
    return true;
  });
}
