import { AuditOutlined, BarChartOutlined, DatabaseOutlined, FileDoneOutlined, FlagOutlined, SettingOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../shared/permissions';
import { FEATURES } from '../features';
import type { MenuEntry, NavGroupKey } from './feature';

export type NavItem = MenuEntry;

export interface NavGroup {
  label: NavGroupKey;
  icon: ReactNode;
  items: NavItem[];
}

const GROUP_ICONS: Partial<Record<NavGroupKey, ReactNode>> = {
  indicatorsGroup: <BarChartOutlined />,
  reportsGroup: <FileDoneOutlined />,
  tasksGroup: <FlagOutlined />,
  system: <SettingOutlined />,
  auditGroup: <AuditOutlined />,
  // Reference data every signed-in user reads; editing is checked on the page (calendar:manage).
  basicData: <DatabaseOutlined />,
};

/** The side menu built from the feature list: entries in feature order, a group where its first entry comes. */
function buildNavigation(): (NavItem | NavGroup)[] {
  const navigation: (NavItem | NavGroup)[] = [];
  const groups = new Map<NavGroupKey, NavGroup>();
  const icons = Object.assign({}, GROUP_ICONS, ...FEATURES.flatMap((f) => f.groups ?? []).map((g) => ({ [g.key]: g.icon })));
  for (const entry of FEATURES.flatMap((f) => f.menu ?? [])) {
    if (!entry.group) {
      navigation.push(entry);
      continue;
    }
    let group = groups.get(entry.group);
    if (!group) {
      group = { label: entry.group, icon: icons[entry.group], items: [] };
      groups.set(entry.group, group);
      navigation.push(group);
    }
    group.items.push(entry);
  }
  return navigation;
}

/** Every page reachable from the menu, grouped as in the side menu; routes and shortcuts use the same list. */
export const NAVIGATION = buildNavigation();

/**
 * The menu as this user may see it: items without the permission and groups left empty are dropped. An enterprise
 * account (`portal`) gets only the portal's entries; staff never see the portal-only ones.
 */
export function visibleNavigation(allowed: (permission: Permission) => boolean, portal = false): (NavItem | NavGroup)[] {
  const visible = (item: NavItem) => (portal ? !!item.portal : item.portal !== 'only') && (!item.permission || allowed(item.permission));
  return NAVIGATION.flatMap<NavItem | NavGroup>((entry) => {
    if (!('items' in entry)) return visible(entry) ? [entry] : [];
    const items = entry.items.filter(visible);
    return items.length ? [{ ...entry, items }] : [];
  });
}

/** The pages open without signing in, and the links the sign-in page offers to them. */
export const PUBLIC_PAGES = FEATURES.flatMap((f) => f.publicPages ?? []);
