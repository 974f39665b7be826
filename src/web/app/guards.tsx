import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useRouteError } from 'react-router';
import type { Permission } from '../../shared/permissions';
import { FullPageSpin } from '../components/FullPageSpin';
import { useCan, useMe } from '../lib/auth';

export const CHANGE_PASSWORD_PATH = '/change-password';
export const MFA_PATH = '/mfa';
export const ACCOUNT_SECURITY_PATH = '/account/security';

/** Lets signed-in users through; sends others to sign in, a session owing its second factor and forced password changes to their pages. */
export function RequireAuth() {
  const { data: me, error } = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (me === undefined) {
    return error ? <Result status="error" title={t('error.loadSession')} subTitle={error.message} /> : <FullPageSpin />;
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

function Forbidden() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('error.forbiddenTitle')}
      subTitle={t('error.forbiddenPage')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** Any path that has no page. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('error.notFoundTitle')}
      subTitle={t('error.notFoundPage')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** What a page that crashed shows instead of the router's developer screen: an apology and a way on. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  // Keep the details for whoever opens the console; the user gets a plain message.
  console.error(error);
  return (
    <Result
      status="error"
      title={t('error.pageTitle')}
      subTitle={t('error.pageText')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>
      }
    />
  );
}
