import type { MessageSet, ModuleMessageTexts } from '../i18n/messages';

const zh = {
  'err.fund.rule_incomplete': '定额奖励需填写金额；按投资比例奖励需填写比例和上限',
  'err.fund.dates': '截止日期不能早于开始日期',
  'err.fund.programme_exists': '该资金本年度已有同名项目',
  'err.fund.programme_unknown': '资金项目不存在',
  'err.fund.category_unknown': '奖励类别不属于该资金项目',
  'err.fund.closed': '该资金项目不在申报期内（{opensOn} 至 {closesOn}）',
  'err.fund.enterprise_unknown': '企业不存在或不在本单位范围内',
  'err.fund.investment_required': '按投资比例奖励须填写核定投资额',
  'err.fund.zero_award': '按此规则核定的奖励金额为零',
  'err.fund.reason_required': '退回须说明理由',
  'err.fund.not_at_step': '申请不在此审核环节（当前：{status}）',
  'err.fund.not_your_unit': '此申请的初审不由本单位办理',
  'err.fund.over_request': '核定金额不能超过申请金额 {requested} 元',
  'err.fund.over_budget': '超出预算：该资金项目剩余可核定 {remaining} 元',
  'err.fund.over_approved': '超出核定金额：该申请尚可拨付 {remaining} 元',
  'err.fund.not_approved': '申请尚未核定，不能拨付',
  'err.fund.budget_below_approved': '预算不能低于已核定金额 {approved} 元',
  'err.fund.not_returned': '只有被退回的申请可以重新提交',
  'err.fund.paid_future': '拨付日期不能晚于今天',
  'err.fund.review_unit': '初审单位须为县直部门',
  'err.fund.not_auto_grant': '该政策不是免申即享政策',
  'err.fund.policy_inactive': '该政策已停用',
} as const;

/** The funds module's server messages (errors and field problems) in both languages. */
export const FUND_MESSAGES: ModuleMessageTexts<typeof zh> = {
  zh,
  en: {
    'err.fund.rule_incomplete': 'A fixed award needs its amount; a share of investment needs its share and cap',
    'err.fund.dates': 'The closing date cannot be before the opening date',
    'err.fund.programme_exists': 'This fund already has a programme of this name this year',
    'err.fund.programme_unknown': 'Unknown fund programme',
    'err.fund.category_unknown': 'The award category is not one of this programme',
    'err.fund.closed': 'The programme does not take applications now ({opensOn} to {closesOn})',
    'err.fund.enterprise_unknown': 'Unknown enterprise, or not within your unit’s scope',
    'err.fund.investment_required': 'A share-of-investment award needs the verified investment',
    'err.fund.zero_award': 'This rule awards nothing for these figures',
    'err.fund.reason_required': 'A return needs its reason',
    'err.fund.not_at_step': 'The application is not at this review step (now: {status})',
    'err.fund.not_your_unit': 'Your unit does not do this application’s preliminary review',
    'err.fund.over_request': 'The amount cannot exceed the {requested} yuan applied for',
    'err.fund.over_budget': 'Over budget: {remaining} yuan remain to approve in this programme',
    'err.fund.over_approved': 'Over the approved amount: {remaining} yuan remain to pay on this application',
    'err.fund.not_approved': 'The application is not approved yet',
    'err.fund.budget_below_approved': 'The budget cannot be less than the {approved} yuan already approved',
    'err.fund.not_returned': 'Only a returned application can be submitted again',
    'err.fund.paid_future': 'The payment date cannot be in the future',
    'err.fund.review_unit': 'The preliminary reviewer must be a county department',
    'err.fund.not_auto_grant': 'This policy is not granted without application',
    'err.fund.policy_inactive': 'This policy is no longer in force',
  },
};

declare module '../i18n/messages' {
  interface ModuleMessages extends MessageSet<typeof zh> {}
}
