import type { MessageSet, ModuleMessageTexts } from '../i18n/messages';

const zh = {
  'err.monitoring.month': '月份格式应为 2026-10',
  'err.monitoring.month_open': '只能导入已结束的月份（最晚为 {month}）',
  'err.monitoring.firm_unknown': '统一社会信用代码不在企业名录中',
  'err.monitoring.duplicate': '同一企业同一月份在文件中出现了多次',
  'err.monitoring.value': '请填写不小于 0 的数值',
  'err.monitoring.stopped_below_half': '停产比例应小于半停产比例',
} as const;

/** The monitoring module's server messages (errors and field problems) in both languages. */
export const MONITORING_MESSAGES: ModuleMessageTexts<typeof zh> = {
  zh,
  en: {
    'err.monitoring.month': 'Write the month as 2026-10',
    'err.monitoring.month_open': 'Only a closed month can be imported (at the latest {month})',
    'err.monitoring.firm_unknown': 'No firm in the directory has this credit code',
    'err.monitoring.duplicate': 'The same firm and month appear more than once in the file',
    'err.monitoring.value': 'Enter a number of at least 0',
    'err.monitoring.stopped_below_half': 'The stopped share must be below the half-stopped share',
  },
};

declare module '../i18n/messages' {
  interface ModuleMessages extends MessageSet<typeof zh> {}
}
