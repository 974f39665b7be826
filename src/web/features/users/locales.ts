import type { LocaleOf } from '../../lib/locale-types';

/** The user accounts pages strings in Simplified Chinese (the default), merged into the app's catalogue. */
export const zhCN = {
  users: {
    create: '新建用户',
    created: '用户已创建',
    edit: '编辑用户',
    username: '用户名',
    displayName: '姓名',
    phone: '手机号',
    unit: '所属单位',
    roles: '角色',
    rolesPlaceholder: '选择角色',
    rolesHint: '管理员角色与业务角色不能同时授予（三员分立）；不能修改自己的角色',
    grantRoles: '分配角色',
    grantRolesOf: '为“{{name}}”分配角色',
    createHint: '新账号没有角色，由安全管理员分配；创建后显示一次性密码，用户首次登录须修改。',
    lastLoginAt: '最近登录',
    createdAt: '创建时间',
    locked: '已锁定',
    mustChangePassword: '待修改密码',
    searchPlaceholder: '用户名或姓名',
    disableConfirm: '确定停用“{{name}}”的账号吗？',
    disableHint: '停用后该用户将无法登录，已登录的会话也会失效。',
    enableConfirm: '确定启用“{{name}}”的账号吗？',
    enabled: '账号已启用',
    disabled: '账号已停用',
    resetPassword: '重置密码',
    resetConfirm: '确定重置“{{name}}”的密码吗？',
    resetHint: '系统将生成一次性密码，用户下次登录时须修改；本人及其单位会收到通知，操作记入审计日志。',
    resetMfa: '重置双因素',
    resetMfaConfirm: '确定重置“{{name}}”的双因素认证吗？',
    resetMfaHint:
      '用于手机丢失等情形：原验证器和恢复码作废，该用户已登录的会话全部退出；管理员账号下次登录时须重新绑定。本人及其单位会收到通知，操作记入审计日志。',
    mfaReset: '双因素认证已重置',
    temporaryPassword: '临时密码',
    temporaryPasswordHint: '“{{name}}”的临时密码如下，仅显示这一次。请通过安全渠道告知本人，其登录后须立即修改。',
    passwordNoted: '我已记下',
  },
};

declare module '../../lib/locale-types' {
  interface FeatureCatalogues {
    users: typeof zhCN;
  }
}

/** English: the same keys, every one translated. */
export const enUS: LocaleOf<typeof zhCN> = {
  users: {
    create: 'New user',
    created: 'User created',
    edit: 'Edit user',
    username: 'User name',
    displayName: 'Full name',
    phone: 'Mobile phone',
    unit: 'Unit',
    roles: 'Roles',
    rolesPlaceholder: 'Select roles',
    rolesHint: 'Administrator and business roles cannot be granted together (separation of the three administrators); you cannot change your own roles',
    grantRoles: 'Grant roles',
    grantRolesOf: 'Roles of “{{name}}”',
    createHint:
      'A new account has no roles until the security administrator grants them; a one-time password is shown once after creation and must be changed at the first sign-in.',
    lastLoginAt: 'Last sign-in',
    createdAt: 'Created',
    locked: 'Locked',
    mustChangePassword: 'Password change due',
    searchPlaceholder: 'User name or full name',
    disableConfirm: 'Disable the account of “{{name}}”?',
    disableHint: 'The user will no longer be able to sign in, and open sessions end.',
    enableConfirm: 'Enable the account of “{{name}}”?',
    enabled: 'Account enabled',
    disabled: 'Account disabled',
    resetPassword: 'Reset password',
    resetConfirm: 'Reset the password of “{{name}}”?',
    resetHint: 'A one-time password is generated; the user must change it at the next sign-in. The user and their unit are told, and the reset is audited.',
    resetMfa: 'Reset two-factor',
    resetMfaConfirm: 'Reset the two-factor sign-in of “{{name}}”?',
    resetMfaHint:
      'For a lost phone: the authenticator and recovery codes stop working and all the user’s sessions end; an administrator sets up a new authenticator at the next sign-in. The user and their unit are told, and the reset is audited.',
    mfaReset: 'Two-factor sign-in reset',
    temporaryPassword: 'Temporary password',
    temporaryPasswordHint:
      'This is the temporary password of “{{name}}”, shown only this once. Pass it on through a safe channel; it must be changed at sign-in.',
    passwordNoted: 'I have noted it',
  },
};
