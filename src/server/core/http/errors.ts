import type { MessageKey } from '../../../shared/i18n/messages';

export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'SESSION_EXPIRED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_CREDENTIALS'
  | 'TOO_MANY_ATTEMPTS'
  | 'ACCOUNT_DISABLED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'MFA_REQUIRED'
  | 'CSRF'
  | 'PAYLOAD_TOO_LARGE'
  | 'IMPORT_TOO_LARGE'
  | 'IMPORT_TIMEOUT'
  | 'INTERNAL';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  MFA_REQUIRED: 403,
  CSRF: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  IMPORT_TOO_LARGE: 413,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
  IMPORT_TIMEOUT: 503,
};

/** A field problem: a message key and its placeholder values, translated when the response is sent. */
export interface FieldProblem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** An error meant for the user: a code, an HTTP status and a translatable message, optionally per field. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fields?: Record<string, FieldProblem>,
  ) {
    super(code);
    this.status = STATUS[code];
  }
}

/** 400 with one problem per field. */
export function fieldError(fields: Record<string, FieldProblem | MessageKey>): AppError {
  const normalised: Record<string, FieldProblem> = {};
  for (const [name, problem] of Object.entries(fields)) {
    normalised[name] = typeof problem === 'string' ? { key: problem } : problem;
  }
  return new AppError('VALIDATION', {}, normalised);
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
