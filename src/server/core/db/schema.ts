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

export interface SessionTable {
  /** sha256 of the cookie token: a stolen database does not yield live cookies. */
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginLogTable {
  id: Generated<number>;
  at: string;
  username: string;
  userId: number | null;
  ip: string | null;
  userAgent: string | null;
  result: string;
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

export interface IndicatorTable {
  id: Generated<number>;
  code: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  kind: 'cumulative' | 'growth' | 'stock' | 'ratio';
  direction: 'higher' | 'lower';
  sourceUnitId: number | null;
  definitionZh: string;
  definitionEn: string;
  yellowBandPp: number | null;
  decimals: number;
  minValue: number | null;
  maxValue: number | null;
  maxJumpPct: number | null;
  sortOrder: number;
  active: number;
  /** The county row: reported by the data source, or the sum of the units' values. */
  countyValue: ColumnType<'reported' | 'sum', 'reported' | 'sum' | undefined, 'reported' | 'sum'>;
  createdAt: string;
  updatedAt: string;
}

export interface IndicatorPlanTable {
  id: Generated<number>;
  year: number;
  status: 'draft' | 'published';
  /** 0 until first published, then one more for each published change. */
  version: number;
  coverageReason: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IndicatorTargetTable {
  id: Generated<number>;
  planId: number;
  indicatorId: number;
  unitId: number;
  /** 1 for the county's own target, 0 for a unit's share of it. */
  isCounty: number;
  target: number;
  startOfYear: number | null;
  /** JSON array of 12 cumulative shares (%), or null for the even m ÷ 12 progress. */
  planCurve: string | null;
  responsiblePerson: string;
  leadLeader: string;
  measures: string;
}

export interface IndicatorPlanVersionTable {
  id: Generated<number>;
  planId: number;
  version: number;
  reason: string;
  /** JSON of the plan's targets as published. */
  snapshot: string;
  createdBy: number | null;
  createdAt: string;
}

export interface IndicatorValueTable {
  id: Generated<number>;
  indicatorId: number;
  unitId: number;
  /** `YYYY-MM` */
  month: string;
  value: number;
  explanation: string;
  status: 'draft' | 'submitted';
  updatedBy: number | null;
  updatedAt: string;
  submittedAt: string | null;
  /** The record another module wrote the value from (`reports/<id>`); null for values entered in the ledger. */
  source: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IndicatorValueHistoryTable {
  id: Generated<number>;
  valueId: number;
  /** `save` before submission is not kept; `submit`, and `correct` (a change after submission or lock, with a reason). */
  action: 'submit' | 'correct';
  beforeValue: number | null;
  afterValue: number;
  reason: string;
  changedBy: number | null;
  changedAt: string;
}

export interface IndicatorMonthLockTable {
  month: string;
  lockedBy: number | null;
  lockedAt: string;
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

export interface ReportFormTable {
  id: Generated<number>;
  code: string;
  nameZh: string;
  nameEn: string;
  periodType: 'monthly';
  /** Reports are due on this working day of the month after the period. */
  dueWorkingDay: number;
  /** `YYYY-MM`: the first month units must report; earlier months are not expected. */
  startMonth: string;
  /** 1: every active township reports; 0: the units in report_form_units. */
  allTownships: number;
  active: number;
  currentVersion: number;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReportFormVersionTable {
  id: Generated<number>;
  formId: number;
  version: number;
  /** `ReportFormDefinition` (shared/rules/report-forms.ts) as JSON. */
  definition: string;
  note: string;
  createdBy: number | null;
  createdAt: string;
}

export interface ReportFormUnitTable {
  formId: number;
  unitId: number;
}

export interface ReportTable {
  id: Generated<number>;
  formId: number;
  formVersionId: number;
  unitId: number;
  /** `YYYY-MM` */
  month: string;
  status: 'draft' | 'submitted' | 'returned' | 'accepted';
  valuesJson: string;
  /** Explanations of warnings, by rule key. */
  explanationsJson: string;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  updatedBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentTemplateTable {
  id: Generated<number>;
  /** brief (工作简报), letter (提醒函), notice (通报). */
  docType: string;
  headerText: string;
  numberPrefix: string;
  issuer: string;
  addressee: string;
  /** JSON array of lines under the date (抄送, 印发). */
  footerLines: string;
  updatedAt: string;
}

export interface DocumentNumberTable {
  docType: string;
  year: number;
  lastSeq: number;
}

export interface DocumentTable {
  id: Generated<number>;
  docType: string;
  /** A notice's subject, `criticism` or `praise`; null for the other types. */
  subject: string | null;
  status: 'draft' | 'issued';
  title: string;
  month: string | null;
  unitId: number | null;
  addressee: string;
  /** JSON of the body's blocks. */
  body: string;
  year: number | null;
  seq: number | null;
  number: string | null;
  issueDate: string | null;
  docxSha256: string | null;
  docxSize: number | null;
  pdfSha256: string | null;
  taskId: number | null;
  createdBy: number | null;
  issuedBy: number | null;
  issuedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReportEventTable {
  id: Generated<number>;
  reportId: number;
  action: 'submit' | 'return' | 'accept' | 'reopen';
  fromStatus: string;
  toStatus: string;
  reason: string;
  fieldKey: string | null;
  byUserId: number | null;
  at: string;
}

export interface MeetingTable {
  id: Generated<number>;
  /** monthly (月例会), dispatch (调度会), service_team (专班会议). */
  kind: string;
  title: string;
  meetingDate: string;
  location: string;
  convener: string;
  /** The convening unit. */
  unitId: number;
  attendees: string;
  agenda: string;
  minutes: string;
  /** planned (created ahead by its schedule) or held (recorded). */
  status: Generated<string>;
  scheduleId: number | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface MeetingScheduleTable {
  id: Generated<number>;
  kind: string;
  title: string;
  workingDay: number;
  leadWorkingDays: number;
  location: string;
  convener: string;
  attendees: string;
  agenda: string;
  unitId: number;
  active: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface MeetingScheduleUnitTable {
  scheduleId: number;
  unitId: number;
}

export interface MeetingUnitTable {
  meetingId: number;
  unitId: number;
}

export interface MeetingDecisionTable {
  id: Generated<number>;
  meetingId: number;
  seq: number;
  text: string;
  ownerUnitId: number;
  dueDate: string;
  taskId: number | null;
}

export interface Database {
  orgUnits: OrgUnitTable;
  users: UserTable;
  roles: RoleTable;
  rolePermissions: RolePermissionTable;
  roleUnits: RoleUnitTable;
  userRoles: UserRoleTable;
  sessions: SessionTable;
  loginLog: LoginLogTable;
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
  indicators: IndicatorTable;
  indicatorPlans: IndicatorPlanTable;
  indicatorTargets: IndicatorTargetTable;
  indicatorPlanVersions: IndicatorPlanVersionTable;
  indicatorValues: IndicatorValueTable;
  indicatorValueHistory: IndicatorValueHistoryTable;
  indicatorMonthLocks: IndicatorMonthLockTable;
  attachments: AttachmentTable;
  enterprises: EnterpriseTable;
  enterpriseChains: EnterpriseChainTable;
  enterpriseContacts: EnterpriseContactTable;
  reportForms: ReportFormTable;
  reportFormVersions: ReportFormVersionTable;
  reportFormUnits: ReportFormUnitTable;
  reports: ReportTable;
  reportEvents: ReportEventTable;
  documentTemplates: DocumentTemplateTable;
  documentNumbers: DocumentNumberTable;
  documents: DocumentTable;
  meetings: MeetingTable;
  meetingUnits: MeetingUnitTable;
  meetingDecisions: MeetingDecisionTable;
  meetingSchedules: MeetingScheduleTable;
  meetingScheduleUnits: MeetingScheduleUnitTable;
}
