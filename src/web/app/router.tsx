import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { ACCOUNT_SECURITY_PATH, CHANGE_PASSWORD_PATH, MFA_PATH, NotFound, RequireAuth, RequirePermission, RouteError } from './guards';
import { FEATURES } from '../features';
import { accountSecurityPage, changePasswordPage, loginPage, mfaPage } from '../features/auth';
import { loadFeatureStrings } from '../lib/i18n';
import type { FeatureDefinition, PageModule } from './feature';
import { NAVIGATION } from './navigation';

/** A route's code together with the strings of these features (every feature's by default). */
function withStrings(page: PageModule, features?: readonly FeatureDefinition<unknown>[]): PageModule {
  return async () => (await Promise.all([page(), loadFeatureStrings(features)]))[0];
}

/** The pages open without signing in, each with its own feature's strings. */
function publicRoutes(): RouteObject[] {
  return FEATURES.flatMap((f) => (f.publicPages ?? []).map((p) => ({ path: p.path, lazy: withStrings(p.page, [f]) })));
}

/** The sign-in page needs no feature's strings but the labels of the links it offers. */
const loginLinkFeatures = FEATURES.filter((f) => f.publicPages?.some((p) => p.loginLink));

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

const routes: RouteObject[] = [
  {
    HydrateFallback: FullPageSpin,
    errorElement: <RouteError />,
    children: [
      {
        path: '/login',
        lazy: withStrings(loginPage, loginLinkFeatures),
      },
      ...publicRoutes(),
      {
        element: <RequireAuth />,
        children: [
          {
            path: CHANGE_PASSWORD_PATH,
            lazy: changePasswordPage,
          },
          { path: MFA_PATH, lazy: mfaPage },
          {
            // The signed-in frame (menu, header) is not part of the sign-in page's download.
            lazy: withStrings(() => import('./layout/AppLayout').then((m) => ({ Component: m.AppLayout }))),
            children: [...menuRoutes(), ...detailRoutes(), { path: ACCOUNT_SECURITY_PATH, lazy: accountSecurityPage }, { path: '*', Component: NotFound }],
          },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);

/**
 * Starts fetching what the page at `path` needs (its code, the signed-in frame, every feature's strings) while the
 * sign-in is being checked; the routes' own loading then finds them fetched.
 */
export function preloadRoute(path: string): void {
  for (const { route } of matchRoutes(routes, path) ?? []) {
    if (typeof route.lazy === 'function') void route.lazy().catch(() => {});
  }
}
