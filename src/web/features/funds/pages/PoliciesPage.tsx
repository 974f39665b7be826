import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SME_TIERS } from '../../../../shared/modules/enterprises.schemas';
import type { FundPolicy } from '../../../../shared/modules/funds.schemas';
import { type Condition, ELIGIBILITY_FIELDS, type EligibilityField, type EligibilityOp, type Expr } from '../../../../shared/rules/funds-eligibility';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useShowError } from '../../../lib/errors';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { useUnits } from '../../../lib/units';
import { type Matches, useConfirmAwards, usePolicies, usePolicyMatches, usePreview, useProgrammes, useSavePolicy } from '../api';
import { yuan } from '../components/bits';
import { EnumSelect } from '../../../components/EnumSelect';
import { useSaveForm } from '../../../lib/save-form';
import { FormModal } from '../../../components/FormModal';

/** The operators offered for each field in the editor (the evaluator knows more). */
const OPS: Record<EligibilityField, EligibilityOp[]> = {
  industryCode: ['prefix'],
  townshipUnitId: ['in'],
  chainUnitIds: ['contains'],
  aboveScale: ['eq'],
  highTech: ['eq'],
  smeTier: ['gte', 'eq'],
  hasRdInstitution: ['eq'],
  employees: ['gte', 'lte'],
  outputLastYearFen: ['gte', 'lte'],
  taxLastYearFen: ['gte', 'lte'],
  inTransformationLibrary: ['eq'],
};
const FIELDS = Object.keys(ELIGIBILITY_FIELDS) as EligibilityField[];
/** Money facts are typed in 万元 and stored in fen. */
const MONEY = new Set<EligibilityField>(['outputLastYearFen', 'taxLastYearFen']);
const WAN = 1_000_000;

