import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, InputNumber, List, Modal, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BUCKETS, COMMITMENT_KINDS, type Commitment } from '../../../../shared/modules/services.schemas';
import { AttachmentsPanel } from '../../../components/AttachmentsPanel';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan, useMe } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { type CommitmentFilters, useCommitmentSummary, useCommitments, useCreateCommitment, useFirmSearch, useHandoverUnits, usePayment } from '../api';
import { EnumSelect } from '../../../components/EnumSelect';
import { FormModal } from '../../../components/FormModal';
import { useSaveForm } from '../../../lib/save-form';

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const AGE_COLOURS = { not_due: 'default', d0_30: 'gold', d31_90: 'orange', d91_180: 'volcano', d181_plus: 'red' } as const;

/** 政策兑现与欠款台账: items owed to firms with payments and ageing; the firm sees its own as cards. */
export function CommitmentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { data: me } = useMe();
  const localName = useLocalName();
  const portal = !!me?.enterprise;
  const [form] = Form.useForm<CommitmentFilters>();
  const list = useListParams<CommitmentFilters>({}, { sort: 'dueDate', order: 'asc' });
  const items = useCommitments(list.query);
  const summary = useCommitmentSummary(!portal);
  const [creating, setCreating] = useState(false);
  const [paying, setPaying] = useState<Commitment | null>(null);
  const [files, setFiles] = useState<Commitment | null>(null);
  const ageTag = (c: Commitment) =>
    c.age ? <Tag color={AGE_COLOURS[c.age]}>{t(`services.commitments.ages.${c.age}`)}</Tag> : <Tag color="success">{t('services.commitments.settled')}</Tag>;

  if (portal)
    return (
      <PageContainer title={t('nav.myCommitments')}>
        <List
          data-testid="my-commitments"
          dataSource={items.data?.items ?? []}
          loading={items.isFetching}
          locale={{ emptyText: <Empty description={t('services.commitments.empty')} /> }}
          renderItem={(c) => (
            <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
              <Card size="small" style={{ width: '100%' }} title={<span style={{ whiteSpace: 'normal' }}>{c.title}</span>}>
                <Flex wrap gap={4} style={{ marginBottom: 6 }}>
                  <Tag>{t(`services.commitments.kinds.${c.kind}`)}</Tag>
                  {ageTag(c)}
                </Flex>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {t('services.commitments.responsibleUnit')} {localName(c.responsibleUnit)} · {t('services.commitments.dueDate')} {c.dueDate}
                </Typography.Text>
                <Typography.Text style={{ display: 'block' }}>
                  {t('services.commitments.amountDue')} {yuan(c.amountDueFen)} · {t('services.commitments.outstanding')} {yuan(c.outstandingFen)}
                </Typography.Text>
              </Card>
            </List.Item>
          )}
        />
      </PageContainer>
    );

  const columns: TableColumnsType<Commitment> = [
    { title: t('services.id'), dataIndex: 'id', key: 'id', sorter: true, sortOrder: list.sortOrderOf('id'), width: 70 },
    {
      title: t('services.commitments.item'),
      key: 'title',
      render: (_, c) => (
        <>
          {c.title}
          <div style={{ color: '#888', fontSize: 12 }}>
            {c.enterprise.name} · {c.basis}
          </div>
        </>
      ),
    },
    { title: t('services.commitments.kind'), key: 'kind', render: (_, c) => t(`services.commitments.kinds.${c.kind}`) },
    { title: t('services.commitments.responsibleUnit'), key: 'unit', render: (_, c) => localName(c.responsibleUnit) },
    {
      title: t('services.commitments.amountDue'),
      key: 'amountDueFen',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('amountDueFen'),
      render: (_, c) => yuan(c.amountDueFen),
    },
    { title: t('services.commitments.paid'), key: 'paid', align: 'right', render: (_, c) => yuan(c.paidFen) },
    { title: t('services.commitments.outstanding'), key: 'outstanding', align: 'right', render: (_, c) => yuan(c.outstandingFen) },
    { title: t('services.commitments.dueDate'), dataIndex: 'dueDate', key: 'dueDate', sorter: true, sortOrder: list.sortOrderOf('dueDate') },
    { title: t('services.commitments.age'), key: 'age', render: (_, c) => ageTag(c) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Flex gap={8} wrap>
          {c.canPay && (
            <Button size="small" onClick={() => setPaying(c)} data-testid="commitment-pay">
              {t('services.commitments.pay')}
            </Button>
          )}
          <Button size="small" onClick={() => setFiles(c)} data-testid="commitment-files">
            {t('services.basisFiles')}
          </Button>
        </Flex>
      ),
    },
  ];
  return (
    <PageContainer
      title={t('nav.serviceCommitments')}
      extra={
        <>
          <ExportButton url="/api/services/commitments/export.xlsx" query={list.exportQuery} />
          {can('service:commitments') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-commitment">
              {t('services.commitments.create')}
            </Button>
          )}
        </>
      }
    >
      <Card size="small" title={t('services.commitments.summary')} style={{ marginBottom: 16 }}>
        <Table
          rowKey={(r) => r.unit.id}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={summary.data?.items ?? []}
          locale={{ emptyText: t('services.commitments.empty') }}
          data-testid="commitment-summary"
          columns={[
            { title: t('services.commitments.responsibleUnit'), key: 'unit', render: (_, r) => localName(r.unit) },
            { title: t('services.commitments.count'), dataIndex: 'count', key: 'count', align: 'right' },
            { title: t('services.commitments.outstanding'), key: 'total', align: 'right', render: (_, r) => yuan(r.outstandingFen) },
            ...AGE_BUCKETS.map((b) => ({
              title: t(`services.commitments.ages.${b}`),
              key: b,
              align: 'right' as const,
              render: (_: unknown, r: { byAge: Record<string, number> }) => yuan(r.byAge[b] ?? 0),
            })),
          ]}
        />
      </Card>
      <FilterBar form={form} onSearch={list.setFilters} testId="commitment-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('services.commitments.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="kind">
          <EnumSelect
            allowClear
            placeholder={t('services.commitments.kind')}
            style={{ width: 120 }}
            values={COMMITMENT_KINDS}
            label={(k) => t(`services.commitments.kinds.${k}`)}
          />
        </Form.Item>
        <Form.Item name="age">
          <EnumSelect
            allowClear
            placeholder={t('services.commitments.age')}
            style={{ width: 130 }}
            values={AGE_BUCKETS}
            label={(b) => t(`services.commitments.ages.${b}`)}
          />
        </Form.Item>
        <Form.Item name="settled">
          <Select
            allowClear
            placeholder={t('services.status')}
            style={{ width: 130 }}
            options={[
              { value: 'false', label: t('services.commitments.open') },
              { value: 'true', label: t('services.commitments.settledOnly') },
            ]}
          />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={items} columns={columns} testId="commitments-table" />
      {creating && <CreateModal onClose={() => setCreating(false)} />}
      {paying && <PayModal item={paying} onClose={() => setPaying(null)} />}
      {files && (
        <Modal open title={`${t('services.basisFiles')}：${files.title}`} footer={null} onCancel={() => setFiles(null)} destroyOnHidden>
          <AttachmentsPanel ownerType="service_commitment" ownerId={files.id} canWrite={can('service:commitments')} />
        </Modal>
      )}
    </PageContainer>
  );
}

function CreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const localName = useLocalName();
  const [q, setQ] = useState('');
  const firms = useFirmSearch(q);
  const units = useHandoverUnits();
  const create = useCreateCommitment();
  const [form] = Form.useForm<{ enterpriseId: number; kind: string; title: string; basis: string; responsibleUnitId: number; amount: number; due: Dayjs }>();
  const save = useSaveForm(
    form,
    async ({ amount, due, ...values }) => {
      await create.mutateAsync({ ...values, amountDueFen: Math.round(amount * 100), dueDate: due.format('YYYY-MM-DD') });
      void message.success(t('services.commitments.created'));
      onClose();
    },
    { rename: (path) => (path === 'amountDueFen' ? 'amount' : path === 'dueDate' ? 'due' : path) },
  );
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormModal title={t('services.commitments.create')} form={form} save={save} onClose={onClose} initialValues={{ kind: 'arrears' }}>
      <Form.Item name="enterpriseId" label={t('services.enterprise')} rules={required}>
        <Select showSearch={{ filterOption: false, onSearch: setQ }} options={(firms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))} />
      </Form.Item>
      <Form.Item name="kind" label={t('services.commitments.kind')} rules={required}>
        <EnumSelect values={COMMITMENT_KINDS} label={(k) => t(`services.commitments.kinds.${k}`)} />
      </Form.Item>
      <Form.Item name="title" label={t('services.commitments.item')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="basis" label={t('services.commitments.basis')} rules={required}>
        <Input maxLength={1000} />
      </Form.Item>
      <Form.Item name="responsibleUnitId" label={t('services.commitments.responsibleUnit')} rules={required}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: localName(u) }))} />
      </Form.Item>
      <Form.Item name="amount" label={t('services.commitments.amountDue')} rules={required}>
        <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="due" label={t('services.commitments.dueDate')} rules={required}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}

function PayModal({ item, onClose }: { item: Commitment; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pay = usePayment();
  const [form] = Form.useForm<{ amount: number; paid: Dayjs; note?: string }>();
  const save = useSaveForm(
    form,
    async ({ amount, paid, note }) => {
      await pay.mutateAsync({ id: item.id, amountFen: Math.round(amount * 100), paidDate: paid.format('YYYY-MM-DD'), note: note ?? '' });
      void message.success(t('services.commitments.paidSaved'));
      onClose();
    },
    { rename: (path) => (path === 'amountFen' ? 'amount' : path === 'paidDate' ? 'paid' : path) },
  );
  return (
    <FormModal
      title={t('services.commitments.payTitle')}
      form={form}
      save={save}
      onClose={onClose}
      initialValues={{ amount: item.outstandingFen / 100, paid: dayjs() }}
      header={
        <Typography.Paragraph>
          {item.title} · {t('services.commitments.outstanding')} {yuan(item.outstandingFen)}
        </Typography.Paragraph>
      }
    >
      <Form.Item name="amount" label={t('services.commitments.amount')} rules={[{ required: true, message: t('common.required') }]}>
        <InputNumber min={0.01} max={item.outstandingFen / 100} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="paid" label={t('services.commitments.paidDate')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={t('services.commitments.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
