import { App, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../shared/modules/indicators.schemas';
import { INDICATOR_KINDS } from '../../../../shared/rules/indicator-progress';
import { FormModal } from '../../../components/FormModal';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useSaveForm } from '../../../lib/save-form';
import { type IndicatorInput, useSaveIndicator } from '../api';
import { EnumSelect } from '../../../components/EnumSelect';

interface Props {
  /** The indicator to edit; absent to create one. */
  indicator?: Indicator;
  onClose: () => void;
}

const DEFAULTS: Partial<IndicatorInput> = { kind: 'cumulative', direction: 'higher', decimals: 2, sortOrder: 100, active: true, countyValue: 'reported' };

/** Creating or editing a catalogue entry (office). */
export function IndicatorFormModal({ indicator, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<IndicatorInput>();
  const saveIndicator = useSaveIndicator();
  const kind = Form.useWatch('kind', form);
  const required = [{ required: true, message: t('common.required') }];

  const save = useSaveForm(
    form,
    (values: IndicatorInput) => saveIndicator.mutateAsync({ id: indicator?.id, input: { ...values, sourceUnitId: values.sourceUnitId ?? null } }),
    {
      onDone: () => {
        void message.success(indicator ? t('common.saved') : t('indicators.created'));
        onClose();
      },
    },
  );

  return (
    <FormModal
      width={720}
      title={indicator ? t('indicators.edit') : t('indicators.create')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      maskClosable={false}
      form={form}
      save={save}
      onClose={onClose}
      name="indicator"
      initialValues={indicator ? { ...indicator, sourceUnitId: indicator.sourceUnit?.id ?? null } : DEFAULTS}
      formTestId="indicator-form"
    >
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="code" label={t('indicators.code')} rules={required}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="nameZh" label={t('indicators.nameZh')} rules={required}>
            <Input maxLength={80} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="nameEn" label={t('indicators.nameEn')} rules={required}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={4}>
          <Form.Item name="unitZh" label={t('indicators.unitOfMeasure')} rules={required}>
            <Input maxLength={20} placeholder="亿元" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={4}>
          <Form.Item name="unitEn" label={t('indicators.unitEn')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('indicators.kind')} rules={required} extra={kind && t(`indicators.kindHints.${kind}`)}>
            <EnumSelect values={INDICATOR_KINDS} label={(k) => t(`indicators.kinds.${k}`)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="direction" label={t('indicators.direction')}>
            <Select options={(['higher', 'lower'] as const).map((d) => ({ value: d, label: t(`indicators.directions.${d}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="sourceUnitId" label={t('indicators.sourceUnit')} extra={t('indicators.sourceUnitHint')}>
            <UnitTreeSelect />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="countyValue" label={t('indicators.countyValue')} extra={t('indicators.countyValueHint')}>
            <Select
              data-testid="indicator-county-value"
              options={(['reported', 'sum'] as const).map((v) => ({
                value: v,
                label: t(`indicators.countyValues.${v}`),
                // Growth rates and ratios do not add up over units.
                disabled: v === 'sum' && kind !== 'cumulative' && kind !== 'stock',
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="yellowBandPp" label={t('indicators.yellowBand')} extra={t('indicators.yellowBandHint')}>
            <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="minValue" label={t('indicators.minValue')}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="maxValue" label={t('indicators.maxValue')}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="decimals" label={t('indicators.decimals')}>
            <InputNumber min={0} max={4} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="sortOrder" label={t('indicators.sortOrder')}>
            <InputNumber min={0} max={9999} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="maxJumpPct" label={t('indicators.maxJump')} extra={t('indicators.maxJumpHint')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="active" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="definitionZh" label={t('indicators.definitionZh')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="definitionEn" label={t('indicators.definitionEn')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
