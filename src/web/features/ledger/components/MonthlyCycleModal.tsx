import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, InputNumber, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MonthlyCycle } from '../../../../shared/rules/monthly-cycle';
import { api } from '../../../lib/api';
import { useSaveForm } from '../../../lib/save-form';

const cycleKey = ['monthly-cycle'] as const;

/** The office's monthly cycle: report due day, lock day, answer time and automatic locking. */
export function MonthlyCycleModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MonthlyCycle>();
  const queryClient = useQueryClient();
  const cycle = useQuery({ queryKey: cycleKey, queryFn: () => api.get<MonthlyCycle>('/api/settings/monthly-cycle') });
  const save = useMutation({
    mutationFn: (values: MonthlyCycle) => api.put<MonthlyCycle>('/api/settings/monthly-cycle', values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cycleKey }),
  });
  const saveForm = useSaveForm(form, (values: MonthlyCycle) => save.mutateAsync(values), {
    onDone: () => {
      void message.success(t('common.saved'));
      onClose();
    },
  });
  const days = (name: keyof MonthlyCycle, max: number) => (
    <Form.Item name={name} label={t(`cycle.${name}`)} extra={t(`cycle.${name}Hint`)} rules={[{ required: true, message: t('common.required') }]}>
      <InputNumber min={1} max={max} addonAfter={t('cycle.workingDays')} style={{ width: 200 }} />
    </Form.Item>
  );
  return (
    <Modal
      open
      title={t('cycle.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      loading={cycle.isLoading}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {cycle.data && (
        <Form<MonthlyCycle> form={form} layout="vertical" initialValues={cycle.data} data-testid="cycle-form" onFinish={saveForm.onFinish}>
          {days('reportDueWorkingDay', 15)}
          {days('lockWorkingDay', 20)}
          {days('responseWorkingDays', 30)}
          <Form.Item name="autoLock" label={t('cycle.autoLock')} extra={t('cycle.autoLockHint')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
