import type { MessageSet, ModuleMessageTexts } from '../i18n/messages';

const zh = {
  'err.project.code_taken': '项目编号已存在',
  'err.project.dates_order': '日期顺序不对：计划开工 ≤ 计划竣工 ≤ 计划投产',
  'err.project.types_required': '三大改造项目须选择改造类型',
  'err.project.unit_kind': '所选单位类型不符',
  'err.project.milestone_not_owner': '只能更新本单位负责的节点',
  'err.project.not_reporter': '只有项目所在乡镇或责任单位可以填报投资',
  'err.project.future_month': '不能填报尚未结束的月份',
  'err.project.met_future': '完成日期不能晚于今天',
} as const;

/** The projects module's server messages (errors and field problems) in both languages. */
export const PROJECT_MESSAGES: ModuleMessageTexts<typeof zh> = {
  zh,
  en: {
    'err.project.code_taken': 'This project code is already used',
    'err.project.dates_order': 'Dates out of order: planned start ≤ planned completion ≤ planned production',
    'err.project.types_required': 'A three-upgrades project (smart, green or technical upgrading) needs at least one type',
    'err.project.unit_kind': 'The chosen unit is not of the right kind',
    'err.project.milestone_not_owner': 'You may update only the milestones your unit owns',
    'err.project.not_reporter': 'Only the project’s township or responsible unit reports its investment',
    'err.project.future_month': 'A month that has not ended cannot be reported',
    'err.project.met_future': 'The date met cannot be after today',
  },
};

declare module '../i18n/messages' {
  interface ModuleMessages extends MessageSet<typeof zh> {}
}
