import { useTranslation } from 'react-i18next';
import { PERMISSIONS, type Permission } from '../../shared/permissions';
import { zhCN } from '../locales/zh-CN';

type PermissionGroup = Permission extends `${infer Group}:${string}` ? Group : never;

const GROUPS = new Set<string>(PERMISSIONS.map((code) => code.split(':')[0] ?? code));

function isPermission(code: string): code is Permission {
  return (PERMISSIONS as readonly string[]).includes(code);
}

function isPermissionGroup(group: string): group is PermissionGroup {
  return GROUPS.has(group);
}

/** The readable name of a permission code; codes this build does not know are shown as they are. */
export function usePermissionLabel(): (code: string) => string {
  const { t } = useTranslation();
  return (code) => (isPermission(code) ? t(`perm.${code}`) : code);
}

/** The readable name of a permission group (the part before the colon), e.g. `user` → 用户. */
export function usePermissionGroupLabel(): (group: string) => string {
  const { t } = useTranslation();
  return (group) => (isPermissionGroup(group) ? t(`permGroup.${group}`) : group);
}

type ActionCatalogue = typeof zhCN.auditAction;
type AuditAction = { [E in keyof ActionCatalogue]: `${E}.${keyof ActionCatalogue[E] & string}` }[keyof ActionCatalogue];
type EntityType = keyof typeof zhCN.entityType;

/** Every audit action code this build can name, e.g. `user.create`. */
export const AUDIT_ACTIONS = Object.entries(zhCN.auditAction).flatMap(([entity, verbs]) =>
  Object.keys(verbs).map((verb) => `${entity}.${verb}`),
) as AuditAction[];

/** Every audited entity type this build can name. */
export const ENTITY_TYPES = Object.keys(zhCN.entityType) as EntityType[];

function isAuditAction(code: string): code is AuditAction {
  return (AUDIT_ACTIONS as string[]).includes(code);
}

function isEntityType(code: string): code is EntityType {
  return (ENTITY_TYPES as string[]).includes(code);
}

/** The readable name of an audit action code such as `user.create`; unknown codes are shown as they are. */
export function useAuditActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => (isAuditAction(action) ? t(`auditAction.${action}`) : action);
}

/** The readable name of an audited entity type such as `user`; unknown types are shown as they are. */
export function useEntityTypeLabel(): (entityType: string) => string {
  const { t } = useTranslation();
  return (entityType) => (isEntityType(entityType) ? t(`entityType.${entityType}`) : entityType);
}
