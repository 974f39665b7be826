import type { LocaleOf } from '../../lib/locale-types';

/** The security settings page strings in Simplified Chinese (the default), merged into the app's catalogue. */
export const zhCN = {
  security: {
    sessionIdleMinutes: { label: '会话空闲超时', unit: '分钟', help: '无操作超过此时长后须重新登录（{{min}}–{{max}}）' },
    sessionAbsoluteHours: { label: '会话最长有效期', unit: '小时', help: '登录后无论是否操作，超过此时长须重新登录（{{min}}–{{max}}）' },
    lockoutAttempts: { label: '登录失败锁定次数', unit: '次', help: '连续输错密码达到此次数后锁定账号（{{min}}–{{max}}）' },
    lockoutMinutes: { label: '锁定时长', unit: '分钟', help: '账号锁定后自动解锁前的等待时间（{{min}}–{{max}}）' },
    passwordMinLength: { label: '密码最小长度', unit: '位', help: '密码至少包含的字符数（{{min}}–{{max}}）' },
    passwordMinClasses: { label: '密码字符类别', unit: '类', help: '大写字母、小写字母、数字、符号中至少包含的类别数（{{min}}–{{max}}）' },
    passwordMaxAgeDays: { label: '密码有效期', unit: '天', help: '超过此天数须修改密码；0 表示不强制定期修改（{{min}}–{{max}}）' },
    mfaRequiredForAdmins: { label: '管理员须双因素认证', help: '系统管理员、安全管理员、审计管理员登录时须输入验证器应用的动态验证码；未绑定者登录后须先绑定' },
  },
};

declare module '../../lib/locale-types' {
  interface FeatureCatalogues {
    settings: typeof zhCN;
  }
}

/** English: the same keys, every one translated. */
export const enUS: LocaleOf<typeof zhCN> = {
  security: {
    sessionIdleMinutes: {
      label: 'Idle session timeout',
      unit: 'min',
      help: 'After this long without activity the user must sign in again ({{min}}–{{max}})',
    },
    sessionAbsoluteHours: {
      label: 'Maximum session length',
      unit: 'h',
      help: 'After this long the user must sign in again, active or not ({{min}}–{{max}})',
    },
    lockoutAttempts: {
      label: 'Failed sign-ins before lockout',
      unit: 'times',
      help: 'The account is locked after this many wrong passwords in a row ({{min}}–{{max}})',
    },
    lockoutMinutes: { label: 'Lockout duration', unit: 'min', help: 'How long a locked account waits before it unlocks ({{min}}–{{max}})' },
    passwordMinLength: { label: 'Minimum password length', unit: 'chars', help: 'The fewest characters a password may have ({{min}}–{{max}})' },
    passwordMinClasses: {
      label: 'Character classes',
      unit: 'classes',
      help: 'How many of upper case, lower case, digits and symbols a password must mix ({{min}}–{{max}})',
    },
    passwordMaxAgeDays: {
      label: 'Password lifetime',
      unit: 'days',
      help: 'Passwords must be changed after this many days; 0 turns rotation off ({{min}}–{{max}})',
    },
    mfaRequiredForAdmins: {
      label: 'Administrators need a second factor',
      help: 'The system, security and audit administrators type a code from an authenticator app when they sign in; those without one set it up first',
    },
  },
};
