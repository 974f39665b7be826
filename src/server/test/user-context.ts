import type { UserContext } from '../core/access/context';

/** A signed-in staff member's context with some permissions, for unit tests of pure policies (no database). */
export function userContext(permissions: string[], over: Partial<UserContext['user']> = {}): UserContext {
  return {
    user: {
      id: 7,
      username: 'u',
      displayName: 'U',
      unitId: 3,
      enterpriseId: null,
      locale: 'zh-CN',
      roles: [],
      permissions: new Set(permissions),
      sessionId: 's',
      csrfToken: 'c',
      passwordChangeReason: null,
      mfaPending: null,
      ...over,
    },
    ip: null,
    userAgent: null,
    locale: 'zh-CN',
  };
}
