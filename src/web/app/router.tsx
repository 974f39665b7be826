import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { CHANGE_PASSWORD_PATH, NotFound, RequireAuth, RequirePermission } from './guards';
import { AppLayout } from './layout/AppLayout';
import { NAVIGATION, type NavItem } from './navigation';

type PageModule = () => Promise<{ Component: ComponentType }>;

/** Each menu page's code, loaded when it is first opened. */
const PAGES: Record<NavItem['label'], PageModule> = {
  home: () => import('../features/home/pages/HomePage').then((m) => ({ Component: m.HomePage })),
  units: () => import('../features/units/pages/UnitsPage').then((m) => ({ Component: m.UnitsPage })),
  users: () => import('../features/users/pages/UsersPage').then((m) => ({ Component: m.UsersPage })),
  roles: () => import('../features/roles/pages/RolesPage').then((m) => ({ Component: m.RolesPage })),
  security: () => import('../features/settings/pages/SecuritySettingsPage').then((m) => ({ Component: m.SecuritySettingsPage })),
  loginLog: () => import('../features/login-log/pages/LoginLogPage').then((m) => ({ Component: m.LoginLogPage })),
  audit: () => import('../features/audit/pages/AuditLogPage').then((m) => ({ Component: m.AuditLogPage })),
  calendar: () => import('../features/calendar/pages/CalendarPage').then((m) => ({ Component: m.CalendarPage })),
};

/** A route per menu entry, behind the same permission that shows the entry. */
function menuRoutes(): RouteObject[] {
  return NAVIGATION.flatMap((entry) => ('items' in entry ? entry.items : [entry])).map((item) => {
    const page: RouteObject = { path: item.path, lazy: PAGES[item.label] };
    return item.permission ? { element: <RequirePermission permission={item.permission} />, children: [page] } : page;
  });
}

export const router = createBrowserRouter([
  {
    HydrateFallback: FullPageSpin,
    children: [
      {
        path: '/login',
        lazy: () => import('../features/auth/pages/LoginPage').then((m) => ({ Component: m.LoginPage })),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            path: CHANGE_PASSWORD_PATH,
            lazy: () => import('../features/auth/pages/ChangePasswordPage').then((m) => ({ Component: m.ChangePasswordPage })),
          },
          { element: <AppLayout />, children: [...menuRoutes(), { path: '*', Component: NotFound }] },
        ],
      },
    ],
  },
]);
