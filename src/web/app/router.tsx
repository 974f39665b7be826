import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { ACCOUNT_SECURITY_PATH, CHANGE_PASSWORD_PATH, MFA_PATH, NotFound, RequireAuth, RequirePermission, RouteError } from './guards';
import { AppLayout } from './layout/AppLayout';
import { FEATURES } from '../features';
import { accountSecurityPage, changePasswordPage, loginPage, mfaPage } from '../features/auth';
import { NAVIGATION, PUBLIC_PAGES } from './navigation';

/** Pages reached from lists rather than the menu, behind the permission of the list they come from. */
function detailRoutes(): RouteObject[] {
  return FEATURES.flatMap((f) => f.routes ?? []).map((route) => ({
    element: <RequirePermission permission={route.permission} />,
    children: [{ path: route.path, lazy: route.page }],
  }));
}

/** A route per menu entry, behind the same permission that shows the entry. */
function menuRoutes(): RouteObject[] {
  return NAVIGATION.flatMap((entry) => ('items' in entry ? entry.items : [entry])).map((item) => {
    const page: RouteObject = { path: item.path, lazy: item.page };
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
        lazy: loginPage,
      },
      ...PUBLIC_PAGES.map((p) => ({ path: p.path, lazy: p.page })),
      {
        element: <RequireAuth />,
        children: [
          {
            path: CHANGE_PASSWORD_PATH,
            lazy: changePasswordPage,
          },
          { path: MFA_PATH, lazy: mfaPage },
          {
            element: <AppLayout />,
            children: [...menuRoutes(), ...detailRoutes(), { path: ACCOUNT_SECURITY_PATH, lazy: accountSecurityPage }, { path: '*', Component: NotFound }],
          },
        ],
      },
    ],
  },
]);
