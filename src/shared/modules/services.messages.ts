import type { MessageSet, ModuleMessageTexts } from '../i18n/messages';

const zh = {
  'err.service.category_unknown': '诉求类别不存在或已停用',
  'err.service.category_code_taken': '类别编码已存在',
  'err.service.enterprise_unknown': '企业不存在或不在本单位范围内',
  'err.service.portal_channel': '企业自行提交的诉求渠道只能是“企业端”，工作人员代录请选择走访、热线或会议',
  'err.service.not_owner': '只有首接单位可以办理此操作',
  'err.service.not_open': '诉求不在办理中',
  'err.service.parts_open': '还有分办事项未回复，不能办结',
  'err.service.part_self': '不能分办给本单位',
  'err.service.not_closed': '只能评价已办结的诉求',
  'err.service.confirmed': '诉求已确认办结',
  'err.service.firm_has_no_unit': '缺少企业账号所属单位',
  'err.service.overpaid': '支付金额超过尚欠金额',
  'err.service.settled': '该事项已兑现完毕',
} as const;

/** The enterprise services module's server messages (errors and field problems) in both languages. */
export const SERVICE_MESSAGES: ModuleMessageTexts<typeof zh> = {
  zh,
  en: {
    'err.service.category_unknown': 'Unknown or disabled request category',
    'err.service.category_code_taken': 'This category code is already used',
    'err.service.enterprise_unknown': 'Unknown enterprise, or not within your unit’s scope',
    'err.service.portal_channel': 'Staff enter requests received by visit, hotline or meeting; the portal channel is the firm’s own',
    'err.service.not_owner': 'Only the unit that first received the request may do this',
    'err.service.not_open': 'The request is not being handled',
    'err.service.parts_open': 'Some parts handed to other units have no reply yet',
    'err.service.part_self': 'A part cannot be handed to your own unit',
    'err.service.not_closed': 'Only a closed request can be rated',
    'err.service.confirmed': 'The request has been confirmed closed',
    'err.service.firm_has_no_unit': 'The unit of enterprise accounts is missing',
    'err.service.overpaid': 'The payment is more than what is still owed',
    'err.service.settled': 'This item has been paid in full',
  },
};

declare module '../i18n/messages' {
  interface ModuleMessages extends MessageSet<typeof zh> {}
}
