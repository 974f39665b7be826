import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, Input, List, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NEED_STATUSES, type NeedListItem, URGENCIES } from '../../../../shared/modules/financing.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan, useMe } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { type NeedFilters, useNeeds } from '../api';
import { NeedModal } from '../components/NeedModal';
import { NeedStatusTag, wan } from '../components/bits';
import { EnumSelect } from '../../../components/EnumSelect';

/** 融资需求: the firm's own as cards on the portal; for staff and banks a list with filters and export. */
export function NeedsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { data: me } = useMe();
  const localName = useLocalName();
  const portal = !!me?.enterprise;
  const [form] = Form.useForm<NeedFilters>();
  const list = useListParams<NeedFilters>({}, { sort: 'id', order: 'desc' });
  const items = useNeeds(list.query);
  const [creating, setCreating] = useState(false);
  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-need">
      {t('financing.create')}
    </Button>
  );

  if (portal)
    return (
      <PageContainer title={t('nav.myFinancing')} extra={can('financing:submit') && createButton}>
        <Alert type="info" showIcon title={t('financing.portalHint')} style={{ marginBottom: 12 }} />
        <List
          data-testid="my-needs"
          dataSource={items.data?.items ?? []}
          loading={items.isFetching}
          locale={{ emptyText: <Empty description={t('financing.empty')} /> }}
          renderItem={(n) => (
            <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
              <Card size="small" style={{ width: '100%' }}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Link to={`/financing/needs/${n.id}`} style={{ fontWeight: 600, fontSize: 16 }} data-testid="need-link">
                    {t('financing.wan', { n: wan(n.amountFen) })}
                  </Link>
                  <NeedStatusTag status={n.status} />
                </Flex>
                <Typography.Paragraph style={{ margin: '6px 0', whiteSpace: 'normal' }}>{n.purpose}</Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('financing.received')} {n.receivedDate} · {t('financing.termValue', { n: n.termMonths })}
                  {n.status === 'loaned' && ` · ${t('financing.granted')} ${t('financing.wan', { n: wan(n.grantedFen) })}`}
                </Typography.Text>
              </Card>
            </List.Item>
          )}
        />
        {creating && <NeedModal forFirm onClose={() => setCreating(false)} />}
      </PageContainer>
    );

  const columns: TableColumnsType<NeedListItem> = [
    { title: t('financing.id'), dataIndex: 'id', key: 'id', sorter: true, sortOrder: list.sortOrderOf('id'), width: 70 },
    {
      title: t('financing.enterprise'),
      key: 'enterprise',
      render: (_, n) => (
        <>
          <Link to={`/financing/needs/${n.id}`} data-testid="need-link" style={{ display: 'block', maxWidth: 220, whiteSpace: 'normal' }}>
            {n.enterprise.name}
          </Link>
          <div style={{ color: '#888', fontSize: 12, maxWidth: 220, whiteSpace: 'normal' }}>{n.purpose}</div>
        </>
      ),
    },
    {
      title: t('financing.amount'),
      key: 'amountFen',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('amountFen'),
      render: (_, n) => wan(n.amountFen),
    },
    { title: t('financing.term'), dataIndex: 'termMonths', key: 'term', align: 'right' },
    {
      title: t('financing.urgency'),
      key: 'urgency',
      render: (_, n) => (n.urgency === 'normal' ? t('financing.urgencies.normal') : <Tag color="orange">{t(`financing.urgencies.${n.urgency}`)}</Tag>),
    },
    { title: t('financing.township'), key: 'township', render: (_, n) => localName(n.townshipUnit) },
    { title: t('financing.received'), dataIndex: 'receivedDate', key: 'receivedDate', sorter: true, sortOrder: list.sortOrderOf('receivedDate') },
    { title: t('financing.status'), key: 'status', sorter: true, sortOrder: list.sortOrderOf('status'), render: (_, n) => <NeedStatusTag status={n.status} /> },
    { title: t('financing.granted'), key: 'granted', align: 'right', render: (_, n) => (n.grantedFen ? wan(n.grantedFen) : '—') },
  ];
  return (
    <PageContainer
      title={t('nav.financingNeeds')}
      extra={
        <>
          <ExportButton url="/api/financing/needs/export.xlsx" query={list.exportQuery} />
          {can('financing:handle') && createButton}
        </>
      }
    >
      <FilterBar form={form} onSearch={list.setFilters} testId="need-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('financing.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="status">
          <EnumSelect
            allowClear
            placeholder={t('financing.status')}
            style={{ width: 120 }}
            values={NEED_STATUSES}
            label={(s) => t(`financing.statuses.${s}`)}
          />
        </Form.Item>
        <Form.Item name="urgency">
          <EnumSelect allowClear placeholder={t('financing.urgency')} style={{ width: 110 }} values={URGENCIES} label={(u) => t(`financing.urgencies.${u}`)} />
        </Form.Item>
        <Form.Item name="open">
          <Select
            allowClear
            placeholder={t('financing.openFilter')}
            style={{ width: 150 }}
            options={[
              { value: 'true', label: t('financing.openOnly') },
              { value: 'false', label: t('financing.closedOnly') },
            ]}
          />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={items} columns={columns} testId="needs-table" />
      {creating && <NeedModal forFirm={false} onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}
