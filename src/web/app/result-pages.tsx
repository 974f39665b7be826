import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';

/** The signed-in state could not be read. */
export function SessionError({ message }: { message: string }) {
  const { t } = useTranslation();
  return <Result status="error" title={t('error.loadSession')} subTitle={message} />;
}

/** A page the user's permissions do not open. */
export function Forbidden() {
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
