import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  HomeOutlined,
  LoginOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../shared/permissions';

export interface NavItem {
  path: string;
  /** Shown when the user holds this permission; the home page is for everyone. */
  permission?: Permission;
  icon: ReactNode;
  label: 'home' | 'units' | 'users' | 'roles' | 'security' | 'loginLog' | 'audit' | 'calendar';
}

export interface NavGroup {
  label: 'system' | 'auditGroup' | 'basicData';
  icon: ReactNode;
  items: NavItem[];
}

/** Every page reachable from the menu, grouped as in the side menu; routes and shortcuts use the same list. */
export const NAVIGATION: (NavItem | NavGroup)[] = [
  { path: '/', icon: <HomeOutlined />, label: 'home' },
  {
    label: 'system',
    icon: <SettingOutlined />,
    items: [
      { path: '/admin/units', permission: 'unit:read', icon: <ApartmentOutlined />, label: 'units' },
      { path: '/admin/users', permission: 'user:read', icon: <UserOutlined />, label: 'users' },
      { path: '/admin/roles', permission: 'role:read', icon: <TeamOutlined />, label: 'roles' },
      { path: '/admin/settings/security', permission: 'settings:manage', icon: <SafetyCertificateOutlined />, label: 'security' },
    ],
  },
  {
    label: 'auditGroup',
    icon: <AuditOutlined />,
    items: [
      { path: '/admin/login-log', permission: 'loginlog:read', icon: <LoginOutlined />, label: 'loginLog' },
      { path: '/admin/audit', permission: 'audit:read', icon: <FileSearchOutlined />, label: 'audit' },
    ],
  },
  {
    // Reference data every signed-in user reads; editing is checked on the page (calendar:manage).
    label: 'basicData',
    icon: <DatabaseOutlined />,
    items: [{ path: '/basic/calendar', icon: <CalendarOutlined />, label: 'calendar' }],
  },
];

/** The menu as this user may see it: items without the permission and groups left empty are dropped. */
export function visibleNavigation(allowed: (permission: Permission) => boolean): (NavItem | NavGroup)[] {
  const visible = (item: NavItem) => !item.permission || allowed(item.permission);
  return NAVIGATION.flatMap<NavItem | NavGroup>((entry) => {
    if (!('items' in entry)) return visible(entry) ? [entry] : [];
    const items = entry.items.filter(visible);
    return items.length ? [{ ...entry, items }] : [];
  });
}
