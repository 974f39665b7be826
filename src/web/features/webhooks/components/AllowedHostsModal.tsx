import { Alert, App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveWebhookSettings, useWebhookSettings } from '../api';
import { useSaveForm } from '../../../lib/save-form';

/** The hosts a webhook may reach although they are internal (an intranet robot gateway), allowed one by one. */
export function AllowedHostsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ allowedHosts: string[] }>();
  const settings = useWebhookSettings(true);
  const save = useSaveWebhookSettings();
  const saveForm = useSaveForm(form, ({ allowedHosts }: { allowedHosts: string[] }) => save.mutateAsync(allowedHosts ?? []), {
    onDone: () => {
      void message.success(t('common.saved'));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('webhooks.allowedHosts')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
    >
      <Alert type="warning" showIcon title={t('webhooks.allowedHostsHint')} style={{ marginBottom: 16 }} />
      {settings.data && (
        <Form form={form} layout="vertical" initialValues={settings.data} onFinish={saveForm.onFinish} data-testid="allowed-hosts-form">
          <Form.Item name="allowedHosts" label={t('webhooks.allowedHostsLabel')}>
            <Select mode="tags" open={false} tokenSeparators={[',', ' ']} placeholder={t('webhooks.allowedHostsPlaceholder')} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
