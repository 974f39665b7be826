import { Alert, App, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../shared/modules/indicators.schemas';
import { FormModal } from '../../../components/FormModal';
import { useLocalName } from '../../../lib/names';
import { useSaveForm } from '../../../lib/save-form';
import { usePublishPlan } from '../api';

/** Confirms publishing a draft plan; a decomposition that falls short needs a recorded reason. */
export function PublishPlanModal({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const localName = useLocalName();
  const [form] = Form.useForm<{ coverageReason?: string }>();
  const publish = usePublishPlan(plan.year);
  const short = plan.indicators.filter((row) => !row.coverage.ok);

  const save = useSaveForm(form, (values: { coverageReason?: string }) => publish.mutateAsync(short.length ? values : {}), {
    onDone: () => {
      void message.success(t('indicators.published'));
      onClose();
    },
  });

  return (
    <FormModal
      title={t('indicators.publishTitle', { year: plan.year })}
      okText={t('indicators.publish')}
      cancelText={t('common.cancel')}
      maskClosable={false}
      form={form}
      save={save}
      onClose={onClose}
      header={<Typography.Paragraph>{t('indicators.publishConfirm')}</Typography.Paragraph>}
      formTestId="publish-form"
    >
      {short.length > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('indicators.coverageShortList')}
            description={short.map((row) => localName(row.indicator)).join('、')}
          />
          <Form.Item
            name="coverageReason"
            label={t('indicators.coverageReason')}
            extra={t('indicators.coverageReasonHint')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
