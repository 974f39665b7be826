import { App, Alert, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RATINGS } from '../../../../shared/modules/services.schemas';
import { FormModal } from '../../../components/FormModal';
import { useLocalName } from '../../../lib/names';
import { useSaveForm } from '../../../lib/save-form';
import { useHandoverUnits } from '../api';

/** A dialog with one text field: a note, a reply, a part's reply, the firm's comment. */
export function TextModal({
  title,
  label,
  placeholder,
  okText,
  confirm,
  onSubmit,
  onClose,
  testId,
}: {
  title: string;
  label: string;
  placeholder?: string;
  okText: string;
  /** Asked before sending, for a step that cannot be undone (closing the request). */
  confirm?: string;
  onSubmit: (text: string) => Promise<unknown>;
  onClose: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const save = useSaveForm(form, ({ text }: { text: string }) => onSubmit(text), { onDone: onClose });
  const send = async () => save.onFinish(await form.validateFields());
  const ok = async () => {
    await form.validateFields();
    if (confirm) modal.confirm({ title, content: confirm, onOk: send });
    else await send();
  };
  return (
    <Modal open title={title} onCancel={onClose} onOk={ok} okText={okText} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={4} maxLength={4000} placeholder={placeholder} data-testid={`${testId}-text`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The owner hands a part to another unit: which, why, within how many working days. */
export function TransferModal({
  ownerUnitId,
  onSubmit,
  onClose,
}: {
  ownerUnitId: number;
  onSubmit: (body: { unitId: number; reason: string; workingDays: number }) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const units = useHandoverUnits();
  const [form] = Form.useForm<{ unitId: number; reason: string; workingDays: number }>();
  const options = (units.data?.items ?? []).filter((u) => u.id !== ownerUnitId).map((u) => ({ value: u.id, label: localName(u) }));
  const save = useSaveForm(form, onSubmit, { onDone: onClose });
  return (
    <FormModal
      title={t('services.transferTitle')}
      form={form}
      save={save}
      onClose={onClose}
      initialValues={{ workingDays: 3 }}
      header={<Alert type="info" showIcon title={t('services.transferHint')} style={{ marginBottom: 16 }} />}
    >
      <Form.Item name="unitId" label={t('services.transferUnit')} rules={[{ required: true, message: t('common.required') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={options} data-testid="transfer-unit" />
      </Form.Item>
      <Form.Item name="reason" label={t('services.transferReason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="transfer-reason" />
      </Form.Item>
      <Form.Item name="workingDays" label={t('services.transferDays')} rules={[{ required: true, message: t('common.required') }]}>
        <InputNumber min={1} max={60} precision={0} />
      </Form.Item>
    </FormModal>
  );
}

/** The firm rates a closed request. */
export function RateModal({ onSubmit, onClose }: { onSubmit: (body: { rating: string; comment: string }) => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ rating: string; comment?: string }>();
  const save = useSaveForm(form, (values: { rating: string; comment?: string }) => onSubmit({ rating: values.rating, comment: values.comment ?? '' }), {
    onDone: onClose,
  });
  return (
    <FormModal
      title={t('services.rateTitle')}
      form={form}
      save={save}
      onClose={onClose}
      header={<Alert type="info" showIcon title={t('services.rateHint')} style={{ marginBottom: 16 }} />}
    >
      <Form.Item name="rating" label={t('services.rating')} rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group data-testid="rating" options={RATINGS.map((r) => ({ value: r, label: t(`services.ratings.${r}`) }))} />
      </Form.Item>
      <Form.Item name="comment" label={t('services.ratingComment')}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="rating-comment" />
      </Form.Item>
    </FormModal>
  );
}
