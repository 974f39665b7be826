import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { CHANGE_PASSWORD_PATH, NotFound, RequireAuth, RequirePermission, RouteError } from './guards';
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
  indicatorCatalogue: () => import('../features/indicators/pages/IndicatorCataloguePage').then((m) => ({ Component: m.IndicatorCataloguePage })),
  enterprises: () => import('../features/enterprises/pages/EnterprisesPage').then((m) => ({ Component: m.EnterprisesPage })),
  ledger: () => import('../features/ledger/pages/LedgerPage').then((m) => ({ Component: m.LedgerPage })),
  warnings: () => import('../features/ledger/pages/WarningsPage').then((m) => ({ Component: m.WarningsPage })),
  indicatorPlan: () => import('../features/indicators/pages/IndicatorPlanPage').then((m) => ({ Component: m.IndicatorPlanPage })),
  myTasks: () => import('../features/tasks/pages/TasksPage').then((m) => ({ Component: m.MyTasksPage })),
  unitTasks: () => import('../features/tasks/pages/TasksPage').then((m) => ({ Component: m.UnitTasksPage })),
  allTasks: () => import('../features/tasks/pages/TasksPage').then((m) => ({ Component: m.AllTasksPage })),
  inbox: () => import('../features/notifications/pages/InboxPage').then((m) => ({ Component: m.InboxPage })),
  webhooks: () => import('../features/webhooks/pages/WebhooksPage').then((m) => ({ Component: m.WebhooksPage })),
  jobs: () => import('../features/jobs/pages/JobRunsPage').then((m) => ({ Component: m.JobRunsPage })),
  calendar: () => import('../features/calendar/pages/CalendarPage').then((m) => ({ Component: m.CalendarPage })),
  reportMatrix: () => import('../features/reports/pages/ReportMatrixPage').then((m) => ({ Component: m.ReportMatrixPage })),
  reportTotals: () => import('../features/reports/pages/ReportTotalsPage').then((m) => ({ Component: m.ReportTotalsPage })),
  reportForms: () => import('../features/reports/pages/ReportFormsPage').then((m) => ({ Component: m.ReportFormsPage })),
  documents: () => import('../features/documents/pages/DocumentsPage').then((m) => ({ Component: m.DocumentsPage })),
  meetings: () => import('../features/meetings/pages/MeetingsPage').then((m) => ({ Component: m.MeetingsPage })),
  projectLibrary: () => import('../features/projects/pages/ProjectsPage').then((m) => ({ Component: m.ProjectsPage })),
  projectBoard: () => import('../features/projects/pages/BoardPage').then((m) => ({ Component: m.BoardPage })),
  projectGantt: () => import('../features/projects/pages/GanttPage').then((m) => ({ Component: m.GanttPage })),
  projectLeaders: () => import('../features/projects/pages/LeadersPage').then((m) => ({ Component: m.LeadersPage })),
};

/** Pages reached from lists rather than the menu, behind the permission of the list they come from. */
const DETAIL_ROUTES: RouteObject[] = [
  {
    element: <RequirePermission permission="task:read" />,
    children: [{ path: '/tasks/:id', lazy: () => import('../features/tasks/pages/TaskPage').then((m) => ({ Component: m.TaskPage })) }],
  },
  {
    element: <RequirePermission permission="enterprise:read" />,
    children: [{ path: '/enterprises/:id', lazy: () => import('../features/enterprises/pages/EnterprisePage').then((m) => ({ Component: m.EnterprisePage })) }],
  },
  {
    element: <RequirePermission permission="report:read" />,
    children: [
      { path: '/reports/sheet', lazy: () => import('../features/reports/pages/ReportSheetPage').then((m) => ({ Component: m.ReportSheetPage })) },
      { path: '/reports/:id', lazy: () => import('../features/reports/pages/ReportSheetPage').then((m) => ({ Component: m.ReportSheetPage })) },
    ],
  },
  {
    element: <RequirePermission permission="document:read" />,
    children: [{ path: '/documents/:id', lazy: () => import('../features/documents/pages/DocumentPage').then((m) => ({ Component: m.DocumentPage })) }],
  },
  {
    element: <RequirePermission permission="meeting:read" />,
    children: [{ path: '/meetings/:id', lazy: () => import('../features/meetings/pages/MeetingPage').then((m) => ({ Component: m.MeetingPage })) }],
  },
  {
    element: <RequirePermission permission="project:read" />,
    children: [{ path: '/projects/:id', lazy: () => import('../features/projects/pages/ProjectPage').then((m) => ({ Component: m.ProjectPage })) }],
  },
];

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
    errorElement: <RouteError />,
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
          { element: <AppLayout />, children: [...menuRoutes(), ...DETAIL_ROUTES, { path: '*', Component: NotFound }] },
        ],
      },
    ],
  },
]);
