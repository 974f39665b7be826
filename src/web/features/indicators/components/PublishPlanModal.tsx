import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../shared/modules/indicators.schemas';
import { useShowError } from '../../../lib/errors';
import { useLocalName } from '../../../lib/names';
import { usePublishPlan } from '../api';

/** Confirms publishing a draft plan; a decomposition that falls short needs a recorded reason. */
export function PublishPlanModal({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const localName = useLocalName();
  const [form] = Form.useForm<{ coverageReason?: string }>();
  const publish = usePublishPlan(plan.year);
  const showError = useShowError();
  const short = plan.indicators.filter((row) => !row.coverage.ok);

  const submit = (values: { coverageReason?: string }) =>
    publish.mutate(short.length ? values : {}, {
      onSuccess: () => {
        void message.success(t('indicators.published'));
        onClose();
      },
      onError: (error) => showError(error, form),
    });

  return (
    <Modal
      open
      title={t('indicators.publishTitle', { year: plan.year })}
      okText={t('indicators.publish')}
      cancelText={t('common.cancel')}
      confirmLoading={publish.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
    >
      <Typography.Paragraph>{t('indicators.publishConfirm')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="publish-form">
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
      </Form>
    </Modal>
  );
}
