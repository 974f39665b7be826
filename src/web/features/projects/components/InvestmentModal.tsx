import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Investment } from '../../../../shared/modules/projects.schemas';
import { FormModal } from '../../../components/FormModal';
import { useSaveForm } from '../../../lib/save-form';
import { useReportInvestment } from '../api';
import { fenOfWan } from '../money';

/** The township or responsible unit reports a month's completed investment (万元) and image progress. */
export function InvestmentModal({ projectId, month, current, onClose }: { projectId: number; month: string; current?: Investment; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ wan: number; progressText?: string }>();
  const report = useReportInvestment(projectId);
  const save = useSaveForm(
    form,
    (v: { wan: number; progressText?: string }) => report.mutateAsync({ month, completedFen: fenOfWan(v.wan), progressText: v.progressText ?? '' }),
    { onDone: onClose, rename: { completedFen: 'wan' } },
  );
  return (
    <FormModal
      title={t('projects.reportMonth', { month })}
      form={form}
      save={save}
      onClose={onClose}
      okId="investment-save"
      initialValues={current ? { wan: current.completedFen / 1_000_000, progressText: current.progressText } : {}}
    >
      <Form.Item name="wan" label={t('projects.completed')} rules={[{ required: true }]}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="investment-wan" />
      </Form.Item>
      <Form.Item name="progressText" label={t('projects.progressText')}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="investment-text" />
      </Form.Item>
    </FormModal>
  );
}
