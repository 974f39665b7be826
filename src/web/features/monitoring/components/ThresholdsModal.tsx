import { App, Form, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MonitoringThresholds } from '../../../../shared/rules/monitoring-flags';
import { useShowError } from '../../../lib/errors';
import { useSaveThresholds } from '../api';

/** The office's thresholds of the three flags (setting `monitoring.thresholds`). */
export function ThresholdsModal({ value, onClose }: { value: MonitoringThresholds; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const save = useSaveThresholds();
  const [form] = Form.useForm<MonitoringThresholds>();
  return (
    <Modal open title={t('monitoring.settings')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Form
        form={form}
        name="monitoring-thresholds"
        layout="vertical"
        initialValues={value}
        onFinish={(body) =>
          save.mutate(body, {
            onSuccess: () => {
              void message.success(t('monitoring.saved'));
              onClose();
            },
            onError: (error) => showError(error, form),
          })
        }
      >
        <Form.Item name="declinePct" label={t('monitoring.declinePct')} rules={[{ required: true }]}>
          <InputNumber min={0.01} max={100} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="stoppedPct" label={t('monitoring.stoppedPct')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="stoppedKwh" label={t('monitoring.stoppedKwh')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="halfPct" label={t('monitoring.halfPct')} rules={[{ required: true }]}>
          <InputNumber min={0.01} max={100} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