/** Policies (政策直达): eligibility as data, the firms that qualify, and 免申即享 award lists to confirm. */
export function PoliciesPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ q?: string }>();
  const list = useListParams<{ q?: string }>({}, { sort: 'id', order: 'desc' });
  const items = usePolicies(list.query);
  const [editing, setEditing] = useState<FundPolicy | 'new' | null>(null);
  const [matching, setMatching] = useState<FundPolicy | null>(null);
  const columns: TableColumnsType<FundPolicy> = [
    { title: t('funds.id'), dataIndex: 'id', key: 'id', sorter: true, sortOrder: list.sortOrderOf('id'), width: 70 },
    {
      title: t('funds.policy'),
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (_, p) => (
        <>
          {p.name} {p.autoGrant && <Tag color="magenta">{t('funds.autoGrant')}</Tag>} {!p.active && <Tag>{t('funds.inactive')}</Tag>}
          {p.summary && <div style={{ color: '#888', fontSize: 12 }}>{p.summary}</div>}
        </>
      ),
    },
    {
      title: t('funds.programme'),
      key: 'programme',
      render: (_, p) => (
        <>
          {p.programme.year} {p.programme.name}
          <div style={{ color: '#888', fontSize: 12 }}>{p.category.name}</div>
        </>
      ),
    },
    { title: t('funds.qualifying'), key: 'qualifying', align: 'right', render: (_, p) => p.qualifying ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space>
          <Button size="small" onClick={() => setEditing(p)}>
            {t('common.edit')}
          </Button>
          <Button size="small" type={p.autoGrant ? 'primary' : 'default'} onClick={() => setMatching(p)} data-testid="policy-matches">
            {p.autoGrant ? t('funds.awardList') : t('funds.matchedFirms')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <PageContainer
      title={t('nav.fundPolicies')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-policy">
          {t('funds.createPolicy')}
        </Button>
      }
    >
      <FilterBar form={form} onSearch={list.setFilters} testId="policy-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('funds.policy')} style={{ width: 200 }} />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={items} columns={columns} testId="policies-table" />
      {editing && <PolicyModal policy={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {matching && <MatchesDrawer policy={matching} onClose={() => setMatching(null)} />}
    </PageContainer>
  );
}

function MatchesTable({ matches, testId }: { matches: Matches | undefined; testId: string }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  return (
    <Table
      rowKey={(m) => m.enterprise.id}
      size="small"
      data-testid={testId}
      dataSource={matches?.items ?? []}
      pagination={{ pageSize: 20 }}
      locale={{ emptyText: t('funds.noMatches') }}
      columns={[
        { title: t('funds.enterprise'), key: 'name', render: (_, m) => m.enterprise.name },
        { title: t('funds.township'), key: 'township', render: (_, m) => localName(m.township) },
        { title: t('funds.amount'), key: 'amount', align: 'right', render: (_, m) => yuan(m.amountFen) },
        { title: t('common.status'), key: 'awarded', render: (_, m) => (m.awarded ? <Tag color="success">{t('funds.awarded')}</Tag> : null) },
      ]}
    />
  );
}

/** The firms a policy selects now; for 免申即享 the drafted award list, confirmed by the office. */
function MatchesDrawer({ policy, onClose }: { policy: FundPolicy; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const matches = usePolicyMatches(policy.id);
  const confirm = useConfirmAwards();
  const toGrant = (matches.data?.items ?? []).filter((m) => !m.awarded).length;
  return (
    <Drawer open width={720} title={`${policy.name} · ${policy.autoGrant ? t('funds.awardList') : t('funds.matchedFirms')}`} onClose={onClose}>
      <Typography.Paragraph>
        {t('funds.matchSummary', { qualifying: matches.data?.qualifying ?? 0, undecided: matches.data?.undecided ?? 0 })}
      </Typography.Paragraph>
      {policy.autoGrant && (
        <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
          <Typography.Text>{t('funds.toGrant', { count: toGrant, amount: yuan(matches.data?.amountFen ?? 0) })}</Typography.Text>
          <Popconfirm
            title={t('funds.confirmAwardsQuestion', { count: toGrant, amount: yuan(matches.data?.amountFen ?? 0) })}
            onConfirm={async () => {
              try {
                const r = await confirm.mutateAsync(policy.id);
                void message.success(t('funds.awardsGranted', { count: r.granted }));
              } catch (error) {
                showError(error);
              }
            }}
          >
            <Button type="primary" disabled={toGrant === 0} loading={confirm.isPending} data-testid="confirm-awards">
              {t('funds.confirmAwards')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
      <MatchesTable matches={matches.data} testId="policy-matches-table" />
    </Drawer>
  );
}

interface Row {
  field: EligibilityField;
  op: EligibilityOp;
  value?: string | number | boolean | number[];
}
interface Values {
  name: string;
  summary?: string;
  target?: string;
  autoGrant: boolean;
  active: boolean;
  rows: Row[];
}

const toCondition = (r: Row): Condition => ({
  field: r.field,
  op: r.op,
  value: MONEY.has(r.field) && typeof r.value === 'number' ? Math.round(r.value * WAN) : (r.value as Condition['value']),
});
const toRow = (c: Condition): Row => ({
  field: c.field,
  op: c.op,
  value: MONEY.has(c.field) && typeof c.value === 'number' ? c.value / WAN : (c.value as Row['value']),
});
/** A flat "all of" expression as editor rows, or null when the expression is richer than the editor. */
const rowsOf = (e: Expr): Row[] | null =>
  'all' in e && e.all.every((x) => 'field' in x) ? (e.all as Condition[]).map(toRow) : 'field' in e ? [toRow(e)] : null;

function PolicyModal({ policy, onClose }: { policy: FundPolicy | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const save = useSavePolicy();
  const preview = usePreview();
  const programmes = useProgrammes({ pageSize: 200, sort: 'year', order: 'desc' });
  const [form] = Form.useForm<Values>();
  const rows = policy ? rowsOf(policy.eligibility) : [];
  const targets = (programmes.data?.items ?? []).flatMap((p) =>
    p.categories.map((c) => ({ value: `${p.id}:${c.id}`, label: `${p.year} ${p.name} · ${c.name}` })),
  );
  const expr = (v: Values): Expr => ({ all: (v.rows ?? []).filter((r) => r.value !== undefined).map(toCondition) });
  const submit = useSaveForm(
    form,
    async (v: Values) => {
      const [programmeId, categoryId] = (v.target ?? '').split(':').map(Number);
      if (policy)
        await save.mutateAsync({
          id: policy.id,
          name: v.name,
          summary: v.summary ?? '',
          autoGrant: v.autoGrant,
          active: v.active,
          ...(rows ? { eligibility: expr(v) } : {}),
        });
      else
        await save.mutateAsync({
          name: v.name,
          summary: v.summary ?? '',
          programmeId,
          categoryId,
          autoGrant: v.autoGrant,
          active: v.active,
          eligibility: expr(v),
        });
    },
    {
      onDone: () => {
        void message.success(t('funds.saved'));
        onClose();
      },
    },
  );
  const runPreview = async () => {
    const v = form.getFieldsValue();
    const categoryId = policy ? policy.category.id : Number((v.target ?? '').split(':')[1]);
    if (!categoryId) return void form.validateFields(['target']);
    try {
      await preview.mutateAsync({ eligibility: expr(v), categoryId });
    } catch (error) {
      showError(error);
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormModal
      width={820}
      title={policy ? t('funds.editPolicy') : t('funds.createPolicy')}
      form={form}
      save={submit}
      onClose={onClose}
      initialValues={
        policy
          ? { name: policy.name, summary: policy.summary, autoGrant: policy.autoGrant, active: policy.active, rows: rows ?? [] }
          : { autoGrant: false, active: true, rows: [{ field: 'aboveScale', op: 'eq', value: true }] }
      }
      after={
        <>
          <Flex gap={12} align="center" style={{ marginTop: 16 }}>
            <Button onClick={runPreview} loading={preview.isPending} data-testid="policy-preview">
              {t('funds.preview')}
            </Button>
            {preview.data && (
              <Typography.Text data-testid="policy-preview-result">
                {t('funds.matchSummary', { qualifying: preview.data.qualifying, undecided: preview.data.undecided })}
              </Typography.Text>
            )}
          </Flex>
          {preview.data && <MatchesTable matches={preview.data} testId="policy-preview-table" />}
        </>
      }
    >
      <Form.Item name="name" label={t('funds.policy')} rules={required}>
        <Input maxLength={100} data-testid="policy-name" />
      </Form.Item>
      <Form.Item name="summary" label={t('funds.summary')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {!policy && (
        <Form.Item name="target" label={t('funds.target')} rules={required}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={targets} data-testid="policy-target" />
        </Form.Item>
      )}
      <Flex gap={24}>
        <Form.Item name="autoGrant" label={t('funds.autoGrant')} valuePropName="checked" extra={t('funds.autoGrantHint')}>
          <Switch data-testid="policy-auto-grant" />
        </Form.Item>
        <Form.Item name="active" label={t('funds.activeLabel')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Flex>
      <Typography.Text strong>{t('funds.eligibility')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('funds.eligibilityHint')}
      </Typography.Paragraph>
      {rows ? (
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <ConditionRow key={f.key} name={f.name} onRemove={() => remove(f.name)} />
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ field: 'highTech', op: 'eq', value: true })}>
                {t('funds.addCondition')}
              </Button>
            </>
          )}
        </Form.List>
      ) : (
        <Alert type="info" title={t('funds.complexRule')} description={<pre style={{ margin: 0 }}>{JSON.stringify(policy?.eligibility, null, 2)}</pre>} />
      )}
    </FormModal>
  );
}

function ConditionRow({ name, onRemove }: { name: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const form = Form.useFormInstance<Values>();
  const field = Form.useWatch(['rows', name, 'field'], form) as EligibilityField | undefined;
  const townships = useUnits({ kind: 'township' }, field === 'townshipUnitId');
  const teams = useUnits({ kind: 'service_team' }, field === 'chainUnitIds');
  const kind = field ? ELIGIBILITY_FIELDS[field] : 'boolean';
  const value = () => {
    if (field === 'townshipUnitId' || field === 'chainUnitIds')
      return (
        <Select
          mode="multiple"
          style={{ minWidth: 240 }}
          options={((field === 'townshipUnitId' ? townships.data : teams.data) ?? []).map((u) => ({ value: u.id, label: localName(u) }))}
        />
      );
    if (kind === 'boolean')
      return (
        <Select
          style={{ width: 100 }}
          options={[
            { value: true, label: t('common.yes') },
            { value: false, label: t('common.no') },
          ]}
        />
      );
    if (kind === 'tier') return <EnumSelect style={{ width: 170 }} values={SME_TIERS} label={(s) => t(`funds.tiers.${s}`)} />;
    if (kind === 'number') return <InputNumber style={{ width: 160 }} min={0} addonAfter={field && MONEY.has(field) ? t('funds.wan') : undefined} />;
    return <Input style={{ width: 160 }} placeholder="C30" />;
  };
  return (
    <Flex gap={8} wrap align="start">
      <Form.Item name={[name, 'field']} style={{ marginBottom: 8 }}>
        <EnumSelect
          style={{ width: 200 }}
          values={FIELDS}
          label={(f) => t(`funds.fields.${f}`)}
          onChange={(f: EligibilityField) => form.setFieldValue(['rows', name], { field: f, op: OPS[f][0], value: undefined })}
        />
      </Form.Item>
      <Form.Item name={[name, 'op']} style={{ marginBottom: 8 }}>
        <Select style={{ width: 110 }} options={(field ? OPS[field] : []).map((o) => ({ value: o, label: t(`funds.ops.${o}`) }))} />
      </Form.Item>
      <Form.Item name={[name, 'value']} rules={[{ required: true, message: t('common.required') }]} style={{ marginBottom: 8 }}>
        {value()}
      </Form.Item>
      <Button icon={<DeleteOutlined />} onClick={onRemove} aria-label="remove" />
    </Flex>
  );
}
