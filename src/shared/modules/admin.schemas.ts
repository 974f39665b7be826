import { z } from 'zod';
import { idParams, strictId } from '../ids';
import { listQuery, pageOf, queryBoolean } from '../list';
import { patchOf } from '../patch';
import { DATA_SCOPES, UNIT_KINDS } from '../permissions';
import { localeSchema, unitRef } from './auth.schemas';

const id = strictId;
export { idParams };

// ---- org units ----
export const unitSchema = unitRef.extend({
  parentId: z.number().int().nullable(),
  divisionCode: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitListQuery = z.strictObject({
  kind: z.enum(UNIT_KINDS).optional(),
  q: z.string().max(60).optional(),
  includeInactive: queryBoolean.optional(),
});

const unitFields = {
  parentId: z.number().int().positive().nullable(),
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{2,40}$/, { error: 'err.VALIDATION' }),
  nameZh: z.string().trim().min(1, { error: 'err.required' }).max(80),
  nameEn: z.string().trim().min(1, { error: 'err.required' }).max(120),
  kind: z.enum(UNIT_KINDS),
  divisionCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/)
    .nullable(),
  sortOrder: z.number().int().min(0).max(100000),
};
export const createUnitBody = z.strictObject({
  ...unitFields,
  sortOrder: unitFields.sortOrder.default(0),
  divisionCode: unitFields.divisionCode.default(null),
});
export const updateUnitBody = patchOf({ ...unitFields, active: z.boolean() });

// ---- users ----
export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  unit: unitRef,
  roles: z.array(z.object({ id: z.number().int(), code: z.string(), nameZh: z.string(), nameEn: z.string() })),
  active: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const USER_SORTS = ['username', 'displayName', 'createdAt', 'lastLoginAt'] as const;
export const userListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(USER_SORTS).optional(),
  q: z.string().max(60).optional(),
  unitId: id.optional(),
  roleCode: z.string().max(40).optional(),
  active: queryBoolean.optional(),
});
export const userPage = pageOf(userSchema);

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,40}$/, { error: 'err.username' });
export const createUserBody = z.strictObject({
  username,
  displayName: z.string().trim().min(1, { error: 'err.required' }).max(60),
  phone: z
    .string()
    .regex(/^[0-9+\- ]{5,20}$/)
    .nullable()
    .default(null),
  unitId: z.number().int().positive(),
});
export const updateUserBody = patchOf({
  displayName: z.string().trim().min(1, { error: 'err.required' }).max(60),
  phone: z
    .string()
    .regex(/^[0-9+\- ]{5,20}$/)
    .nullable(),
  unitId: z.number().int().positive(),
  active: z.boolean(),
});
/** The roles of one account, set by the security administrator (the system administrator grants none: 三员分立). */
export const userRolesBody = z.strictObject({ roleIds: z.array(z.number().int().positive()).max(20) });
/** A one-time password, shown once to the administrator who asked for it; the user must change it at first sign-in. */
export const resetPasswordResponse = z.object({ temporaryPassword: z.string() });
export const createUserResponse = userSchema.extend({ temporaryPassword: z.string() });

// ---- roles ----
export const roleSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  builtin: z.boolean(),
  dataScope: z.enum(DATA_SCOPES),
  customUnitIds: z.array(z.number().int()),
  permissions: z.array(z.string()),
  userCount: z.number().int(),
});
export type Role = z.infer<typeof roleSchema>;

const roleFields = {
  nameZh: z.string().trim().min(1, { error: 'err.required' }).max(60),
  nameEn: z.string().trim().min(1, { error: 'err.required' }).max(80),
  dataScope: z.enum(DATA_SCOPES),
  customUnitIds: z.array(z.number().int().positive()).max(500),
  // Checked against the installed modules' catalogue by the roles service: the catalogue is the server's to know.
  permissions: z.array(z.string().regex(/^[a-z_]{1,30}:[a-z_]{1,30}$/, { error: 'err.VALIDATION' })).max(300),
};
export const createRoleBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'err.VALIDATION' }),
  ...roleFields,
  customUnitIds: roleFields.customUnitIds.default([]),
});
export const updateRoleBody = patchOf(roleFields);

// ---- security settings ----
export const securitySettings = z.strictObject({
  sessionIdleMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  sessionAbsoluteHours: z.number().int().min(1).max(72),
  lockoutAttempts: z.number().int().min(3).max(20),
  lockoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  passwordMinLength: z.number().int().min(8).max(64),
  passwordMinClasses: z.number().int().min(1).max(4),
  passwordMaxAgeDays: z.number().int().min(0).max(3650),
  /** The three administrators (三员) must sign in with a second factor (TOTP). */
  mfaRequiredForAdmins: z.boolean().default(true),
});
export type SecuritySettings = z.infer<typeof securitySettings>;

/** Hosts a webhook may reach although they are loopback, private or link-local (an intranet WeCom gateway, say). */
export const webhookSettings = z.strictObject({
  allowedHosts: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9.:-]{1,253}$/, { error: 'err.VALIDATION' }),
    )
    .max(50),
});
export type WebhookSettings = z.infer<typeof webhookSettings>;

// ---- audit and login log ----
export const auditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorUnitId: z.number().int().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;
export const AUDIT_SORTS = ['at', 'action', 'entityType', 'actorUsername'] as const;
export const auditListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(AUDIT_SORTS).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  actor: z.string().max(40).optional(),
  action: z.string().max(60).optional(),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
});
export const auditPage = pageOf(auditRowSchema);
export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
});

// `mfa_required` / `mfa_enrol`: the password was right and the session waits for the code / the enrolment;
// `bad_code`: a wrong second-factor code.
export const LOGIN_RESULTS = ['success', 'bad_password', 'unknown_user', 'locked', 'disabled', 'mfa_required', 'mfa_enrol', 'bad_code'] as const;
/** The factors a successful sign-in used. */
export const LOGIN_FACTORS = ['password', 'password+totp', 'password+recovery'] as const;
export const loginLogRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  result: z.enum(LOGIN_RESULTS),
  factor: z.enum(LOGIN_FACTORS).nullable(),
});
export const LOGIN_LOG_SORTS = ['at', 'username', 'result'] as const;
export const loginLogQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(LOGIN_LOG_SORTS).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  username: z.string().max(40).optional(),
  result: z.enum(LOGIN_RESULTS).optional(),
});
export const loginLogPage = pageOf(loginLogRowSchema);

export const localeUpdate = z.strictObject({ locale: localeSchema });
