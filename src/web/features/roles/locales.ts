import type { LocaleOf } from '../../lib/locale-types';

/** The roles pages strings in Simplified Chinese (the default), merged into the app's catalogue. */
export const zhCN = {
  roles: {
    create: '新建角色',
    edit: '编辑角色：{{name}}',
    name: '角色名称',
    code: '角色编码',
    codeHint: '小写字母开头，可含数字和下划线，2–40 位，创建后不可修改',
    nameZh: '中文名称',
    nameEn: '英文名称',
    builtin: '内置',
    dataScope: '数据范围',
    customUnits: '可访问的单位',
    permissions: '权限',
    userCount: '用户数',
    deleteConfirm: '确定删除角色“{{name}}”吗？',
    deleted: '角色已删除',
  },
};

declare module '../../lib/locale-types' {
  interface FeatureCatalogues {
    roles: typeof zhCN;
  }
}

/** English: the same keys, every one translated. */
export const enUS: LocaleOf<typeof zhCN> = {
  roles: {
    create: 'New role',
    edit: 'Edit role: {{name}}',
    name: 'Role',
    code: 'Role code',
    codeHint: 'Starts with a lower-case letter; letters, digits, underscore; 2–40 characters; cannot be changed later',
    nameZh: 'Chinese name',
    nameEn: 'English name',
    builtin: 'Built-in',
    dataScope: 'Data scope',
    customUnits: 'Units it may access',
    permissions: 'Permissions',
    userCount: 'Users',
    deleteConfirm: 'Delete the role “{{name}}”?',
    deleted: 'Role deleted',
  },
};
