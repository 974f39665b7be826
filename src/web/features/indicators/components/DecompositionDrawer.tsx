import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Drawer, Flex, Form, type FormInstance, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan, PlanIndicator } from '../../../../shared/modules/indicators.schemas';
import { coverage } from '../../../../shared/rules/indicator-progress';
import { ApiError } from '../../../lib/api';
import { useShowError } from '../../../lib/errors';
import { useLocale } from '../../../lib/i18n';
import { useLocalName } from '../../../lib/names';
import { useUnits } from '../../../lib/units';
import { type DecompositionInput, type TargetInput, useSaveDecomposition } from '../api';
import { formatValue, namePath } from '../format';

interface Props {
  plan: Plan;
  row: PlanIndicator;
  onClose: () => void;
}

interface FormValues {
  county: Omit<TargetInput, 'planCurve'>;
  useCurve: boolean;
  curve: number[];
  units: (Omit<TargetInput, 'planCurve'> & { unitId?: number })[];
  reason?: string;
}

const EVEN_CURVE = Array.from({ length: 12 }, (_, i) => Math.round(((i + 1) / 12) * 10000) / 100);
const blankTarget = { responsiblePerson: '', leadLeader: '', measures: '', startOfYear: null };

/** Sets one indicator's county target and its shares per township or department, with the coverage shown live. */
export function DecompositionDrawer({ plan, row, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const localName = useLocalName();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveDecomposition(plan.year);
  const showError = useShowError();
  const units = useUnits({});
  const { indicator } = row;
  const stock = indicator.kind === 'stock';
  const byProgress = indicator.kind === 'cumulative' || stock;

  const unitOptions = useMemo(
    () => (units.data ?? []).filter((u) => u.kind === 'township' || u.kind === 'department').map((u) => ({ value: u.id, label: localName(u), kind: u.kind })),
    [units.data, localName],
  );

  const countyTarget: number | null = Form.useWatch(['county', 'target'], form) ?? null;
  const shares: FormValues['units'] = Form.useWatch('units', form) ?? [];
  const useCurve: boolean = Form.useWatch('useCurve', form) ?? false;
  const cover =
    countyTarget === null || shares.length === 0
      ? null
      : coverage(
          indicator.kind,
          indicator.direction,
          countyTarget,
          shares.map((s) => s?.target ?? 0),
        );

  const initialValues: FormValues = {
    county: row.county ?? { target: undefined as unknown as number, ...blankTarget },
    useCurve: !!row.county?.planCurve,
    curve: row.county?.planCurve ?? EVEN_CURVE,
    units: row.units.map(({ unit, planCurve: _, ...target }) => ({ ...target, unitId: unit.id })),
  };

  const addAllTownships = () => {
    const present = new Set(shares.map((s) => s?.unitId));
    const missing = unitOptions.filter((o) => o.kind === 'township' && !present.has(o.value));
    form.setFieldValue('units', [...shares, ...missing.map((o) => ({ ...blankTarget, unitId: o.value, target: undefined }))]);
  };

  const submit = (values: FormValues) => {
    const planCurve = byProgress && values.useCurve ? values.curve : null;
    const input: DecompositionInput = {
      county: { ...blankTarget, ...values.county, startOfYear: stock ? (values.county.startOfYear ?? null) : null, planCurve },
      // Units follow the county's seasonal pattern: one curve per indicator is what the office plans with.
      units: (values.units ?? []).map((u) => ({
        ...blankTarget,
        ...u,
        unitId: u.unitId as number,
        startOfYear: stock ? (u.startOfYear ?? null) : null,
        planCurve,
      })),
      ...(plan.status === 'published' ? { reason: values.reason } : {}),
    };
    save.mutate(
      { indicatorId: indicator.id, input },
      {
        onSuccess: () => {
          void message.success(t('indicators.saved'));
          onClose();
        },
        onError: (error) => {
          showError(error);
          if (error instanceof ApiError && error.fields) {
            // The server names nested fields by path; the curve is edited as its own field here.
            const fields = Object.entries(error.fields).map(([path, text]) => ({ name: namePath(path.replace('county.planCurve', 'curve')), errors: [text] }));
            (form as unknown as FormInstance).setFields(fields);
          }
        },
      },
    );
  };

  const required = [{ required: true, message: t('common.required') }];
  const fmt = (v: number) => formatValue(v, indicator, locale);

  return (
    <Drawer
      open
      size={Math.min(1100, window.innerWidth)}
      title={`${localName(indicator)} · ${plan.year}`}
      onClose={onClose}
      maskClosable={false}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="decomposition-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="decomposition-form">
        <Typography.Title level={5}>{t('indicators.countyTarget')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={12} sm={6}>
            <Form.Item name={['county', 'target']} label={`${t('indicators.target')}（${indicator.unitZh}）`} rules={required}>
              <InputNumber style={{ width: '100%' }} precision={indicator.decimals} />
            </Form.Item>
          </Col>
          {stock && (
            <Col xs={12} sm={6}>
              <Form.Item name={['county', 'startOfYear']} label={t('indicators.startOfYear')} rules={required}>
                <InputNumber style={{ width: '100%' }} precision={indicator.decimals} />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} sm={6}>
            <Form.Item name={['county', 'leadLeader']} label={t('indicators.leadLeader')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name={['county', 'responsiblePerson']} label={t('indicators.responsiblePerson')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
        </Row>
        {byProgress && (
          <>
            <Form.Item name="useCurve" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Switch checkedChildren={t('indicators.usePlanCurve')} unCheckedChildren={t('indicators.usePlanCurve')} />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('indicators.planCurveHint')}</Typography.Paragraph>
            {useCurve && (
              <Row gutter={8} data-testid="plan-curve">
                {EVEN_CURVE.map((_, i) => (
                  <Col key={String(i)} xs={6} sm={4} md={2}>
                    <Form.Item name={['curve', i]} label={t('indicators.monthShort', { month: i + 1 })} rules={required}>
                      <InputNumber min={0} max={100} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            )}
          </>
        )}

        <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '8px 0 12px' }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('indicators.unitTargets')}
          </Typography.Title>
          <Space wrap>
            <Button onClick={addAllTownships}>{t('indicators.addAllTownships')}</Button>
            <Button icon={<PlusOutlined />} onClick={() => form.setFieldValue('units', [...shares, { ...blankTarget }])}>
              {t('indicators.addUnit')}
            </Button>
          </Space>
        </Flex>
        {cover?.applies && (
          <Alert
            type={cover.ok ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="coverage-live"
            title={`${t('indicators.unitSum', { sum: fmt(cover.sum) })}，${cover.ok ? t('indicators.fullyCovered') : t('indicators.shortfall', { amount: fmt(cover.shortfall) })}`}
          />
        )}
        <Form.List name="units">
          {(fields, { remove }) => (
            <>
              {fields.length === 0 && <Typography.Paragraph type="secondary">{t('indicators.noUnitTargets')}</Typography.Paragraph>}
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top" style={{ borderBottom: '1px solid #f0f0f0', paddingTop: 8 }}>
                  <Col xs={24} sm={12} md={5}>
                    <Form.Item name={[field.name, 'unitId']} label={t('indicators.unit')} rules={required}>
                      <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} loading={units.isLoading} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6} md={3}>
                    <Form.Item name={[field.name, 'target']} label={t('indicators.target')} rules={required}>
                      <InputNumber style={{ width: '100%' }} precision={indicator.decimals} />
                    </Form.Item>
                  </Col>
                  {stock && (
                    <Col xs={12} sm={6} md={3}>
                      <Form.Item name={[field.name, 'startOfYear']} label={t('indicators.startOfYear')} rules={required}>
                        <InputNumber style={{ width: '100%' }} precision={indicator.decimals} />
                      </Form.Item>
                    </Col>
                  )}
                  <Col xs={12} sm={6} md={3}>
                    <Form.Item name={[field.name, 'responsiblePerson']} label={t('indicators.responsiblePerson')}>
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6} md={3}>
                    <Form.Item name={[field.name, 'leadLeader']} label={t('indicators.leadLeader')}>
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col xs={20} sm={16} md={stock ? 6 : 9}>
                    <Form.Item name={[field.name, 'measures']} label={t('indicators.measures')}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} sm={2} md={1}>
                    <Form.Item label=" ">
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('indicators.removeUnit')} onClick={() => remove(field.name)} />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
            </>
          )}
        </Form.List>
        {plan.status === 'published' && (
          <Form.Item name="reason" label={t('indicators.changeReason')} extra={t('indicators.changeReasonHint')} rules={required} style={{ marginTop: 16 }}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
