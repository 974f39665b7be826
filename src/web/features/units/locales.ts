import type { LocaleOf } from '../../lib/locale-types';

/** The organisation units pages strings in Simplified Chinese (the default), merged into the app's catalogue. */
export const zhCN = {
  units: {
    create: '新建单位',
    createChild: '新建下级单位',
    edit: '编辑单位',
    detail: '单位详情',
    selectHint: '请在左侧选择一个单位',
    searchPlaceholder: '按名称或编码搜索',
    showInactive: '显示已停用',
    parent: '上级单位',
    noParent: '无（顶级单位）',
    nameZh: '中文名称',
    nameEn: '英文名称',
    code: '单位编码',
    codeHint: '小写字母、数字、下划线或短横线，2–40 位，创建后用于数据交换',
    kind: '单位类型',
    divisionCode: '行政区划代码',
    divisionCodeHint: 'GB/T 2260 的 6 位代码，乡镇可用 9 位代码；非行政单位留空',
    sortOrder: '排序号',
    disableConfirm: '确定停用“{{name}}”吗？',
    disableHint: '停用后该单位不能再被选作用户所属单位；单位下仍有用户或下级单位时不能停用。',
    enabled: '单位已启用',
    disabled: '单位已停用',
  },
};

declare module '../../lib/locale-types' {
  interface FeatureCatalogues {
    units: typeof zhCN;
  }
}

/** English: the same keys, every one translated. */
export const enUS: LocaleOf<typeof zhCN> = {
  units: {
    create: 'New unit',
    createChild: 'New sub-unit',
    edit: 'Edit unit',
    detail: 'Unit details',
    selectHint: 'Select a unit on the left',
    searchPlaceholder: 'Search by name or code',
    showInactive: 'Show disabled',
    parent: 'Parent unit',
    noParent: 'None (top level)',
    nameZh: 'Chinese name',
    nameEn: 'English name',
    code: 'Unit code',
    codeHint: 'Lower-case letters, digits, underscore or dash, 2–40 characters; used for data exchange',
    kind: 'Unit type',
    divisionCode: 'Division code',
    divisionCodeHint: 'The 6-digit GB/T 2260 code, or 9 digits for a township; leave empty for non-administrative units',
    sortOrder: 'Sort order',
    disableConfirm: 'Disable “{{name}}”?',
    disableHint: 'A disabled unit can no longer be chosen as a user’s unit; a unit that still has users or sub-units cannot be disabled.',
    enabled: 'Unit enabled',
    disabled: 'Unit disabled',
  },
};
