import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, type InputProps, List, QRCode, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api';
import { useShowError } from '../../../lib/errors';
import { useSaveForm } from '../../../lib/save-form';

interface Setup {
  secret: string;
  uri: string;
}

/** The code field of the second factor (value and onChange come from its Form.Item): six digits from the app, or a recovery code. */
export function CodeInput({ allowRecovery = false, ...props }: InputProps & { allowRecovery?: boolean }) {
  const { t } = useTranslation();
  return (
    <Input
      {...props}
      size="large"
      inputMode={allowRecovery ? 'text' : 'numeric'}
      autoComplete="one-time-code"
      maxLength={allowRecovery ? 32 : 6}
      placeholder={allowRecovery ? t('mfa.recoveryPlaceholder') : t('mfa.codePlaceholder')}
      aria-label={t('mfa.code')}
      style={{ fontFamily: 'monospace' }}
      autoFocus
    />
  );
}

/** Recovery codes, shown once: the user copies or downloads them before going on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const text = codes.join('\n');
  const download = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([`${t('mfa.recoveryFileTitle')}\n\n${text}\n`], { type: 'text/plain' }));
    link.download = 'recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <div data-testid="mfa-recovery-codes">
      <Alert type="warning" showIcon title={t('mfa.recoveryTitle')} description={t('mfa.recoveryHelp')} style={{ marginBottom: 16 }} />
      <List
        size="small"
        bordered
        grid={{ gutter: 8, column: 2 }}
        dataSource={codes}
        renderItem={(code) => (
          <List.Item style={{ marginBottom: 4 }}>
            <Typography.Text code>{code}</Typography.Text>
          </List.Item>
        )}
        style={{ padding: 8, marginBottom: 16 }}
      />
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8}>
          <Typography.Text copyable={{ text, icon: [<CopyOutlined key="c" />, <CopyOutlined key="d" />], tooltips: [t('mfa.copy'), t('mfa.copied')] }}>
            {t('mfa.copy')}
          </Typography.Text>
          <Button size="small" icon={<DownloadOutlined />} onClick={download}>
            {t('mfa.download')}
          </Button>
        </Flex>
        <Button type="primary" onClick={onDone} data-testid="mfa-recovery-done">
          {t('mfa.savedThem')}
        </Button>
      </Flex>
    </div>
  );
}

/**
 * Enrolling an authenticator app: a new key as a QR code and as text, confirmed by one code from the app; then the
 * recovery codes, shown once. `onDone` runs when the user has saved them.
 */
export function MfaEnrolment({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const showError = useShowError();
  const [codes, setCodes] = useState<string[] | null>(null);
  const setup = useMutation({ mutationFn: () => api.post<Setup>('/api/auth/mfa/setup') });
  const enable = useMutation({ mutationFn: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/auth/mfa/enable', { code }) });
  const save = useSaveForm(form, ({ code }: { code: string }) => enable.mutateAsync(code), { onDone: (r) => setCodes(r.recoveryCodes) });
  const step = codes ? 2 : setup.data ? 1 : 0;

  return (
    <div data-testid="mfa-enrolment">
      <Steps
        size="small"
        current={step}
        items={[{ title: t('mfa.stepKey') }, { title: t('mfa.stepConfirm') }, { title: t('mfa.stepRecovery') }]}
        style={{ marginBottom: 20 }}
      />
      {step === 0 && (
        <>
          <Typography.Paragraph>{t('mfa.enrolIntro')}</Typography.Paragraph>
          <Button
            type="primary"
            block
            loading={setup.isPending}
            onClick={() => setup.mutate(undefined, { onError: (e) => showError(e) })}
            data-testid="mfa-generate"
          >
            {t('mfa.generate')}
          </Button>
        </>
      )}
      {step === 1 && setup.data && (
        <>
          <Typography.Paragraph>{t('mfa.scan')}</Typography.Paragraph>
          <Flex vertical align="center" gap={8} style={{ marginBottom: 16 }}>
            <QRCode value={setup.data.uri} size={180} bordered={false} />
            <Typography.Text type="secondary">{t('mfa.orType')}</Typography.Text>
            <Typography.Text code copyable data-testid="mfa-secret" style={{ wordBreak: 'break-all' }}>
              {setup.data.secret}
            </Typography.Text>
          </Flex>
          <Form form={form} layout="vertical" onFinish={save.onFinish} data-testid="mfa-enable-form">
            <Form.Item name="code" label={t('mfa.confirmCode')} rules={[{ required: true, message: t('common.required') }]}>
              <CodeInput />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={enable.isPending}>
              {t('mfa.enable')}
            </Button>
          </Form>
        </>
      )}
      {step === 2 && codes && <RecoveryCodes codes={codes} onDone={onDone} />}
    </div>
  );
}
