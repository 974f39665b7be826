import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, type TableColumnsType, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXCHANGE_DIRECTIONS, type Exchange } from '../../../../shared/modules/visits.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useShowError } from '../../../lib/errors';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { type ExchangeFilters, useDeleteExchange, useExchanges, useFirmSearch, useProblemUnits, useSaveExchange } from '../api';
import { EnumSelect } from '../../../components/EnumSelect';
import { useSaveForm } from '../../../lib/save-form';

interface Values {
  personName: string;
  direction: Exchange['direction'];
  unitId: number;
  enterpriseId: number;
  role: string;
  fromDate: Dayjs;
  toDate?: Dayjs | null;
  note?: string;
}

function ExchangeModal({ exchange, onClose }: { exchange: Exchange | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const localName = useLocalName();
  const units = useProblemUnits();
  const [q, setQ] = useState('');
  const firms = useFirmSearch(q, { pageSize: 50 });
  const save = useSaveExchange();
  const [form] = Form.useForm<Values>();
  const saveForm = useSaveForm(
    form,
    async (v: Values) => {
      await save.mutateAsync({
        id: exchange?.id,
        ...v,
        fromDate: v.fromDate.format('YYYY-MM-DD'),
        toDate: v.toDate ? v.toDate.format('YYYY-MM-DD') : null,
        note: v.note ?? '',
      });
    },
    {
      onDone: () => {
        void message.success(t('visits.exchanges.saved'));
        onClose();
      },
    },
  );
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const firmOptions = [
    ...(exchange ? [{ value: exchange.enterprise.id, label: exchange.enterprise.name }] : []),
    ...(firms.data?.items ?? []).filter((f) => f.id !== exchange?.enterprise.id).map((f) => ({ value: f.id, label: f.name })),
  ];
  return (
    <Modal
      open
      title={exchange ? t('visits.exchanges.edit') : t('visits.exchanges.add')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={async () => saveForm.onFinish(await form.validateFields())}
    >
      <Form
        form={form}
        layout="vertical"
        name="exchange"
        initialValues={
          exchange
            ? {
                ...exchange,
                unitId: exchange.unit.id,
                enterpriseId: exchange.enterprise.id,
                fromDate: dayjs(exchange.fromDate),
                toDate: exchange.toDate ? dayjs(exchange.toDate) : null,
              }
            : { direction: 'to_firm', fromDate: dayjs() }
        }
      >
        <Form.Item name="personName" label={t('visits.exchanges.personName')} rules={required}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="direction" label={t('visits.exchanges.direction')} rules={required}>
          <EnumSelect values={EXCHANGE_DIRECTIONS} label={(d) => t(`visits.exchanges.directions.${d}`)} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('visits.exchanges.unit')}
          rules={[{ required: true, message: t('common.required') }]}
          extra={t('visits.exchanges.unitHint')}
        >
          <Select showSearch optionFilterProp="label" options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: localName(u) }))} />
        </Form.Item>
        <Form.Item name="enterpriseId" label={t('visits.exchanges.enterprise')} rules={[{ required: true, message: t('common.required') }]}>
          <Select showSearch filterOption={false} onSearch={setQ} options={firmOptions} />
        </Form.Item>
        <Form.Item name="role" label={t('visits.exchanges.role')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="fromDate" label={t('visits.exchanges.from')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="toDate" label={t('visits.exchanges.to')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('visits.exchanges.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 政企干部双向交流: who is stationed where, from when to when; the office records and edits them. */
export function ExchangesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const showError = useShowError();
  const localName = useLocalName();
  const [form] = Form.useForm<ExchangeFilters>();
  const list = useListParams<ExchangeFilters>({}, { sort: 'fromDate', order: 'desc' });
  const items = useExchanges(list.query);
  const remove = useDeleteExchange();
  const [editing, setEditing] = useState<Exchange | null | undefined>(undefined);
  const columns: TableColumnsType<Exchange> = [
    { title: t('visits.exchanges.personName'), dataIndex: 'personName', key: 'personName', sorter: true, sortOrder: list.sortOrderOf('personName') },
    {
      title: t('visits.exchanges.direction'),
      key: 'direction',
      render: (_, e) => <Tag color={e.direction === 'to_firm' ? 'blue' : 'purple'}>{t(`visits.exchanges.directions.${e.direction}`)}</Tag>,
    },
    { title: t('visits.exchanges.unit'), key: 'unit', render: (_, e) => localName(e.unit) },
    {
      title: t('visits.exchanges.enterprise'),
      key: 'enterprise',
      render: (_, e) => <span style={{ display: 'block', maxWidth: 240, whiteSpace: 'normal' }}>{e.enterprise.name}</span>,
    },
    { title: t('visits.exchanges.role'), dataIndex: 'role', key: 'role' },
    { title: t('visits.exchanges.from'), dataIndex: 'fromDate', key: 'fromDate', sorter: true, sortOrder: list.sortOrderOf('fromDate') },
    {
      title: t('visits.exchanges.to'),
      key: 'toDate',
      sorter: true,
      sortOrder: list.sortOrderOf('toDate'),
      render: (_, e) => e.toDate ?? t('visits.exchanges.ongoing'),
    },
    {
      title: t('visits.exchanges.status'),
      key: 'current',
      render: (_, e) => (e.current ? <Tag color="green">{t('visits.exchanges.current')}</Tag> : <Tag>{t('visits.assignments.ended')}</Tag>),
    },
    ...(can('visit:manage')
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, e: Exchange) => (
              <Space>
                <Button size="small" onClick={() => setEditing(e)}>
                  {t('visits.exchanges.edit')}
                </Button>
                <Popconfirm title={t('visits.exchanges.deleteConfirm')} onConfirm={() => remove.mutateAsync(e.id).catch(showError)}>
                  <Button size="small" danger>
                    {t('visits.exchanges.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <PageContainer
      title={t('nav.visitExchanges')}
      extra={
        <>
          <ExportButton url="/api/visits/exchanges/export.xlsx" query={list.exportQuery} />
          {can('visit:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              {t('visits.exchanges.add')}
            </Button>
          )}
        </>
      }
    >
      <FilterBar form={form} onSearch={list.setFilters} testId="exchange-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('visits.exchanges.search')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="direction">
          <EnumSelect
            allowClear
            placeholder={t('visits.exchanges.direction')}
            style={{ width: 190 }}
            values={EXCHANGE_DIRECTIONS}
            label={(d) => t(`visits.exchanges.directions.${d}`)}
          />
        </Form.Item>
        <Form.Item name="current">
          <Select
            allowClear
            placeholder={t('visits.exchanges.status')}
            style={{ width: 120 }}
            options={[{ value: 'true', label: t('visits.exchanges.currentOnly') }]}
          />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={items} columns={columns} testId="exchanges-table" />
      {editing !== undefined && <ExchangeModal exchange={editing} onClose={() => setEditing(undefined)} />}
    </PageContainer>
  );
}
