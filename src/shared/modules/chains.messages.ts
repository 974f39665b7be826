import type { MessageSet, ModuleMessageTexts } from '../i18n/messages';

const zh = {
  'err.chain.code_taken': '产业链编号已存在',
  'err.chain.team_taken': '该专班已负责另一条产业链',
  'err.chain.unit_kind': '所选单位类型不符',
  'err.chain.link_target': '链内联系须选择本县另一条产业链；链外联系须填写外部产业链或企业名称',
  'err.chain.firm_not_found': '企业不存在',
  'err.lead.industry': '行业代码不在国民经济行业分类中',
  'err.lead.stage_back': '阶段只能向前推进',
  'err.lead.date_future': '日期不能晚于今天',
  'err.lead.date_order': '日期不能早于上一阶段',
  'err.lead.not_signed': '签约后才能转入项目库',
  'err.lead.converted': '该线索已转入项目库',
  'err.lead.due_past': '下一步日期不能早于今天',
} as const;

/** The chains module's server messages (errors and field problems) in both languages. */
export const CHAIN_MESSAGES: ModuleMessageTexts<typeof zh> = {
  zh,
  en: {
    'err.chain.code_taken': 'This chain code is already used',
    'err.chain.team_taken': 'This service team already runs another chain',
    'err.chain.unit_kind': 'The chosen unit is not of the right kind',
    'err.chain.link_target': 'A link inside the county names another chain of the county; a link outside names the outside chain or firm',
    'err.chain.firm_not_found': 'No such enterprise',
    'err.lead.industry': 'Not an industry code of the national classification',
    'err.lead.stage_back': 'A lead moves forward only',
    'err.lead.date_future': 'The date cannot be after today',
    'err.lead.date_order': 'The date cannot be before the previous stage',
    'err.lead.not_signed': 'Only a signed lead becomes a project',
    'err.lead.converted': 'This lead is already in the project library',
    'err.lead.due_past': 'The next step cannot be due before today',
  },
};

declare module '../i18n/messages' {
  interface ModuleMessages extends MessageSet<typeof zh> {}
}
