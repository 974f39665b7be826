import { Alert, App, Button, Flex, Form, Input, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DEFAULT_PASSWORD_POLICY } from '../../../../shared/rules/password-policy';
import { api } from '../../../lib/api';
import { meKey, useLogout, useMe } from '../../../lib/auth';
import { useSaveForm } from '../../../lib/save-form';
import { AuthCard } from '../components/AuthCard';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Changing one's own password; forced (first sign-in, reset, expiry) or by choice. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) => api.post('/api/auth/password', { currentPassword, newPassword }),
  });
  const save = useSaveForm(form, (values: Values) => change.mutateAsync(values), {
    onDone: async () => {
      void message.success(t('auth.passwordChanged'));
      await queryClient.invalidateQueries({ queryKey: meKey });
      navigate('/', { replace: true });
    },
  });
  if (!me) return null;
  const reason = me.passwordChangeReason;

  return (
    <AuthCard title={t('auth.changePassword')} testId="change-password-card">
      {reason && <Alert type="warning" showIcon title={t(`auth.changeReason.${reason}`)} style={{ marginBottom: 16 }} data-testid="change-password-reason" />}
      <Typography.Paragraph type="secondary">
        {/* No endpoint tells a non-administrator the configured policy; the server's field messages are authoritative. */}
        {t('auth.policyHint', {
          minLength: DEFAULT_PASSWORD_POLICY.minLength,
          minClasses: DEFAULT_PASSWORD_POLICY.minClasses,
        })}
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={save.onFinish} data-testid="change-password-form">
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('auth.newPassword')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordsDiffer'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Flex gap={8} justify="space-between">
          {reason ? <Button onClick={() => logout.mutate()}>{t('auth.logout')}</Button> : <Button onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('auth.submitPassword')}
          </Button>
        </Flex>
      </Form>
    </AuthCard>
  );
}
