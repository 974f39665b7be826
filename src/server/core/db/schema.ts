import type { ColumnType, Generated } from 'kysely';

// Column types as the application sees them (CamelCasePlugin maps snake_case columns).
// Flags are 0/1 integers and times ISO-8601 UTC strings on both databases.

export interface OrgUnitTable {
  id: Generated<number>;
  parentId: number | null;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  divisionCode: string | null;
  /** Materialised path of ids, e.g. `/1/4/17/`, so "unit and below" is one LIKE. */
  path: string;
  sortOrder: number;
  active: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  phone: string | null;
  unitId: number;
  /** The firm an enterprise account speaks for (role `enterprise`, data scope `enterprise`); null for staff. */
  enterpriseId: ColumnType<number | null, number | null | undefined, number | null>;
  passwordHash: string;
  passwordChangedAt: string;
  passwordChangeReason: 'first_login' | 'reset' | null;
  active: number;
  failedLogins: number;
  lockedUntil: string | null;
  locale: string;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A password a user has had, newest last; the newest five are refused as a new password. */
export interface PasswordHistoryTable {
  id: Generated<number>;
  userId: number;
  passwordHash: string;
  createdAt: string;
}

/** Failed attempts counted per key (`login:<name>@<ip>`, `login:<name>`, `ip:<ip>`, `password:<userId>`), name known or not. */
export interface AuthThrottleTable {
  key: string;
  failures: number;
  windowStart: string;
  lockedUntil: string | null;
}

export interface RoleTable {
  id: Generated<number>;
  code: string;
  nameZh: string;
  nameEn: string;
  builtin: number;
  dataScope: string;
  createdAt: string;
  updatedAt: string;
}

export interface RolePermissionTable {
  roleId: number;
  permission: string;
}

export interface RoleUnitTable {
  roleId: number;
  unitId: number;
}

export interface UserRoleTable {
  userId: number;
  roleId: number;
}

/** One row: the counter every change to sign-in state moves (see `core/auth/access-cache.ts`). */
export interface AccessVersionTable {
  version: number;
}

export interface SessionTable {
  /** sha256 of the cookie token: a stolen database does not yield live cookies. */
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  /** Set while the session waits for the second factor: `verify` a code, or `enrol` one (an administrator without). */
  mfaPending: ColumnType<'verify' | 'enrol' | null, 'verify' | 'enrol' | null | undefined, 'verify' | 'enrol' | null>;
}

/** A user's TOTP factor: the secret in force, one being enrolled, and the last time step used (a code works once). */
export interface UserMfaTable {
  id: Generated<number>;
  userId: number;
  secret: string | null;
  pendingSecret: string | null;
  enabledAt: string | null;
  lastStep: number | null;
}

/** Single-use recovery codes, stored as sha256 hashes (they are random, so a plain hash is enough). */
export interface UserRecoveryCodeTable {
  id: Generated<number>;
  userId: number;
  codeHash: string;
  usedAt: string | null;
}

export interface LoginLogTable {
  id: Generated<number>;
  at: string;
  username: string;
  userId: number | null;
  ip: string | null;
  userAgent: string | null;
  result: string;
  /** The factors of a successful sign-in: `password`, `password+totp` or `password+recovery`. */
  factor: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actorUserId: number | null;
  actorUsername: string | null;
  actorUnitId: number | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  prevHash: string;
  hash: string;
}

export interface SettingTable {
  key: string;
  valueJson: string;
  updatedAt: string;
  updatedBy: number | null;
}

export interface CalendarDayTable {
  /** `YYYY-MM-DD`, a county calendar day. */
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  updatedAt: string;
  updatedBy: number | null;
}

export interface JobRunTable {
  id: Generated<number>;
  job: string;
  /** The period this run covers, e.g. a county day `2026-03-02` or a minute `2026-03-02T09:15`. */
  period: string;
  instance: string;
  startedAt: string;
  finishedAt: string | null;
  ok: number | null;
  message: string | null;
}

export interface TaskTable {
  id: Generated<number>;
  type: string;
  title: string;
  description: string;
  sourceModule: string | null;
  sourceId: string | null;
  enterpriseId: number | null;
  ownerUnitId: number;
  assigneeUserId: number | null;
  createdByUserId: number | null;
  createdByUnitId: number;
  createdDate: string;
  dueDate: string;
  dueSoonDate: string;
  status: string;
  /** The day of the latest submission; the accepted one is the day the task was finished. */
  submittedDate: string | null;
  finishedDate: string | null;
  wasOverdue: number;
  escalationStep: number;
  createdAt: string;
  updatedAt: string;
}

export interface TaskCoUnitTable {
  taskId: number;
  unitId: number;
}

export interface TaskEventTable {
  id: Generated<number>;
  taskId: number;
  at: string;
  userId: number | null;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  text: string | null;
}

export interface TaskEscalationTable {
  taskId: number;
  step: number;
  at: string;
}

export interface NotificationTable {
  id: Generated<number>;
  userId: number;
  kind: string;
  titleZh: string;
  titleEn: string;
  link: string | null;
  entityType: string;
  entityId: string;
  createdAt: string;
  readAt: string | null;
}

export interface WebhookTable {
  id: Generated<number>;
  unitId: number;
  name: string;
  url: string;
  active: number;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  webhookId: number;
  payloadJson: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface AttachmentTable {
  id: Generated<number>;
  /** Registered owner type (`task`, `calendar_year`…) and the owning record's key as text. */
  ownerType: string;
  ownerId: string;
  fileName: string;
  /** Sniffed from the bytes. */
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: number;
  unitId: number;
  createdAt: string;
  deletedAt: string | null;
  deletedBy: number | null;
}

export interface EnterpriseTable {
  id: Generated<number>;
  name: string;
  uscc: string;
  townshipUnitId: number;
  address: string;
  /** GB/T 4754 division (`C31`) or section (`F`). */
  industryCode: string;
  aboveScale: number;
  highTech: number;
  highTechCertNo: string;
  highTechValidTo: string | null;
  smeTier: string;
  rdInstitutions: string;
  employees: number | null;
  serviceTeamUnitId: number | null;
  chiefOfficerUserId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface EnterpriseChainTable {
  enterpriseId: number;
  chainUnitId: number;
}

export interface EnterpriseContactTable {
  id: Generated<number>;
  enterpriseId: number;
  name: string;
  position: string;
  phone: string;
  idNumber: string;
  sortOrder: number;
}

// Created by the documents module's first migration, used by the core's numbering engine (core/documents/numbering.ts).
export interface DocumentNumberTable {
  docType: string;
  year: number;
  lastSeq: number;
}

/** The core's tables; each module adds its own in `modules/<m>/<m>.tables.ts` by declaration merging. */
export interface Database {
  documentNumbers: DocumentNumberTable;
  orgUnits: OrgUnitTable;
  users: UserTable;
  passwordHistory: PasswordHistoryTable;
  authThrottles: AuthThrottleTable;
  roles: RoleTable;
  rolePermissions: RolePermissionTable;
  roleUnits: RoleUnitTable;
  userRoles: UserRoleTable;
  sessions: SessionTable;
  accessVersion: AccessVersionTable;
  loginLog: LoginLogTable;
  userMfa: UserMfaTable;
  userRecoveryCodes: UserRecoveryCodeTable;
  auditLog: AuditLogTable;
  settings: SettingTable;
  calendarDays: CalendarDayTable;
  jobRuns: JobRunTable;
  tasks: TaskTable;
  taskCoUnits: TaskCoUnitTable;
  taskEvents: TaskEventTable;
  taskEscalations: TaskEscalationTable;
  notifications: NotificationTable;
  webhooks: WebhookTable;
  webhookDeliveries: WebhookDeliveryTable;
  attachments: AttachmentTable;
  enterprises: EnterpriseTable;
  enterpriseChains: EnterpriseChainTable;
  enterpriseContacts: EnterpriseContactTable;
}
