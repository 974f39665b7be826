import type { Locale } from '../../../shared/i18n/messages';
import type { DataScopeKind, Permission } from '../../../shared/permissions';

export interface RoleGrant {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  dataScope: DataScopeKind;
  customUnitIds: number[];
  permissions: string[];
}

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  /** The firm an enterprise account speaks for; null for staff. */
  enterpriseId: number | null;
  locale: Locale;
  roles: RoleGrant[];
  permissions: ReadonlySet<string>;
  sessionId: string;
  csrfToken: string;
  passwordChangeReason: 'first_login' | 'reset' | 'expired' | null;
  /** Set while the session still owes the second factor: a code (`verify`) or an enrolment (`enrol`). */
  mfaPending: 'verify' | 'enrol' | null;
  /** The user's unit as the signed-in state holds it (`/api/auth/me` shows it without a query); absent when not read. */
  unit?: { id: number; code: string; nameZh: string; nameEn: string; kind: string };
}

/** Who is asking and from where; every service call carries it. */
export interface RequestContext {
  user: AuthUser | null;
  ip: string | null;
  userAgent: string | null;
  locale: Locale;
}

/** A context whose user is known (routes that require sign-in receive this). */
export interface UserContext extends RequestContext {
  user: AuthUser;
}

/** The context of a command-line or scheduled action, with no signed-in user. */
export function systemContext(): RequestContext {
  return { user: null, ip: null, userAgent: null, locale: 'zh-CN' };
}

export type { Permission };
