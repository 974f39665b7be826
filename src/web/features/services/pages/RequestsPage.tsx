import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Form, Input, List, Select, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REQUEST_CHANNELS, REQUEST_STATUSES, type RequestListItem } from '../../../../shared/modules/services.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan, useMe } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { type RequestFilters, useCategories, useRequests } from '../api';
import { RatingTag, StatusTags } from '../components/bits';
import { SubmitModal } from '../components/SubmitModal';
import { EnumSelect } from '../../../components/EnumSelect';

/** 企业诉求: staff see the requests in their scope as a table; an enterprise sees its own as cards it can read on a phone. */
export function RequestsPage() {
  const { data: me } = useMe();
  return me?.enterprise ? <PortalRequests /> : <StaffRequests />;
}

function PortalRequests() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const list = useListParams<RequestFilters>({}, { sort: 'id', order: 'desc' });
  const requests = useRequests(list.query);
  const [submitting, setSubmitting] = useState(false);
  const data = requests.data;
  return (
    <PageContainer
      title={t('nav.myRequests')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setSubmitting(true)} data-testid="submit-request">
          {t('services.submit')}
        </Button>
      }
    >
      <List
        data-testid="my-requests"
        loading={requests.isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('services.emptyMine')} /> }}
        pagination={
          (data?.total ?? 0) > list.params.pageSize
            ? {
                current: list.params.page,
                pageSize: list.params.pageSize,
                total: data?.total ?? 0,
                onChange: (page) => list.onTableChange({ current: page }, []),
                size: 'small',
              }
            : false
        }
        renderItem={(r) => (
          <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
            <Card size="small" style={{ width: '100%' }} data-testid="request-card">
              <Link to={`/services/requests/${r.id}`} style={{ fontWeight: 600, fontSize: 15 }}>
                {r.title}
              </Link>
              <Flex wrap gap={4} style={{ marginTop: 6 }}>
                <StatusTags r={r} />
                <RatingTag rating={r.rating} />
              </Flex>
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6, fontSize: 13 }}>
                {localName(r.category)} · {t('services.ownerUnit')} {localName(r.ownerUnit)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {t('services.receivedDate')} {r.receivedDate} · {t('services.dueDate')} {r.dueDate}
              </Typography.Text>
            </Card>
          </List.Item>
        )}
      />
      {submitting && <SubmitModal onBehalf={false} onClose={() => setSubmitting(false)} />}
    </PageContainer>
  );
}

function StaffRequests() {
  const { t } = useTranslation();
  const can = useCan();
  const localName = useLocalName();
  const [form] = Form.useForm<RequestFilters>();
  const list = useListParams<RequestFilters>({}, { sort: 'id', order: 'desc' });
  const requests = useRequests(list.query);
  const categories = useCategories();
  const [entering, setEntering] = useState(false);

  const columns: TableColumnsType<RequestListItem> = [
    { title: t('services.id'), dataIndex: 'id', key: 'id', sorter: true, sortOrder: list.sortOrderOf('id'), width: 80 },
    {
      title: t('services.title'),
      key: 'title',
      render: (_, r) => (
        <>
          <Link to={`/services/requests/${r.id}`}>{r.title}</Link>
          <div style={{ color: '#888', fontSize: 12 }}>{r.enterprise.name}</div>
        </>
      ),
    },
    { title: t('services.category'), key: 'category', render: (_, r) => localName(r.category) },
    { title: t('services.channel'), key: 'channel', render: (_, r) => t(`services.channels.${r.channel}`) },
    { title: t('services.ownerUnit'), key: 'owner', render: (_, r) => localName(r.ownerUnit) },
    { title: t('services.receivedDate'), dataIndex: 'receivedDate', key: 'receivedDate', sorter: true, sortOrder: list.sortOrderOf('receivedDate') },
    { title: t('services.dueDate'), dataIndex: 'dueDate', key: 'dueDate', sorter: true, sortOrder: list.sortOrderOf('dueDate') },
    {
      title: t('services.status'),
      key: 'status',
      sorter: true,
      sortOrder: list.sortOrderOf('status'),
      render: (_, r) => (
        <>
          <StatusTags r={r} />
          {r.openParts > 0 && <div style={{ fontSize: 12, color: '#888' }}>{t('services.openParts', { count: r.openParts })}</div>}
        </>
      ),
    },
    { title: t('services.rating'), key: 'rating', render: (_, r) => <RatingTag rating={r.rating} /> },
  ];

  return (
    <PageContainer
      title={t('nav.serviceRequests')}
      extra={
        <>
          <ExportButton url="/api/services/requests/export.xlsx" query={list.exportQuery} />
          {can('service:handle') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEntering(true)} data-testid="enter-request">
              {t('services.enterOnBehalf')}
            </Button>
          )}
        </>
      }
    >
      <FilterBar form={form} onSearch={list.setFilters} testId="request-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('services.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="status">
          <EnumSelect
            allowClear
            placeholder={t('services.status')}
            style={{ width: 150 }}
            values={REQUEST_STATUSES}
            label={(s) => t(`services.statuses.${s}`)}
          />
        </Form.Item>
        <Form.Item name="categoryId">
          <Select
            allowClear
            placeholder={t('services.category')}
            style={{ width: 130 }}
            options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: localName(c) }))}
          />
        </Form.Item>
        <Form.Item name="channel">
          <EnumSelect
            allowClear
            placeholder={t('services.channel')}
            style={{ width: 110 }}
            values={REQUEST_CHANNELS}
            label={(c) => t(`services.channels.${c}`)}
          />
        </Form.Item>
        <Form.Item name="overdue">
          <Select
            allowClear
            placeholder={t('services.overdue')}
            style={{ width: 120 }}
            options={[
              { value: 'true', label: t('services.overdueOnly') },
              { value: 'false', label: t('services.notOverdue') },
            ]}
          />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={requests} columns={columns} testId="requests-table" />
      {entering && <SubmitModal onBehalf onClose={() => setEntering(false)} />}
    </PageContainer>
  );
}
