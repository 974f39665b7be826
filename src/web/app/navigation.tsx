import {
  ApartmentOutlined,
  AimOutlined,
  ShopOutlined,
  AlertOutlined,
  TableOutlined,
  BarChartOutlined,
  UnorderedListOutlined,
  ApiOutlined,
  AuditOutlined,
  BellOutlined,
  CarryOutOutlined,
  ClockCircleOutlined,
  ContainerOutlined,
  FlagOutlined,
  ProfileOutlined,
  FormOutlined,
  FundOutlined,
  FileDoneOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  HomeOutlined,
  LoginOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  ScheduleOutlined,
  ProjectOutlined,
  AppstoreOutlined,
  BarsOutlined,
  CrownOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../shared/permissions';

export interface NavItem {
  path: string;
  /** Shown when the user holds this permission; the home page is for everyone. */
  permission?: Permission;
  icon: ReactNode;
  label:
    | 'home'
    | 'units'
    | 'users'
    | 'roles'
    | 'security'
    | 'loginLog'
    | 'audit'
    | 'indicatorCatalogue'
    | 'indicatorPlan'
    | 'ledger'
    | 'warnings'
    | 'myTasks'
    | 'unitTasks'
    | 'allTasks'
    | 'inbox'
    | 'webhooks'
    | 'jobs'
    | 'calendar'
    | 'enterprises'
    | 'reportMatrix'
    | 'reportTotals'
    | 'reportForms'
    | 'documents'
    | 'meetings'
    | 'projectLibrary'
    | 'projectBoard'
    | 'projectGantt'
    | 'projectLeaders';
}

export interface NavGroup {
  label: 'system' | 'auditGroup' | 'indicatorsGroup' | 'reportsGroup' | 'tasksGroup' | 'basicData' | 'projectsGroup';
  icon: ReactNode;
  items: NavItem[];
}

/** Every page reachable from the menu, grouped as in the side menu; routes and shortcuts use the same list. */
export const NAVIGATION: (NavItem | NavGroup)[] = [
  { path: '/', icon: <HomeOutlined />, label: 'home' },
  { path: '/enterprises', permission: 'enterprise:read', icon: <ShopOutlined />, label: 'enterprises' },
  {
    label: 'indicatorsGroup',
    icon: <BarChartOutlined />,
    items: [
      { path: '/indicators/warnings', permission: 'indicator:read', icon: <AlertOutlined />, label: 'warnings' },
      { path: '/indicators/ledger', permission: 'indicator:read', icon: <TableOutlined />, label: 'ledger' },
      { path: '/indicators/plan', permission: 'indicator:read', icon: <AimOutlined />, label: 'indicatorPlan' },
      { path: '/indicators/catalogue', permission: 'indicator:read', icon: <UnorderedListOutlined />, label: 'indicatorCatalogue' },
    ],
  },
  {
    label: 'reportsGroup',
    icon: <FileDoneOutlined />,
    items: [
      { path: '/reports', permission: 'report:read', icon: <TableOutlined />, label: 'reportMatrix' },
      { path: '/reports/totals', permission: 'report:read', icon: <FundOutlined />, label: 'reportTotals' },
      { path: '/reports/forms', permission: 'report:read', icon: <FormOutlined />, label: 'reportForms' },
    ],
  },
  {
    label: 'projectsGroup',
    icon: <ProjectOutlined />,
    items: [
      { path: '/projects', permission: 'project:read', icon: <UnorderedListOutlined />, label: 'projectLibrary' },
      { path: '/projects/board', permission: 'project:read', icon: <AppstoreOutlined />, label: 'projectBoard' },
      { path: '/projects/gantt', permission: 'project:read', icon: <BarsOutlined />, label: 'projectGantt' },
      { path: '/projects/leaders', permission: 'project:read', icon: <CrownOutlined />, label: 'projectLeaders' },
    ],
  },
  {
    label: 'tasksGroup',
    icon: <FlagOutlined />,
    items: [
      { path: '/tasks/mine', permission: 'task:read', icon: <CarryOutOutlined />, label: 'myTasks' },
      { path: '/tasks/unit', permission: 'task:read', icon: <ContainerOutlined />, label: 'unitTasks' },
      { path: '/tasks/all', permission: 'task:read', icon: <ProfileOutlined />, label: 'allTasks' },
    ],
  },
  { path: '/documents', permission: 'document:read', icon: <FileTextOutlined />, label: 'documents' },
  { path: '/meetings', permission: 'meeting:read', icon: <ScheduleOutlined />, label: 'meetings' },
  { path: '/notifications', icon: <BellOutlined />, label: 'inbox' },
  {
    label: 'system',
    icon: <SettingOutlined />,
    items: [
      { path: '/admin/units', permission: 'unit:read', icon: <ApartmentOutlined />, label: 'units' },
      { path: '/admin/users', permission: 'user:read', icon: <UserOutlined />, label: 'users' },
      { path: '/admin/roles', permission: 'role:read', icon: <TeamOutlined />, label: 'roles' },
      { path: '/admin/settings/security', permission: 'settings:manage', icon: <SafetyCertificateOutlined />, label: 'security' },
      { path: '/admin/webhooks', permission: 'webhook:manage', icon: <ApiOutlined />, label: 'webhooks' },
      { path: '/admin/jobs', permission: 'job:read', icon: <ClockCircleOutlined />, label: 'jobs' },
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
