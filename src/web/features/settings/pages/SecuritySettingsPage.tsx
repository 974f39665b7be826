import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Spin, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { type SecuritySettings, securitySettings } from '../../../../shared/modules/admin.schemas';
import { PageContainer } from '../../../components/PageContainer';
import { api } from '../../../lib/api';
import { useSaveForm } from '../../../lib/save-form';

const settingsKey = ['settings', 'security'] as const;

type Field = Exclude<keyof SecuritySettings, 'mfaRequiredForAdmins'>;
const FIELDS: Field[] = [
  'sessionIdleMinutes',
  'sessionAbsoluteHours',
  'lockoutAttempts',
  'lockoutMinutes',
  'passwordMinLength',
  'passwordMinClasses',
  'passwordMaxAgeDays',
];

/** 安全设置: sessions, lockout, password policy and the administrators' second factor; the bounds come from the shared schema the server checks. */
export function SecuritySettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SecuritySettings>();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => api.get<SecuritySettings>('/api/settings/security') });
  const save = useMutation({
    mutationFn: (values: SecuritySettings) => api.put('/api/settings/security', values),
    onSuccess: (_, values) => queryClient.setQueryData(settingsKey, values),
  });

  const saveForm = useSaveForm(form, (values: SecuritySettings) => save.mutateAsync(values), { onDone: () => void message.success(t('common.saved')) });

  return (
    <PageContainer title={t('nav.security')}>
      <Card style={{ maxWidth: 720 }}>
        {settings.error && <Alert type="error" showIcon title={settings.error.message} />}
        {settings.isLoading && <Spin />}
        {settings.data && (
          <Form<SecuritySettings> form={form} layout="vertical" initialValues={settings.data} onFinish={saveForm.onFinish} data-testid="security-settings-form">
            {FIELDS.map((field) => {
              const bounds = securitySettings.shape[field];
              return (
                <Form.Item
                  key={field}
                  name={field}
                  label={t(`security.${field}.label`)}
                  extra={t(`security.${field}.help`, { min: bounds.minValue, max: bounds.maxValue })}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <InputNumber
                    min={bounds.minValue ?? undefined}
                    max={bounds.maxValue ?? undefined}
                    precision={0}
                    suffix={t(`security.${field}.unit`)}
                    style={{ width: 200 }}
                  />
                </Form.Item>
              );
            })}
            <Form.Item
              name="mfaRequiredForAdmins"
              label={t('security.mfaRequiredForAdmins.label')}
              extra={t('security.mfaRequiredForAdmins.help')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        )}
      </Card>
    </PageContainer>
  );
}
