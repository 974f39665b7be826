import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useRouteError } from 'react-router';
import type { Permission } from '../../shared/permissions';
import { FullPageSpin } from '../components/FullPageSpin';
import { useCan, useMe } from '../lib/auth';
import { lazyComponent } from './lazy';

export const CHANGE_PASSWORD_PATH = '/change-password';
export const MFA_PATH = '/mfa';
export const ACCOUNT_SECURITY_PATH = '/account/security';

// The answers when something is wrong come with antd's Result and its pictures: fetched when one is shown.
const resultPages = () => import('./result-pages');
const SessionError = lazyComponent(() => resultPages().then((m) => m.SessionError));
const Forbidden = lazyComponent(() => resultPages().then((m) => m.Forbidden));
/** Any path that has no page. */
export const NotFound = lazyComponent(() => resultPages().then((m) => m.NotFound));
/**
 * What a page that crashed shows instead of the router's developer screen: an apology and a way on. A release that
 * replaced the scripts makes pages fail to load, and this one's code with them: then a plain prompt to reload.
 */
export const RouteError = lazyComponent(() =>
  resultPages().then(
    (m) => m.RouteError,
    () => ReloadPrompt,
  ),
);

function ReloadPrompt() {
  const { t } = useTranslation();
  console.error(useRouteError());
  return (
    <div role="alert" style={{ padding: 48, textAlign: 'center' }}>
      <p>{t('error.pageText')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('error.reload')}
      </button>
    </div>
  );
}

/** Lets signed-in users through; sends others to sign in, a session owing its second factor and forced password changes to their pages. */
export function RequireAuth() {
  const { data: me, error } = useMe();
  const location = useLocation();
  if (me === undefined) {
    return error ? <SessionError message={error.message} /> : <FullPageSpin />;
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // The second factor comes before anything else, the forced password change included.
  if (me.mfaPending) {
    return location.pathname === MFA_PATH ? <Outlet /> : <Navigate to={MFA_PATH} replace />;
  }
  if (me.passwordChangeReason && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}

/** Shows the page only with the permission, as the server would answer 403 anyway. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const can = useCan();
  return can(permission) ? <Outlet /> : <Forbidden />;
}
