import { App, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MonitoringThresholds } from '../../../../shared/rules/monitoring-flags';
import { FormModal } from '../../../components/FormModal';
import { useSaveForm } from '../../../lib/save-form';
import { useSaveThresholds } from '../api';

/** The office's thresholds of the three flags (setting `monitoring.thresholds`). */
export function ThresholdsModal({ value, onClose }: { value: MonitoringThresholds; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saveThresholds = useSaveThresholds();
  const [form] = Form.useForm<MonitoringThresholds>();
  const save = useSaveForm(form, (body: MonitoringThresholds) => saveThresholds.mutateAsync(body), {
    onDone: () => {
      void message.success(t('monitoring.saved'));
      onClose();
    },
  });
  return (
    <FormModal title={t('monitoring.settings')} form={form} save={save} onClose={onClose} name="monitoring-thresholds" initialValues={value}>
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
    </FormModal>
  );
}
