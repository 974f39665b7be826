/**
 * The permission catalogue, the built-in roles and the separation of the three administrators (三员分立).
 * Imported by the server (enforcement) and the web (hiding what the user cannot do), so both apply one rule.
 */

/** The core's permissions; each business module declares its own beside its schemas (see `ModulePermissions`). */
export const CORE_PERMISSIONS = [
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

/**
 * The permissions of business modules, by code. A module adds its own by declaration merging in its shared schemas
 * file, next to the list its server module declares:
 * `declare module '../permissions' { interface ModulePermissions extends PermissionSet<typeof MEETING_PERMISSIONS> {} }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one block per module
export interface ModulePermissions {}

/** The shape a module's permission list gives `ModulePermissions`. */
export type PermissionSet<T extends readonly string[]> = Record<T[number], true>;

export type CorePermission = (typeof CORE_PERMISSIONS)[number];
export type Permission = CorePermission | keyof ModulePermissions;

// `enterprise`: the rows of the user's own firm (an enterprise account sees its own profile, requests and commitments).
export const DATA_SCOPES = ['all', 'unit', 'unit_and_below', 'own', 'custom', 'enterprise'] as const;
export type DataScopeKind = (typeof DATA_SCOPES)[number];

/** The three administrator families; a role or a user may hold permissions of at most one of them. */
export const ADMIN_FAMILIES = {
  system: ['user:manage', 'unit:manage', 'settings:manage'],
  security: ['role:manage'],
  audit: ['audit:read', 'loginlog:read'],
} as const satisfies Record<string, readonly Permission[]>;

export type AdminFamily = keyof typeof ADMIN_FAMILIES;

/**
 * What an administrator role of each family may hold beside its family's own permissions: reading the accounts and
 * units it administers, and for the system administrator the platform's plumbing (webhooks, job runs). Nothing else:
 * an administrator role with a business permission would read business content (三员分立).
 */
export const ADMIN_SUPPORT = {
  system: ['unit:read', 'user:read', 'role:read', 'webhook:manage', 'job:read'],
  security: ['unit:read', 'user:read', 'role:read'],
  audit: ['unit:read', 'user:read'],
} as const satisfies Record<AdminFamily, readonly Permission[]>;

/** Read permissions business roles share with administrator roles (the office browses units, users and job runs). */
const SHARED_READS: ReadonlySet<string> = new Set<Permission>(['unit:read', 'user:read', 'job:read']);
/** Permissions only administrator roles hold: each family's own and the support ones that are not shared reads. */
const ADMIN_ONLY: ReadonlySet<string> = new Set<string>(
  [...Object.values(ADMIN_FAMILIES), ...Object.values(ADMIN_SUPPORT)].flat().filter((p) => !SHARED_READS.has(p)),
);

/** Why a set of permissions (one role's, or all of one user's roles') breaks the separation, or null when it holds. */
export function separationProblem(permissions: Iterable<string>): 'admin_families_mixed' | 'admin_business_mixed' | null {
  const held = [...new Set(permissions)];
  const families = adminFamiliesOf(held);
  if (families.length > 1) return 'admin_families_mixed';
  if (families.length === 1) {
    const family = families[0];
    const allowed = new Set<string>([...ADMIN_FAMILIES[family], ...ADMIN_SUPPORT[family]]);
    return held.every((p) => allowed.has(p)) ? null : 'admin_business_mixed';
  }
  const adminOnly = held.some((p) => ADMIN_ONLY.has(p));
  const business = held.some((p) => !ADMIN_ONLY.has(p) && !SHARED_READS.has(p));
  return adminOnly && business ? 'admin_business_mixed' : null;
}

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

/** Built-in roles as in domain.md, with the core's permissions; business modules grant theirs in their definitions (`grants`). */
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
      'enterprise:read',
      'enterprise:write',
      'enterprise:pii',
      'enterprise:import',
    ],
  },
  {
    code: 'leader',
    nameZh: '县领导/链长',
    nameEn: 'County leader',
    dataScope: 'all',
    permissions: ['unit:read', 'task:read', 'enterprise:read'],
  },
  {
    code: 'department',
    nameZh: '县直部门',
    nameEn: 'County department',
    dataScope: 'unit',
    permissions: ['unit:read', 'task:read', 'task:write'],
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
    permissions: ['unit:read', 'task:read', 'task:write', 'enterprise:read', 'enterprise:write'],
  },
  {
    code: 'service_officer',
    nameZh: '首席服务官/专班成员',
    nameEn: 'Service officer',
    dataScope: 'unit',
    permissions: ['unit:read', 'task:read', 'task:write', 'enterprise:read'],
  },
  { code: 'enterprise', nameZh: '企业', nameEn: 'Enterprise', dataScope: 'enterprise', permissions: ['enterprise:read'] },
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
