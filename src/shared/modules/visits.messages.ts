import type { MessageSet, ModuleMessageTexts } from '../i18n/messages';

const zh = {
  'err.visit.future': '走访日期不能晚于今天',
  'err.visit.enterprise_unknown': '企业不存在或不在本专班范围内',
  'err.visit.officer_unknown': '人员不存在、已停用或不是工作人员',
  'err.visit.unit_unknown': '单位不存在或已停用',
  'err.visit.from_before_current': '起始日期须晚于该企业现任首席服务官的起始日期',
  'err.visit.to_before_from': '结束日期不能早于起始日期',
  'err.visit.ended': '该分配已结束',
  'err.visit.period_unknown': '周期格式不正确',
  'err.visit.edit_window': '走访记录登记 {days} 天后不能再修改或删除',
  'err.visit.problems_filed': '该走访发现的问题已转为督办任务和企业诉求，不能删除，只能修改',
  'err.visit.import_firm_unknown': '统一社会信用代码不在企业名录中',
  'err.visit.import_officer_unknown': '账号不存在、已停用或不是工作人员',
  'err.visit.import_duplicate': '同一企业在文件中出现多次',
} as const;

/** The visits module's server messages (errors and field problems) in both languages. */
export const VISIT_MESSAGES: ModuleMessageTexts<typeof zh> = {
  zh,
  en: {
    'err.visit.future': 'The visit date cannot be after today',
    'err.visit.enterprise_unknown': 'Unknown enterprise, or not within your team’s scope',
    'err.visit.officer_unknown': 'Unknown or inactive person, or not a staff member',
    'err.visit.unit_unknown': 'Unknown or inactive unit',
    'err.visit.from_before_current': 'The start must be after the start of the firm’s current chief officer',
    'err.visit.to_before_from': 'The end cannot be before the start',
    'err.visit.ended': 'This assignment has ended',
    'err.visit.period_unknown': 'Not a period',
    'err.visit.edit_window': 'A visit can no longer be edited or deleted {days} days after it was logged',
    'err.visit.problems_filed': 'The problems found on this visit are already supervised tasks and service requests: it cannot be deleted, only edited',
    'err.visit.import_firm_unknown': 'The credit code is not in the enterprise directory',
    'err.visit.import_officer_unknown': 'Unknown or inactive account, or not a staff member',
    'err.visit.import_duplicate': 'The same firm appears more than once in the file',
  },
};

declare module '../i18n/messages' {
  interface ModuleMessages extends MessageSet<typeof zh> {}
}
