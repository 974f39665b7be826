import { App, Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Webhook } from '../../../../shared/modules/notifications.schemas';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useShowError } from '../../../lib/errors';
import { type WebhookInput, useSaveWebhook } from '../api';

/** Adding a unit's webhook, or editing its name, address and whether it is enabled. */
export function WebhookFormModal({ webhook, onClose }: { webhook?: Webhook; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WebhookInput>();
  const save = useSaveWebhook();
  const showError = useShowError();
  const submit = (v: WebhookInput) =>
    save.mutate(
      { id: webhook?.id, values: webhook ? { name: v.name, url: v.url, active: v.active } : v },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );
  return (
    <Modal
      open
      title={webhook ? t('webhooks.edit') : t('webhooks.create')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
    >
      <Form<WebhookInput>
        form={form}
        name="webhook"
        layout="vertical"
        onFinish={submit}
        initialValues={webhook ? { unitId: webhook.unit.id, name: webhook.name, url: webhook.url, active: webhook.active } : { active: true }}
        data-testid="webhook-form"
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
      </Form>
    </Modal>
  );
}
