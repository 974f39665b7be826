import type { LocaleOf } from '../../lib/locale-types';

/** The login log page strings in Simplified Chinese (the default), merged into the app's catalogue. */
export const zhCN = {
  log: {
    at: '时间',
    username: '用户名',
    result: '结果',
    ip: 'IP 地址',
    userAgent: '浏览器',
    factor: '认证方式',
  },
  loginResult: {
    success: '成功',
    bad_password: '密码错误',
    unknown_user: '用户不存在',
    locked: '账号已锁定',
    disabled: '账号已停用',
    mfa_required: '密码正确，待输入验证码',
    mfa_enrol: '密码正确，待绑定验证器',
    bad_code: '验证码错误',
  },
  loginFactor: {
    password: '密码',
    'password+totp': '密码 + 动态验证码',
    'password+recovery': '密码 + 恢复码',
  },
};

declare module '../../lib/locale-types' {
  interface FeatureCatalogues {
    'login-log': typeof zhCN;
  }
}

/** English: the same keys, every one translated. */
export const enUS: LocaleOf<typeof zhCN> = {
  log: {
    at: 'Time',
    username: 'User name',
    result: 'Result',
    ip: 'IP address',
    userAgent: 'Browser',
    factor: 'Factors',
  },
  loginResult: {
    success: 'Success',
    bad_password: 'Wrong password',
    unknown_user: 'Unknown user',
    locked: 'Account locked',
    disabled: 'Account disabled',
    mfa_required: 'Password right, code pending',
    mfa_enrol: 'Password right, enrolment pending',
    bad_code: 'Wrong code',
  },
  loginFactor: {
    password: 'Password',
    'password+totp': 'Password + authenticator code',
    'password+recovery': 'Password + recovery code',
  },
};
