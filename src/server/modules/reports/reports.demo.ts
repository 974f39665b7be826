import { previousMonth } from '../../../shared/rules/monthly-cycle';
import { type ReportFormDefinition, definitionProblems, reportDueDate } from '../../../shared/rules/report-forms';
import { arrangementAround } from '../../core/calendar/calendar.service';
import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Deps } from '../../core/deps';
import { countyDay } from '../../core/scheduler/scheduler';
import { formsRepository, reportsRepository } from './reports.repository';

interface DemoForm {
  code: string;
  nameZh: string;
  nameEn: string;
  definition: ReportFormDefinition;
}

const FIRM_STATUS = [
  { value: 'normal', labelZh: '正常生产', labelEn: 'Operating' },
  { value: 'partial', labelZh: '半停产', labelEn: 'Partly stopped' },
  { value: 'stopped', labelZh: '停产', labelEn: 'Stopped' },
];

/** The three monthly forms of seed measure 十五, every township, due on the 5th working day. */
export const DEMO_REPORT_FORMS: DemoForm[] = [
  {
    code: 'industry_dev',
    nameZh: '工业企业发展情况',
    nameEn: 'Industrial enterprise development',
    definition: {
      sections: [
        {
          key: 'overview',
          titleZh: '企业总体情况',
          titleEn: 'Overview',
          fields: [
            {
              key: 'firms',
              total: 'latest',
              type: 'integer',
              labelZh: '工业企业数',
              labelEn: 'Industrial firms',
              unitZh: '家',
              unitEn: 'firms',
              required: true,
              min: 0,
              max: 10000,
            },
            {
              key: 'aboveScale',
              total: 'latest',
              type: 'integer',
              labelZh: '其中：规上工业企业数',
              labelEn: 'Of which above designated size',
              unitZh: '家',
              unitEn: 'firms',
              required: true,
              min: 0,
              max: 10000,
              indicatorCode: 'ABOVE_SCALE',
            },
            {
              key: 'newAboveScale',
              type: 'integer',
              labelZh: '本月新增入统规上企业数',
              labelEn: 'Newly above size this month',
              unitZh: '家',
              unitEn: 'firms',
              required: true,
              min: 0,
              max: 1000,
              indicatorCode: 'NEW_ABOVE_SCALE',
            },
            {
              key: 'stoppedFirms',
              total: 'latest',
              type: 'integer',
              labelZh: '停产、半停产企业数',
              labelEn: 'Stopped or partly stopped firms',
              unitZh: '家',
              unitEn: 'firms',
              min: 0,
            },
          ],
        },
        {
          key: 'output',
          titleZh: '产值与用电',
          titleEn: 'Output and electricity',
          fields: [
            {
              key: 'outputMonth',
              type: 'number',
              labelZh: '规上工业总产值（本月）',
              labelEn: 'Gross output, this month',
              unitZh: '万元',
              unitEn: '10k yuan',
              required: true,
              min: 0,
              decimals: 2,
            },
            {
              key: 'outputYtd',
              total: 'latest',
              type: 'number',
              labelZh: '规上工业总产值（本年累计）',
              labelEn: 'Gross output, year to date',
              unitZh: '万元',
              unitEn: '10k yuan',
              required: true,
              min: 0,
              decimals: 2,
            },
            {
              key: 'power',
              type: 'number',
              labelZh: '工业用电量（本月）',
              labelEn: 'Industrial electricity, this month',
              unitZh: '万千瓦时',
              unitEn: '10k kWh',
              required: true,
              min: 0,
              decimals: 2,
              indicatorCode: 'POWER',
            },
          ],
        },
        {
          key: 'keyFirms',
          titleZh: '重点企业运行情况',
          titleEn: 'Key firms',
          fields: [
            {
              key: 'keyFirms',
              type: 'table',
              labelZh: '重点企业',
              labelEn: 'Key firms',
              maxRows: 100,
              columns: [
                { key: 'enterprise', type: 'enterprise', labelZh: '企业', labelEn: 'Firm', required: true },
                {
                  key: 'outputMonth',
                  type: 'number',
                  labelZh: '本月产值',
                  labelEn: 'Output this month',
                  unitZh: '万元',
                  unitEn: '10k yuan',
                  required: true,
                  min: 0,
                  decimals: 2,
                },
                {
                  key: 'power',
                  type: 'number',
                  labelZh: '本月用电量',
                  labelEn: 'Electricity this month',
                  unitZh: '万千瓦时',
                  unitEn: '10k kWh',
                  min: 0,
                  decimals: 2,
                },
                { key: 'status', type: 'choice', labelZh: '生产状态', labelEn: 'Status', required: true, options: FIRM_STATUS },
              ],
            },
          ],
        },
      ],
      rules: [
        {
          key: 'above_le_firms',
          severity: 'error',
          left: { field: 'aboveScale' },
          op: 'lte',
          right: { field: 'firms' },
          messageZh: '规上工业企业数不能大于工业企业数',
          messageEn: 'Firms above size cannot exceed all industrial firms',
        },
        {
          key: 'new_le_above',
          severity: 'error',
          left: { field: 'newAboveScale' },
          op: 'lte',
          right: { field: 'aboveScale' },
          messageZh: '新增入统企业数不能大于规上企业数',
          messageEn: 'Newly above-size firms cannot exceed firms above size',
        },
        {
          key: 'stopped_le_firms',
          severity: 'error',
          left: { field: 'stoppedFirms' },
          op: 'lte',
          right: { field: 'firms' },
          messageZh: '停产、半停产企业数不能大于工业企业数',
          messageEn: 'Stopped firms cannot exceed all industrial firms',
        },
        {
          key: 'month_le_ytd',
          severity: 'error',
          left: { field: 'outputMonth' },
          op: 'lte',
          right: { field: 'outputYtd' },
          messageZh: '本月产值不能大于本年累计产值',
          messageEn: 'This month’s output cannot exceed the year to date',
        },
        {
          key: 'ytd_ge_previous',
          severity: 'warning',
          left: { field: 'outputYtd' },
          op: 'gte',
          right: { previous: 'outputYtd' },
          messageZh: '本年累计产值小于上月累计',
          messageEn: 'Output year to date is below last month’s',
        },
        {
          key: 'key_firms_le_total',
          severity: 'error',
          left: { sum: 'keyFirms', column: 'outputMonth' },
          op: 'lte',
          right: { field: 'outputMonth' },
          target: 'keyFirms',
          messageZh: '重点企业本月产值之和不能大于全镇本月产值',
          messageEn: 'Key firms’ output cannot add up to more than the township’s',
        },
      ],
    },
  },
  {
    code: 'high_tech',
    nameZh: '高新技术企业培育情况',
    nameEn: 'High-tech enterprise cultivation',
    definition: {
      sections: [
        {
          key: 'counts',
          titleZh: '总体情况',
          titleEn: 'Overview',
          fields: [
            {
              key: 'highTechFirms',
              total: 'latest',
              type: 'integer',
              labelZh: '有效期内高新技术企业数',
              labelEn: 'Certified high-tech firms',
              unitZh: '家',
              unitEn: 'firms',
              required: true,
              min: 0,
            },
            {
              key: 'candidates',
              total: 'latest',
              type: 'integer',
              labelZh: '培育库企业数',
              labelEn: 'Firms in the cultivation pool',
              unitZh: '家',
              unitEn: 'firms',
              required: true,
              min: 0,
            },
          ],
        },
        {
          key: 'pool',
          titleZh: '培育企业明细',
          titleEn: 'Cultivated firms',
          fields: [
            {
              key: 'pool',
              type: 'table',
              labelZh: '培育企业',
              labelEn: 'Cultivated firms',
              maxRows: 200,
              columns: [
                { key: 'enterprise', type: 'enterprise', labelZh: '企业', labelEn: 'Firm', required: true },
                {
                  key: 'stage',
                  type: 'choice',
                  labelZh: '培育阶段',
                  labelEn: 'Stage',
                  required: true,
                  options: [
                    { value: 'pool', labelZh: '入库培育', labelEn: 'In the pool' },
                    { value: 'coaching', labelZh: '辅导中', labelEn: 'Being coached' },
                    { value: 'applied', labelZh: '已申报', labelEn: 'Applied' },
                    { value: 'certified', labelZh: '已认定', labelEn: 'Certified' },
                  ],
                },
                { key: 'expectedYear', type: 'integer', labelZh: '预计认定年度', labelEn: 'Expected year', min: 2020, max: 2040, total: 'none' },
                {
                  key: 'rdSpending',
                  type: 'number',
                  labelZh: '本年研发投入',
                  labelEn: 'R&D spending this year',
                  unitZh: '万元',
                  unitEn: '10k yuan',
                  min: 0,
                  decimals: 2,
                },
                { key: 'note', type: 'text', labelZh: '存在问题', labelEn: 'Problems', maxLength: 200 },
              ],
            },
          ],
        },
      ],
      rules: [
        {
          key: 'pool_rows_le_candidates',
          severity: 'warning',
          left: { count: 'pool' },
          op: 'lte',
          right: { field: 'candidates' },
          target: 'pool',
          messageZh: '明细中的企业多于培育库企业数',
          messageEn: 'More firms are listed than the pool holds',
        },
      ],
    },
  },
  {
    code: 'three_transform',
    nameZh: '"三大改造"项目情况',
    nameEn: '"Three transformations" projects',
    definition: {
      sections: [
        {
          key: 'overview',
          titleZh: '总体情况',
          titleEn: 'Overview',
          fields: [
            {
              key: 'projects',
              total: 'latest',
              type: 'integer',
              labelZh: '在库项目数',
              labelEn: 'Projects in the library',
              unitZh: '个',
              unitEn: 'projects',
              required: true,
              min: 0,
            },
            {
              key: 'investmentMonth',
              type: 'number',
              labelZh: '本月完成投资',
              labelEn: 'Investment this month',
              unitZh: '万元',
              unitEn: '10k yuan',
              required: true,
              min: 0,
              decimals: 2,
            },
          ],
        },
        {
          key: 'rows',
          titleZh: '项目明细',
          titleEn: 'Projects',
          fields: [
            {
              key: 'rows',
              type: 'table',
              labelZh: '项目',
              labelEn: 'Projects',
              maxRows: 200,
              columns: [
                { key: 'name', type: 'text', labelZh: '项目名称', labelEn: 'Project', required: true, maxLength: 100 },
                { key: 'enterprise', type: 'enterprise', labelZh: '实施企业', labelEn: 'Firm' },
                {
                  key: 'type',
                  type: 'choice',
                  labelZh: '改造类型',
                  labelEn: 'Type',
                  required: true,
                  options: [
                    { value: 'intelligent', labelZh: '智能化改造', labelEn: 'Intelligent' },
                    { value: 'green', labelZh: '绿色化改造', labelEn: 'Green' },
                    { value: 'technical', labelZh: '技术改造', labelEn: 'Technical' },
                  ],
                },
                {
                  key: 'plan',
                  total: 'latest',
                  type: 'number',
                  labelZh: '计划总投资',
                  labelEn: 'Planned investment',
                  unitZh: '万元',
                  unitEn: '10k yuan',
                  required: true,
                  min: 0,
                  decimals: 2,
                },
                {
                  key: 'doneMonth',
                  type: 'number',
                  labelZh: '本月完成投资',
                  labelEn: 'Done this month',
                  unitZh: '万元',
                  unitEn: '10k yuan',
                  required: true,
                  min: 0,
                  decimals: 2,
                },
                {
                  key: 'doneTotal',
                  type: 'number',
                  labelZh: '累计完成投资',
                  labelEn: 'Done to date',
                  unitZh: '万元',
                  unitEn: '10k yuan',
                  min: 0,
                  decimals: 2,
                  total: 'latest',
                },
                {
                  key: 'stage',
                  type: 'choice',
                  labelZh: '项目阶段',
                  labelEn: 'Stage',
                  required: true,
                  options: [
                    { value: 'preparing', labelZh: '前期', labelEn: 'Preparing' },
                    { value: 'building', labelZh: '在建', labelEn: 'Under construction' },
                    { value: 'completed', labelZh: '竣工', labelEn: 'Completed' },
                    { value: 'producing', labelZh: '投产', labelEn: 'In production' },
                  ],
                },
              ],
            },
          ],
        },
      ],
      rules: [
        {
          key: 'rows_le_total',
          severity: 'error',
          left: { sum: 'rows', column: 'doneMonth' },
          op: 'lte',
          right: { field: 'investmentMonth' },
          target: 'investmentMonth',
          messageZh: '各项目本月完成投资之和不能大于本月完成投资',
          messageEn: 'Projects’ investment this month cannot add up to more than the total',
        },
        {
          key: 'month_le_total',
          severity: 'error',
          table: 'rows',
          target: 'doneMonth',
          left: { column: 'doneMonth' },
          op: 'lte',
          right: { column: 'doneTotal' },
          messageZh: '本月完成投资不能大于累计完成投资',
          messageEn: 'Done this month cannot exceed done to date',
        },
        {
          key: 'total_le_plan',
          severity: 'warning',
          table: 'rows',
          target: 'doneTotal',
          left: { column: 'doneTotal' },
          op: 'lte',
          right: { column: 'plan' },
          messageZh: '累计完成投资超过计划总投资',
          messageEn: 'Done to date exceeds the planned investment',
        },
      ],
    },
  },
];

/**
 * Loads the demo forms (version 1, every township, 5th working day), once: nothing happens if any form exists.
 * Reporting starts with the month before today (or `startMonth`), so earlier months do not count as missing.
 */
export async function ensureDemoReportForms(deps: Deps, { startMonth }: { startMonth?: string } = {}): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    if ((await formsRepository.all(trx)).length > 0) return false;
    const now = deps.clock.now().toISOString();
    for (const [i, form] of DEMO_REPORT_FORMS.entries()) {
      const problems = definitionProblems(form.definition);
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
      after: { forms: DEMO_REPORT_FORMS.map((f) => f.code) },
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
