import { App, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../shared/modules/admin.schemas';
import { UNIT_KINDS } from '../../../../shared/permissions';
import { EnumSelect } from '../../../components/EnumSelect';
import { FormModal } from '../../../components/FormModal';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useSaveForm } from '../../../lib/save-form';
import { type UnitValues, useSaveUnit } from '../api';

interface Props {
  /** The unit to edit; absent to create one under `parentId`. */
  unit?: Unit;
  parentId?: number | null;
  onClose: (saved?: Unit) => void;
}

/** Creating or editing an organisation unit. */
export function UnitFormModal({ unit, parentId = null, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitValues>();
  const saveUnit = useSaveUnit();
  const initialValues: Partial<UnitValues> = unit ?? { parentId, sortOrder: 0, divisionCode: null };

  const save = useSaveForm(
    form,
    (values: UnitValues) =>
      saveUnit.mutateAsync({ id: unit?.id, values: { ...values, parentId: values.parentId ?? null, divisionCode: values.divisionCode || null } }),
    {
      onDone: (saved) => {
        void message.success(t('common.saved'));
        onClose(saved);
      },
    },
  );

  return (
    <FormModal
      title={unit ? t('units.edit') : t('units.create')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      form={form}
      save={save}
      onClose={onClose}
      name="unit"
      initialValues={initialValues}
      formTestId="unit-form"
    >
      <Form.Item name="parentId" label={t('units.parent')}>
        <UnitTreeSelect placeholder={t('units.noParent')} />
      </Form.Item>
      <Form.Item name="nameZh" label={t('units.nameZh')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('units.nameEn')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="code" label={t('units.code')} tooltip={t('units.codeHint')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true, message: t('common.required') }]}>
        <EnumSelect values={UNIT_KINDS} label={(kind) => t(`unitKind.${kind}`)} />
      </Form.Item>
      <Form.Item name="divisionCode" label={t('units.divisionCode')} tooltip={t('units.divisionCodeHint')}>
        <Input maxLength={9} />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('units.sortOrder')}>
        <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
