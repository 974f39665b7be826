import { useTranslation } from 'react-i18next';
import { zhCN } from '../locales/zh-CN';

/** A label from the catalogue when this build has one, else the code itself (a permission of a newer server, say). */
function useCatalogueLabel(prefix: 'perm' | 'permGroup'): (code: string) => string {
  const { t, i18n } = useTranslation();
  return (code) => (i18n.exists(`${prefix}.${code}`) ? t(`${prefix}.${code}` as never) : code);
}

/** The readable name of a permission code; codes this build does not know are shown as they are. */
export function usePermissionLabel(): (code: string) => string {
  return useCatalogueLabel('perm');
}

/** The readable name of a permission group (the part before the colon), e.g. `user` → 用户. */
export function usePermissionGroupLabel(): (group: string) => string {
  return useCatalogueLabel('permGroup');
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
