import { Alert, App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FundProgramme } from '../../../../shared/modules/funds.schemas';
import { awardAmount } from '../../../../shared/rules/funds-awards';
import { useShowError } from '../../../lib/errors';
import { useApply, useFirmSearch } from '../api';
import { toFen, useRuleText, yuan } from './bits';

interface Values {
  enterpriseId?: number;
  categoryId: number;
  title: string;
  description?: string;
  investment?: number;
}

/**
 * Applying for a programme: a firm for itself, the office on a firm's behalf (`onBehalf`). The amount the rule gives
 * is shown as the firm types, by the same rule the server applies.
 */
export function ApplyModal({
  programme,
  onBehalf,
  onClose,
  policy,
}: {
  programme: FundProgramme;
  onBehalf: boolean;
  onClose: (id?: number) => void;
  /** A matched policy: its category and title are filled in. */
  policy?: { id: number; name: string; categoryId: number };
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const ruleText = useRuleText();
  const apply = useApply();
  const [q, setQ] = useState('');
  const firms = useFirmSearch(q, { enabled: onBehalf });
  const [form] = Form.useForm<Values>();
  const categoryId = Form.useWatch('categoryId', form);
  const investment = Form.useWatch('investment', form);
  const category = programme.categories.find((c) => c.id === categoryId);
  const rule =
    category &&
    (category.ruleKind === 'fixed'
      ? ({ kind: 'fixed', amountFen: category.amountFen ?? 0 } as const)
      : ({ kind: 'share', shareBp: category.shareBp ?? 0, capFen: category.capFen ?? 0 } as const));
  const expected = rule ? awardAmount(rule, investment ? toFen(investment) : null) : null;
  const ok = async () => {
    const { investment: inv, description, ...values } = await form.validateFields();
    try {
      const created = await apply.mutateAsync({
        ...values,
        programmeId: programme.id,
        description: description ?? '',
        investmentFen: category?.ruleKind === 'share' && inv ? toFen(inv) : null,
        policyId: policy?.id ?? null,
      });
      void message.success(t('funds.applied'));
      onClose(created.id);
    } catch (error) {
      showError(error, form, (path) => (path === 'investmentFen' ? 'investment' : path));
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal
      open
      title={`${t('funds.applyTitle')} · ${programme.year} ${programme.name}`}
      onCancel={() => onClose()}
      onOk={ok}
      okText={t('funds.apply')}
      okButtonProps={{ loading: apply.isPending, 'data-testid': 'apply-ok' }}
      destroyOnHidden
    >
      {programme.materials && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('funds.materials')}：{programme.materials}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" data-testid="apply-form" initialValues={policy ? { categoryId: policy.categoryId, title: policy.name } : undefined}>
        {onBehalf && (
          <Form.Item name="enterpriseId" label={t('funds.enterprise')} rules={required}>
            <Select showSearch={{ filterOption: false, onSearch: setQ }} options={(firms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))} />
          </Form.Item>
        )}
        <Form.Item name="categoryId" label={t('funds.category')} rules={required}>
          <Select data-testid="apply-category" options={programme.categories.map((c) => ({ value: c.id, label: `${c.name}（${ruleText(c)}）` }))} />
        </Form.Item>
        {category?.ruleKind === 'share' && (
          <Form.Item name="investment" label={t('funds.investment')} rules={required}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="apply-investment" />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('funds.title')} rules={required}>
          <Input maxLength={200} data-testid="apply-title" />
        </Form.Item>
        <Form.Item name="description" label={t('funds.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
      {expected !== null && expected > 0 && <Alert type="info" showIcon title={t('funds.expected', { amount: yuan(expected) })} data-testid="apply-expected" />}
    </Modal>
  );
}
