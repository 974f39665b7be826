import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FUND_CODES, type FundProgramme } from '../../../../shared/modules/funds.schemas';
import { AttachmentsPanel } from '../../../components/AttachmentsPanel';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { useUnits } from '../../../lib/units';
import { type ProgrammeFilters, useProgrammes, useSaveProgramme } from '../api';
import { ApplyModal } from '../components/ApplyModal';
import { toFen, useRuleText, yuan } from '../components/bits';
import { EnumSelect } from '../../../components/EnumSelect';
import { useSaveForm } from '../../../lib/save-form';
import { FormModal } from '../../../components/FormModal';

/** Fund programmes: per fund and year, budget and what remains, award categories, window, basis documents. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const localName = useLocalName();
  const ruleText = useRuleText();
  const [form] = Form.useForm<ProgrammeFilters>();
  const list = useListParams<ProgrammeFilters>({}, { sort: 'year', order: 'desc' });
  const items = useProgrammes(list.query);
  const [editing, setEditing] = useState<FundProgramme | 'new' | null>(null);
  const [applying, setApplying] = useState<FundProgramme | null>(null);
  const manage = can('fund:manage');
  const columns: TableColumnsType<FundProgramme> = [
    { title: t('funds.year'), dataIndex: 'year', key: 'year', sorter: true, sortOrder: list.sortOrderOf('year'), width: 80 },
    {
      title: t('funds.programme'),
      key: 'name',
      render: (_, p) => (
        <>
          {p.name}
          {t(`funds.funds.${p.fund}`) !== p.name && <div style={{ color: '#888', fontSize: 12 }}>{t(`funds.funds.${p.fund}`)}</div>}
        </>
      ),
    },
    { title: t('funds.budget'), key: 'budgetFen', align: 'right', sorter: true, sortOrder: list.sortOrderOf('budgetFen'), render: (_, p) => yuan(p.budgetFen) },
    { title: t('funds.approved'), key: 'approved', align: 'right', render: (_, p) => yuan(p.approvedFen) },
    { title: t('funds.remaining'), key: 'remaining', align: 'right', render: (_, p) => yuan(p.remainingFen) },
    {
      title: t('funds.window'),
      key: 'closesOn',
      sorter: true,
      sortOrder: list.sortOrderOf('closesOn'),
      render: (_, p) => (
        <>
          {p.opensOn} ~ {p.closesOn} {p.open ? <Tag color="success">{t('funds.open')}</Tag> : <Tag>{t('funds.closed')}</Tag>}
        </>
      ),
    },
    { title: t('funds.reviewUnit'), key: 'reviewUnit', render: (_, p) => (p.reviewUnit ? localName(p.reviewUnit) : t('funds.township')) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space>
          {manage && (
            <Button size="small" onClick={() => setEditing(p)}>
              {t('common.edit')}
            </Button>
          )}
          {manage && p.open && (
            <Button size="small" onClick={() => setApplying(p)} data-testid="apply-on-behalf">
              {t('funds.applyFor')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <PageContainer
      title={t('nav.fundProgrammes')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-programme">
            {t('funds.createProgramme')}
          </Button>
        )
      }
    >
      <FilterBar form={form} onSearch={list.setFilters} testId="programme-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('funds.programmeSearch')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="fund">
          <EnumSelect allowClear placeholder={t('funds.fund')} style={{ width: 160 }} values={FUND_CODES} label={(f) => t(`funds.funds.${f}`)} />
        </Form.Item>
        <Form.Item name="year">
          <InputNumber placeholder={t('funds.year')} min={2000} max={2100} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="open">
          <Select
            allowClear
            placeholder={t('funds.window')}
            style={{ width: 140 }}
            options={[
              { value: 'true', label: t('funds.open') },
              { value: 'false', label: t('funds.closed') },
            ]}
          />
        </Form.Item>
      </FilterBar>
      <ListTable
        list={list}
        result={items}
        columns={columns}
        testId="programmes-table"
        expandable={{
          expandedRowRender: (p) => (
            <Flex vertical gap={8}>
              <div>
                <Typography.Text strong>{t('funds.categories')}：</Typography.Text>
                {p.categories.map((c) => (
                  <Tag key={c.id} style={{ marginBottom: 4 }}>
                    {c.name}（{ruleText(c)}）
                  </Tag>
                ))}
              </div>
              {p.materials && (
                <div>
                  <Typography.Text strong>{t('funds.materials')}：</Typography.Text>
                  {p.materials}
                </div>
              )}
              {p.basis && (
                <div>
                  <Typography.Text strong>{t('funds.basis')}：</Typography.Text>
                  {p.basis}
                </div>
              )}
              <Card size="small" title={t('funds.basisFile')}>
                <AttachmentsPanel ownerType="fund_programme" ownerId={p.id} canWrite={manage} />
              </Card>
            </Flex>
          ),
        }}
      />
      {editing && <ProgrammeModal programme={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {applying && (
        <ApplyModal
          programme={applying}
          onBehalf
          onClose={(id) => {
            setApplying(null);
            if (id) navigate(`/funds/applications/${id}`);
          }}
        />
      )}
    </PageContainer>
  );
}

interface CategoryRow {
  name: string;
  ruleKind: 'fixed' | 'share';
  amount?: number;
  percent?: number;
  cap?: number;
}
interface Values {
  fund: FundProgramme['fund'];
  name: string;
  year: number;
  budget: number;
  window: [Dayjs, Dayjs];
  materials?: string;
  basis?: string;
  reviewUnitId?: number | null;
  categories: CategoryRow[];
}

/** Creates a programme with its categories, or edits one (its categories stay as they are). */
function ProgrammeModal({ programme, onClose }: { programme: FundProgramme | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const localName = useLocalName();
  const departments = useUnits({ kind: 'department' });
  const save = useSaveProgramme();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, message: t('common.required') }];
  const submit = async (v: Values) => {
    const common = {
      name: v.name,
      budgetFen: toFen(v.budget),
      opensOn: v.window[0].format('YYYY-MM-DD'),
      closesOn: v.window[1].format('YYYY-MM-DD'),
      materials: v.materials ?? '',
      basis: v.basis ?? '',
      reviewUnitId: v.reviewUnitId ?? null,
    };
    if (programme) await save.mutateAsync({ id: programme.id, ...common });
    else
      await save.mutateAsync({
        ...common,
        fund: v.fund,
        year: v.year,
        categories: v.categories.map((c) => ({
          name: c.name,
          ruleKind: c.ruleKind,
          amountFen: c.ruleKind === 'fixed' && c.amount ? toFen(c.amount) : null,
          shareBp: c.ruleKind === 'share' && c.percent ? Math.round(c.percent * 100) : null,
          capFen: c.ruleKind === 'share' && c.cap ? toFen(c.cap) : null,
        })),
      });
  };
  const saveForm = useSaveForm(form, submit, {
    rename: { budgetFen: 'budget', opensOn: 'window', closesOn: 'window' },
    onDone: () => {
      void message.success(t('funds.saved'));
      onClose();
    },
  });
  const initial: Partial<Values> = programme
    ? {
        fund: programme.fund,
        name: programme.name,
        year: programme.year,
        budget: programme.budgetFen / 100,
        window: [dayjs(programme.opensOn), dayjs(programme.closesOn)],
        materials: programme.materials,
        basis: programme.basis,
        reviewUnitId: programme.reviewUnit?.id ?? null,
      }
    : { fund: 'industry', year: dayjs().year(), categories: [{ name: '', ruleKind: 'fixed' }] };
  return (
    <FormModal
      width={720}
      title={programme ? t('funds.editProgramme') : t('funds.createProgramme')}
      form={form}
      save={saveForm}
      onClose={onClose}
      initialValues={initial}
    >
      <Flex gap={12} wrap>
        <Form.Item name="fund" label={t('funds.fund')} rules={required} style={{ minWidth: 180 }}>
          <EnumSelect disabled={!!programme} values={FUND_CODES} label={(f) => t(`funds.funds.${f}`)} />
        </Form.Item>
        <Form.Item name="year" label={t('funds.year')} rules={required}>
          <InputNumber disabled={!!programme} min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="name" label={t('funds.programme')} rules={required} style={{ flex: 1, minWidth: 200 }}>
          <Input maxLength={100} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="budget" label={t('funds.budget')} rules={required}>
          <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="window" label={t('funds.window')} rules={required}>
          <DatePicker.RangePicker />
        </Form.Item>
      </Flex>
      <Form.Item name="reviewUnitId" label={t('funds.reviewUnit')} extra={t('funds.reviewUnitHint')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(departments.data ?? []).map((u) => ({ value: u.id, label: localName(u) }))} />
      </Form.Item>
      <Form.Item name="materials" label={t('funds.materials')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="basis" label={t('funds.basis')}>
        <Input maxLength={500} />
      </Form.Item>
      {!programme && (
        <Form.List name="categories">
          {(fields, { add, remove }) => (
            <>
              <Typography.Text strong>{t('funds.categories')}</Typography.Text>
              {fields.map((field) => (
                <CategoryFields key={field.key} name={field.name} canRemove={fields.length > 1} onRemove={() => remove(field.name)} />
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', ruleKind: 'fixed' })}>
                {t('funds.addCategory')}
              </Button>
            </>
          )}
        </Form.List>
      )}
    </FormModal>
  );
}

function CategoryFields({ name, canRemove, onRemove }: { name: number; canRemove: boolean; onRemove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const kind = Form.useWatch(['categories', name, 'ruleKind'], form);
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Flex gap={8} wrap align="start" style={{ marginTop: 8 }}>
      <Form.Item name={[name, 'name']} rules={required} style={{ width: 180, marginBottom: 8 }}>
        <Input placeholder={t('funds.category')} maxLength={60} />
      </Form.Item>
      <Form.Item name={[name, 'ruleKind']} style={{ width: 140, marginBottom: 8 }}>
        <Select options={(['fixed', 'share'] as const).map((k) => ({ value: k, label: t(`funds.ruleKinds.${k}`) }))} />
      </Form.Item>
      {kind === 'share' ? (
        <>
          <Form.Item name={[name, 'percent']} rules={required} style={{ marginBottom: 8 }}>
            <InputNumber placeholder={t('funds.sharePercent')} min={0.01} max={100} precision={2} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name={[name, 'cap']} rules={required} style={{ marginBottom: 8 }}>
            <InputNumber placeholder={t('funds.cap')} min={0.01} precision={2} style={{ width: 150 }} />
          </Form.Item>
        </>
      ) : (
        <Form.Item name={[name, 'amount']} rules={required} style={{ marginBottom: 8 }}>
          <InputNumber placeholder={t('funds.amount')} min={0.01} precision={2} style={{ width: 150 }} />
        </Form.Item>
      )}
      {canRemove && <Button icon={<DeleteOutlined />} onClick={onRemove} aria-label="remove" />}
    </Flex>
  );
}
