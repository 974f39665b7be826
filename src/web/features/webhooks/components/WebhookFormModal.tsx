import { App, Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Webhook } from '../../../../shared/modules/notifications.schemas';
import { FormModal } from '../../../components/FormModal';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useSaveForm } from '../../../lib/save-form';
import { type WebhookInput, useSaveWebhook } from '../api';

/** Adding a unit's webhook, or editing its name, address and whether it is enabled. */
export function WebhookFormModal({ webhook, onClose }: { webhook?: Webhook; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WebhookInput>();
  const saveWebhook = useSaveWebhook();
  const save = useSaveForm(
    form,
    (v: WebhookInput) => saveWebhook.mutateAsync({ id: webhook?.id, values: webhook ? { name: v.name, url: v.url, active: v.active } : v }),
    {
      onDone: () => {
        void message.success(t('common.saved'));
        onClose();
      },
    },
  );
  return (
    <FormModal
      title={webhook ? t('webhooks.edit') : t('webhooks.create')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      maskClosable={false}
      form={form}
      save={save}
      onClose={onClose}
      name="webhook"
      initialValues={webhook ? { unitId: webhook.unit.id, name: webhook.name, url: webhook.url, active: webhook.active } : { active: true }}
      formTestId="webhook-form"
    >
      <Form.Item name="unitId" label={t('webhooks.unit')} rules={[{ required: true, message: t('common.required') }]}>
        <UnitTreeSelect disabled={!!webhook} />
      </Form.Item>
      <Form.Item name="name" label={t('webhooks.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="url" label={t('webhooks.url')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={500} placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
      </Form.Item>
      <Form.Item name="active" label={t('webhooks.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
