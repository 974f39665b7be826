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
  'err.service.mobile': '请填写 11 位手机号码',
  'err.service.registration_duplicate': '该企业已有账号或已有待确认的注册申请',
  'err.service.registration_decided': '该注册申请已处理',
  'err.service.correction_empty': '请至少修改一项',
  'err.service.correction_decided': '该修改申请已处理',
  'err.service.correction_pending': '已有待乡镇确认的修改申请，请等待处理结果',
  'err.service.lift_exists': '该诉求已提请调度会研究',
  'err.service.lift_state': '该诉求当前不能进行此操作',
  'err.service.not_handler': '只有首接单位或分办单位可以提请',
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
    'err.service.mobile': 'Enter an 11-digit mobile number',
    'err.service.registration_duplicate': 'This firm already has an account or a registration awaiting confirmation',
    'err.service.registration_decided': 'This registration has already been decided',
    'err.service.correction_empty': 'Change at least one field',
    'err.service.correction_decided': 'This correction has already been decided',
    'err.service.correction_pending': 'A correction awaits the township’s decision; please wait for it',
    'err.service.lift_exists': 'This request has already been lifted to a dispatch meeting',
    'err.service.lift_state': 'This cannot be done to the request now',
    'err.service.not_handler': 'Only the owner unit or a unit handling a part may do this',
  },
};

declare module '../i18n/messages' {
  interface ModuleMessages extends MessageSet<typeof zh> {}
}
