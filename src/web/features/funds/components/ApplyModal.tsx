import { Alert, App, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FundProgramme } from '../../../../shared/modules/funds.schemas';
import { awardAmount } from '../../../../shared/rules/funds-awards';
import { FormModal } from '../../../components/FormModal';
import { useSaveForm } from '../../../lib/save-form';
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
  const save = useSaveForm(
    form,
    ({ investment: inv, description, ...values }: Values) =>
      apply.mutateAsync({
        ...values,
        programmeId: programme.id,
        description: description ?? '',
        investmentFen: category?.ruleKind === 'share' && inv ? toFen(inv) : null,
        policyId: policy?.id ?? null,
      }),
    {
      onDone: (created) => {
        void message.success(t('funds.applied'));
        onClose(created.id);
      },
      rename: { investmentFen: 'investment' },
    },
  );
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormModal
      title={`${t('funds.applyTitle')} · ${programme.year} ${programme.name}`}
      okText={t('funds.apply')}
      form={form}
      save={save}
      onClose={onClose}
      okTestId="apply-ok"
      formTestId="apply-form"
      initialValues={policy ? { categoryId: policy.categoryId, title: policy.name } : undefined}
      header={
        programme.materials && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('funds.materials')}：{programme.materials}
          </Typography.Paragraph>
        )
      }
      after={
        expected !== null && expected > 0 && <Alert type="info" showIcon title={t('funds.expected', { amount: yuan(expected) })} data-testid="apply-expected" />
      }
    >
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
    </FormModal>
  );
}
