import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../../../shared/modules/auth.schemas';
import { api } from '../../../lib/api';
import { meKey, safeNext, useLogout, useMe } from '../../../lib/auth';
import { useSaveForm } from '../../../lib/save-form';
import { AuthCard } from '../components/AuthCard';
import { CodeInput, MfaEnrolment } from '../components/MfaEnrolment';

/** The sign-in's second step: the code from the authenticator app (or a recovery code), or enrolling one first. */
export function MfaPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const logout = useLogout();
  if (!me) return null;
  const next = safeNext(params.get('next'));
  if (!me.mfaPending) return <Navigate to={next} replace />;
  const leave = (
    <Button type="link" onClick={() => logout.mutate()} style={{ paddingInline: 0 }}>
      {t('mfa.otherAccount')}
    </Button>
  );
  if (me.mfaPending === 'enrol')
    return (
      <AuthCard title={t('mfa.enrolTitle')} testId="mfa-card">
        <Alert type="info" showIcon title={t('mfa.enrolRequired')} style={{ marginBottom: 16 }} />
        <MfaEnrolment onDone={() => navigate(next, { replace: true })} />
        {leave}
      </AuthCard>
    );
  return (
    <AuthCard title={t('mfa.verifyTitle')} testId="mfa-card">
      {me.demo && <Alert type="info" showIcon title={t('mfa.demoHint')} style={{ marginBottom: 12 }} />}
      <VerifyForm next={next} />
      {leave}
    </AuthCard>
  );
}

function VerifyForm({ next }: { next: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const [recovery, setRecovery] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const verify = useMutation({ mutationFn: (code: string) => api.post<Me>('/api/auth/mfa/verify', { code }) });
  const save = useSaveForm(form, ({ code }: { code: string }) => verify.mutateAsync(code), {
    onDone: (me) => {
      queryClient.setQueryData(meKey, me);
      navigate(next, { replace: true });
    },
  });
  return (
    <Form form={form} layout="vertical" onFinish={save.onFinish} data-testid="mfa-verify-form">
      <Typography.Paragraph type="secondary">{recovery ? t('mfa.recoveryHint') : t('mfa.verifyHint')}</Typography.Paragraph>
      <Form.Item name="code" rules={[{ required: true, message: t('common.required') }]}>
        <CodeInput key={String(recovery)} allowRecovery={recovery} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={verify.isPending}>
        {t('mfa.verify')}
      </Button>
      <Flex justify="flex-end" style={{ marginTop: 8 }}>
        <Button type="link" onClick={() => setRecovery(!recovery)} style={{ paddingInline: 0 }} data-testid="mfa-toggle-recovery">
          {recovery ? t('mfa.useApp') : t('mfa.useRecovery')}
        </Button>
      </Flex>
    </Form>
  );
}
