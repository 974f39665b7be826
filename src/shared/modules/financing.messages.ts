import type { MessageSet, ModuleMessageTexts } from '../i18n/messages';

const zh = {
  'err.financing.not_an_integer': '请填写整数',
  'err.financing.consent_required': '需企业同意向所选银行推送融资需求',
  'err.financing.banks_required': '请选择至少一家银行，或选择推送给全部银行',
  'err.financing.bank_unknown': '银行不存在或已停用',
  'err.financing.enterprise_unknown': '企业不存在或不在本单位范围内',
  'err.financing.range': '最高值不能低于最低值',
  'err.financing.granted_above_requested': '放款（授信）金额不能超过企业申请金额',
  'err.financing.amount_required': '请填写金额',
  'err.financing.rate_required': '请填写利率',
  'err.financing.loan_date_required': '请填写放款日期',
  'err.financing.reason_required': '请选择未通过原因',
  'err.financing.product_unknown': '不是本行的金融产品',
  'err.financing.meeting_unknown': '该需求未列入这次对接会',
  'err.financing.closed': '该融资需求已放款或已办结',
  'err.financing.need_unknown': '融资需求不存在或已办结',
  'err.financing.not_bank': '只有银行账号可以维护产品和对接结果',
  'err.financing.bank_has_match': '已作出对接结果的银行不能取消推送：{banks}',
} as const;

/** The financing module's server messages (errors and field problems) in both languages. */
export const FINANCING_MESSAGES: ModuleMessageTexts<typeof zh> = {
  zh,
  en: {
    'err.financing.not_an_integer': 'Enter a whole number',
    'err.financing.consent_required': 'The firm must agree that the chosen banks see its need',
    'err.financing.banks_required': 'Choose at least one bank, or share with all banks',
    'err.financing.bank_unknown': 'Unknown or inactive bank',
    'err.financing.enterprise_unknown': 'Unknown enterprise, or not within your unit’s scope',
    'err.financing.range': 'The maximum cannot be below the minimum',
    'err.financing.granted_above_requested': 'The amount cannot exceed what the firm asked for',
    'err.financing.amount_required': 'Enter the amount',
    'err.financing.rate_required': 'Enter the rate',
    'err.financing.loan_date_required': 'Enter the loan date',
    'err.financing.reason_required': 'Choose why it was declined',
    'err.financing.product_unknown': 'Not one of your bank’s products',
    'err.financing.meeting_unknown': 'This need is not on that meeting’s list',
    'err.financing.closed': 'This need has been placed or closed',
    'err.financing.need_unknown': 'Unknown need, or already placed or closed',
    'err.financing.not_bank': 'Only a bank account maintains products and outcomes',
    'err.financing.bank_has_match': 'A bank that has answered this need stays on it: {banks}',
  },
};

declare module '../i18n/messages' {
  interface ModuleMessages extends MessageSet<typeof zh> {}
}
