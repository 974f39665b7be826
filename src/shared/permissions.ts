/**
 * The permission catalogue, the built-in roles and the separation of the three administrators (三员分立).
 * Imported by the server (enforcement) and the web (hiding what the user cannot do), so both apply one rule.
 */

export const PERMISSIONS = [
  // organisation and accounts
  'unit:read',
  'unit:manage',
  'user:read',
  'user:manage',
  'settings:manage',
  // the working-day calendar
  'calendar:manage',
  // enterprise profiles (一企一档)
  'enterprise:read',
  'enterprise:write',
  'enterprise:pii',
  'enterprise:import',
  // indicators: catalogue, annual plan and decomposition
  'indicator:read',
  'indicator:manage',
  'indicator:enter',
  'indicator:lock',
  // township monthly reporting: forms, filling, review
  'report:read',
  'report:fill',
  'report:review',
  'report_form:manage',
  // official documents (公文): briefs, reminder letters, notices and their register
  'document:read',
  'document:draft',
  'document:issue',
  'document:template',
  // meetings (月例会, 调度会, service-team meetings) and their decisions
  'meeting:read',
  'meeting:write',
  // key projects (重点项目): read, report (investment, own milestones), manage the library
  'project:read',
  'project:write',
  'project:manage',
  // security administration
  'role:read',
  'role:manage',
  // audit administration
  'audit:read',
  'loginlog:read',
  // tasks (督办), notifications and jobs
  'task:read',
  'task:write',
  'task:assign',
  'webhook:manage',
  'job:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const DATA_SCOPES = ['all', 'unit', 'unit_and_below', 'own', 'custom'] as const;
export type DataScopeKind = (typeof DATA_SCOPES)[number];

/** The three administrator families; a role or a user may hold permissions of at most one of them. */
export const ADMIN_FAMILIES = {
  system: ['user:manage', 'unit:manage', 'settings:manage'],
  security: ['role:manage'],
  audit: ['audit:read', 'loginlog:read'],
} as const satisfies Record<string, readonly Permission[]>;

export type AdminFamily = keyof typeof ADMIN_FAMILIES;

/** Which administrator families a set of permissions touches. */
export function adminFamiliesOf(permissions: Iterable<string>): AdminFamily[] {
  const held = new Set(permissions);
  return (Object.keys(ADMIN_FAMILIES) as AdminFamily[]).filter((family) => ADMIN_FAMILIES[family].some((p) => held.has(p)));
}

export const UNIT_KINDS = ['county', 'office', 'department', 'township', 'industry_group', 'service_team', 'bank', 'enterprise'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface BuiltinRole {
  code: string;
  nameZh: string;
  nameEn: string;
  dataScope: DataScopeKind;
  permissions: Permission[];
}

/** Built-in roles as in domain.md. Business modules add their permissions to these roles in their migrations. */
export const BUILTIN_ROLES: BuiltinRole[] = [
  {
    code: 'office',
    nameZh: '工业强县办公室',
    nameEn: 'Leading group office',
    dataScope: 'all',
    permissions: [
      'unit:read',
      'user:read',
      'calendar:manage',
      'task:read',
      'task:write',
      'task:assign',
      'job:read',
      'indicator:read',
      'indicator:manage',
      'indicator:enter',
      'indicator:lock',
      'enterprise:read',
      'enterprise:write',
      'enterprise:pii',
      'enterprise:import',
      'report:read',
      'report:review',
      'report_form:manage',
      'document:read',
      'document:draft',
      'document:issue',
      'document:template',
      'meeting:read',
      'meeting:write',
      'project:read',
      'project:write',
      'project:manage',
    ],
  },
  {
    code: 'leader',
    nameZh: '县领导/链长',
    nameEn: 'County leader',
    dataScope: 'all',
    permissions: ['unit:read', 'task:read', 'indicator:read', 'enterprise:read', 'report:read', 'document:read', 'meeting:read', 'project:read'],
  },
  {
    code: 'department',
    nameZh: '县直部门',
    nameEn: 'County department',
    dataScope: 'unit',
    permissions: [
      'unit:read',
      'task:read',
      'task:write',
      'indicator:read',
      'indicator:enter',
      'document:read',
      'meeting:read',
      'project:read',
      'project:write',
    ],
  },
  {
    // Given beside another role to the departments that work with firms: the whole directory, contacts masked.
    code: 'enterprise_reader',
    nameZh: '企业档案查阅',
    nameEn: 'Enterprise directory reader',
    dataScope: 'all',
    permissions: ['enterprise:read'],
  },
  {
    code: 'township',
    nameZh: '乡镇（街道）',
    nameEn: 'Township',
    dataScope: 'unit',
    permissions: [
      'unit:read',
      'task:read',
      'task:write',
      'indicator:read',
      'indicator:enter',
      'enterprise:read',
      'enterprise:write',
      'report:read',
      'report:fill',
      'document:read',
      'meeting:read',
      'project:read',
      'project:write',
    ],
  },
  {
    code: 'service_officer',
    nameZh: '首席服务官/专班成员',
    nameEn: 'Service officer',
    dataScope: 'unit',
    permissions: ['unit:read', 'task:read', 'task:write', 'enterprise:read', 'meeting:read', 'project:read'],
  },
  { code: 'enterprise', nameZh: '企业', nameEn: 'Enterprise', dataScope: 'own', permissions: [] },
  { code: 'bank', nameZh: '金融机构', nameEn: 'Bank', dataScope: 'unit', permissions: ['unit:read'] },
  {
    code: 'sysadmin',
    nameZh: '系统管理员',
    nameEn: 'System administrator',
    dataScope: 'all',
    permissions: ['unit:read', 'unit:manage', 'user:read', 'user:manage', 'settings:manage', 'role:read', 'webhook:manage', 'job:read'],
  },
  {
    code: 'secadmin',
    nameZh: '安全管理员',
    nameEn: 'Security administrator',
    dataScope: 'all',
    permissions: ['role:read', 'role:manage', 'user:read', 'unit:read'],
  },
  {
    code: 'auditor',
    nameZh: '审计管理员',
    nameEn: 'Audit administrator',
    dataScope: 'all',
    permissions: ['audit:read', 'loginlog:read', 'user:read', 'unit:read'],
  },
];

/** Whether a permission list grants a permission. */
export function can(permissions: readonly string[] | undefined, permission: Permission): boolean {
  return !!permissions?.includes(permission);
}
