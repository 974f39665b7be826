import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api';
import { getSessionNotice, safeNext, useLogin, useMe } from '../../../lib/auth';
import { MFA_PATH } from '../../../app/guards';
import { PUBLIC_PAGES } from '../../../app/navigation';
import { preloadRoute } from '../../../app/router';
import { setFieldErrors } from '../../../lib/errors';
import { AuthCard } from '../components/AuthCard';

interface Credentials {
  username: string;
  password: string;
}

/** The sign-in page. */
export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Credentials>();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const login = useLogin();

  if (me?.mfaPending) return <Navigate to={`${MFA_PATH}?next=${encodeURIComponent(safeNext(params.get('next')))}`} replace />;
  if (me) return <Navigate to={safeNext(params.get('next'))} replace />;

  const error = login.error;
  const notice = getSessionNotice();
  return (
    <AuthCard title={t('auth.loginTitle')} testId="login-card">
      {error ? (
        <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} data-testid="login-error" />
      ) : (
        notice && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />
      )}
      <Form<Credentials>
        form={form}
        size="large"
        onFinish={(values) => {
          preloadRoute(safeNext(params.get('next')));
          login.mutate(values, {
            onError: (e) => {
              if (e instanceof ApiError && e.fields) setFieldErrors(form, e.fields);
            },
          });
        }}
        data-testid="login-form"
      >
        <Form.Item name="username" rules={[{ required: true, message: t('auth.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} placeholder={t('auth.username')} aria-label={t('auth.username')} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} placeholder={t('auth.password')} aria-label={t('auth.password')} autoComplete="current-password" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('auth.login')}
          </Button>
        </Form.Item>
      </Form>
      {PUBLIC_PAGES.some((p) => p.loginLink) && (
        <Flex justify="center" gap={16} style={{ marginTop: 16 }}>
          {PUBLIC_PAGES.flatMap((p) =>
            p.loginLink
              ? [
                  <Link key={p.path} to={p.path} data-testid={`login-link-${p.loginLink}`}>
                    {t(`nav.${p.loginLink}`)}
                  </Link>,
                ]
              : [],
          )}
        </Flex>
      )}
    </AuthCard>
  );
}
