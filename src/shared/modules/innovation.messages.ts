import type { MessageSet, ModuleMessageTexts } from '../i18n/messages';

const zh = {
  'err.innovation.enterprise_unknown': '企业不存在',
  'err.innovation.enterprise_required': '请选择企业',
  'err.innovation.name_required': '请填写机构名称',
  'err.innovation.operator_required': '独立运营的孵化载体须填写运营主体',
  'err.innovation.township_unknown': '乡镇不存在或已停用',
  'err.innovation.kind_required': '请选择孵化器或众创空间',
  'err.innovation.kind_only_incubator': '仅孵化载体填写类型',
  'err.innovation.stage_unknown': '该阶段不属于此培育库',
  'err.innovation.cert_required': '认定或复审须填写证书编号',
  'err.innovation.cert_date_required': '认定或复审须填写发证日期',
  'err.innovation.cert_date_after': '发证日期不能晚于变更日期',
  'err.innovation.future': '日期不能晚于今天',
  'err.innovation.before_last': '变更日期不能早于上次变更（{date}）',
  'err.innovation.duplicate': '该企业已在此培育库中',
  'err.innovation.illegal_move': '不能从“{from}”直接变更为“{to}”',
  'err.innovation.target_duplicate': '同一培育库同一阶段只能设一个目标',
} as const;

/** The innovation module's server messages (errors and field problems) in both languages. */
export const INNOVATION_MESSAGES: ModuleMessageTexts<typeof zh> = {
  zh,
  en: {
    'err.innovation.enterprise_unknown': 'Unknown enterprise',
    'err.innovation.enterprise_required': 'Choose an enterprise',
    'err.innovation.name_required': 'Enter the institution’s name',
    'err.innovation.operator_required': 'A standalone incubator needs its operator',
    'err.innovation.township_unknown': 'Unknown or inactive township',
    'err.innovation.kind_required': 'Choose incubator or maker space',
    'err.innovation.kind_only_incubator': 'Only incubators have a kind',
    'err.innovation.stage_unknown': 'Not a stage of this pipeline',
    'err.innovation.cert_required': 'Certification and renewal need the certificate number',
    'err.innovation.cert_date_required': 'Certification and renewal need the issue date',
    'err.innovation.cert_date_after': 'The issue date cannot be after the change',
    'err.innovation.future': 'The date cannot be after today',
    'err.innovation.before_last': 'The change cannot be before the last one ({date})',
    'err.innovation.duplicate': 'This enterprise is already in this pipeline',
    'err.innovation.illegal_move': 'Cannot move from “{from}” straight to “{to}”',
    'err.innovation.target_duplicate': 'One target per pipeline and stage',
  },
};

declare module '../i18n/messages' {
  interface ModuleMessages extends MessageSet<typeof zh> {}
}
