import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Form, Input, Modal, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MfaStatus } from '../../../../shared/modules/auth.schemas';
import { PageContainer } from '../../../components/PageContainer';
import { api } from '../../../lib/api';
import { useSaveForm } from '../../../lib/save-form';
import { CodeInput, MfaEnrolment, RecoveryCodes } from '../components/MfaEnrolment';

const statusKey = ['auth', 'mfa'] as const;

/** 账号安全: the user's own second factor: turn it on, change the phone, renew recovery codes, turn it off. */
export function AccountSecurityPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: statusKey, queryFn: () => api.get<MfaStatus>('/api/auth/mfa') });
  const [dialog, setDialog] = useState<'enrol' | 'renew' | 'disable' | null>(null);
  const close = () => {
    setDialog(null);
    void queryClient.invalidateQueries({ queryKey: statusKey });
  };
  const s = status.data;

  return (
    <PageContainer title={t('mfa.menu')}>
      <Card style={{ maxWidth: 720 }} data-testid="account-security">
        {!s ? (
          <Spin />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('mfa.about')}</Typography.Paragraph>
            <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('mfa.status')}>
                <Tag color={s.enabled ? 'green' : 'default'} data-testid="mfa-status">
                  {s.enabled ? t('mfa.on') : t('mfa.off')}
                </Tag>
                {s.required && <Typography.Text type="secondary">{t('mfa.requiredForYou')}</Typography.Text>}
              </Descriptions.Item>
              {s.enabled && <Descriptions.Item label={t('mfa.recoveryLeft')}>{s.recoveryCodesLeft}</Descriptions.Item>}
            </Descriptions>
            <Flex gap={8} wrap>
              <Button type={s.enabled ? 'default' : 'primary'} onClick={() => setDialog('enrol')} data-testid="mfa-enrol-button">
                {s.enabled ? t('mfa.changePhone') : t('mfa.turnOn')}
              </Button>
              {s.enabled && <Button onClick={() => setDialog('renew')}>{t('mfa.renew')}</Button>}
              {s.enabled && !s.required && (
                <Button danger onClick={() => setDialog('disable')}>
                  {t('mfa.turnOff')}
                </Button>
              )}
            </Flex>
          </>
        )}
      </Card>
      <Modal open={dialog === 'enrol'} title={t('mfa.enrolTitle')} footer={null} onCancel={close} destroyOnHidden>
        <MfaEnrolment onDone={close} />
      </Modal>
      <Modal open={dialog === 'renew'} title={t('mfa.renew')} footer={null} onCancel={close} destroyOnHidden>
        <RenewCodes onDone={close} />
      </Modal>
      <Modal open={dialog === 'disable'} title={t('mfa.turnOff')} footer={null} onCancel={close} destroyOnHidden>
        <DisableForm onDone={close} />
      </Modal>
    </PageContainer>
  );
}

function RenewCodes({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const renew = useMutation({ mutationFn: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/auth/mfa/recovery-codes', { code }) });
  const save = useSaveForm(form, ({ code }) => renew.mutateAsync(code));
  if (renew.data) return <RecoveryCodes codes={renew.data.recoveryCodes} onDone={onDone} />;
  return (
    <Form form={form} layout="vertical" onFinish={save.onFinish}>
      <Typography.Paragraph type="secondary">{t('mfa.renewHint')}</Typography.Paragraph>
      <Form.Item name="code" label={t('mfa.code')} rules={[{ required: true, message: t('common.required') }]}>
        <CodeInput />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={renew.isPending}>
        {t('mfa.renew')}
      </Button>
    </Form>
  );
}

function DisableForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const disable = useMutation({ mutationFn: (password: string) => api.post('/api/auth/mfa/disable', { password }) });
  const save = useSaveForm(form, ({ password }) => disable.mutateAsync(password), {
    onDone: () => {
      void message.success(t('mfa.turnedOff'));
      onDone();
    },
  });
  return (
    <Form form={form} layout="vertical" onFinish={save.onFinish}>
      <Typography.Paragraph type="warning">{t('mfa.turnOffWarning')}</Typography.Paragraph>
      <Form.Item name="password" label={t('auth.currentPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button danger type="primary" htmlType="submit" block loading={disable.isPending}>
        {t('mfa.turnOff')}
      </Button>
    </Form>
  );
}
