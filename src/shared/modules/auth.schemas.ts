import { z } from 'zod';
import { DATA_SCOPES, UNIT_KINDS } from '../permissions';

export const localeSchema = z.enum(['zh-CN', 'en-US']);

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, { error: 'err.required' }).max(40),
  password: z.string().min(1, { error: 'err.required' }).max(128),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, { error: 'err.required' }).max(128),
  newPassword: z.string().min(1, { error: 'err.required' }).max(128),
});

export const localeBody = z.strictObject({ locale: localeSchema });

export const unitRef = z.object({
  id: z.number().int(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.enum(UNIT_KINDS),
});

export const meResponse = z.object({
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    locale: localeSchema,
  }),
  unit: unitRef,
  roles: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), dataScope: z.enum(DATA_SCOPES) })),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
  /** Set when the user must change the password before doing anything else. */
  passwordChangeReason: z.enum(['first_login', 'reset', 'expired']).nullable(),
  /** Set while the session still owes the second factor: a code (`verify`) or, for an administrator, an enrolment (`enrol`). */
  mfaPending: z.enum(['verify', 'enrol']).nullable(),
  demo: z.boolean(),
  /** The firm an enterprise account speaks for: such a user gets the slim portal menu. */
  enterprise: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type Me = z.infer<typeof meResponse>;

const otpCode = z.string().trim().min(1, { error: 'err.required' }).max(32);

/** A six-digit code from the authenticator app, or (to sign in) one recovery code. */
export const mfaCodeBody = z.strictObject({ code: otpCode });
export const mfaDisableBody = z.strictObject({ password: z.string().min(1, { error: 'err.required' }).max(128) });

export const mfaStatusResponse = z.object({
  pending: z.enum(['verify', 'enrol']).nullable(),
  enabled: z.boolean(),
  /** Whether the settings require a second factor of this user (the three administrators). */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type MfaStatus = z.infer<typeof mfaStatusResponse>;

/** A new secret to add to an authenticator app: the base32 text and the otpauth:// URI a QR code carries. */
export const mfaSetupResponse = z.object({ secret: z.string(), uri: z.string() });
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
