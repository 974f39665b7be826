import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, Select, Spin, type TableColumnsType, Tag, Typography } from 'antd';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChainListItem } from '../../../../shared/modules/chains.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { type ChainFilters, useChainGraph, useChainOptions, useChains } from '../api';
import { ChainFormDrawer } from '../components/ChainFormDrawer';
import { countyGraph } from '../graphs';

const ChainGraph = lazy(() => import('../components/ChainGraph'));

/** 产业链图谱: the county's chains with their links as a graph, and the list with weak segments, filters and export. */
export function ChainsPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const list = useListParams<ChainFilters>({}, { sort: 'code', order: 'asc' });
  const chains = useChains(list.query);
  const graph = useChainGraph();
  const options = useChainOptions();
  const [form] = Form.useForm<ChainFilters>();
  const can = useCan();
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<ChainListItem> = [
    { title: t('chains.code'), dataIndex: 'code', key: 'code', sorter: true, sortOrder: list.sortOrderOf('code'), width: 90 },
    {
      title: t('chains.name'),
      key: 'nameZh',
      sorter: true,
      sortOrder: list.sortOrderOf('nameZh'),
      render: (_, c) => <Link to={`/chains/${c.id}`}>{localName(c)}</Link>,
    },
    { title: t('chains.leader'), key: 'leader', render: (_, c) => c.leader?.displayName ?? '—' },
    { title: t('chains.team'), key: 'team', render: (_, c) => localName(c.teamUnit) },
    { title: t('chains.group'), key: 'group', render: (_, c) => (c.groupUnit ? localName(c.groupUnit) : '—') },
    { title: t('chains.segmentCount'), dataIndex: 'segmentCount', key: 'segmentCount', align: 'right' },
    {
      title: t('chains.weakCount'),
      key: 'weakCount',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('weakCount'),
      render: (_, c) => (c.weakCount ? <Tag color="error">{c.weakCount}</Tag> : 0),
    },
    { title: t('chains.firmCount'), dataIndex: 'firmCount', key: 'firmCount', align: 'right', sorter: true, sortOrder: list.sortOrderOf('firmCount') },
    { title: t('chains.memberCount'), dataIndex: 'memberCount', key: 'memberCount', align: 'right' },
  ];

  return (
    <PageContainer
      title={t('nav.chainList')}
      extra={
        <>
          <ExportButton url="/api/chains/export.xlsx" query={list.exportQuery} />
          {can('chain:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-chain">
              {t('chains.create')}
            </Button>
          )}
        </>
      }
    >
      <Card size="small" title={t('chains.graph')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('chains.graphHint')}
        </Typography.Paragraph>
        {graph.data ? (
          <Suspense fallback={<Spin />}>
            <ChainGraph {...countyGraph(graph.data, t, localName)} label={t('chains.graph')} />
          </Suspense>
        ) : (
          <Spin />
        )}
      </Card>
      <FilterBar form={form} onSearch={(f) => list.setFilters({ ...f, weak: f.weak || undefined })} testId="chain-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('chains.searchPlaceholder')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="groupUnitId">
          <Select
            allowClear
            placeholder={t('chains.group')}
            style={{ width: 200 }}
            options={(options.data?.groups ?? []).map((g) => ({ value: g.id, label: localName(g) }))}
          />
        </Form.Item>
        <Form.Item name="weak" valuePropName="checked">
          <Checkbox>{t('chains.onlyWeak')}</Checkbox>
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={chains} columns={columns} testId="chains-table" />
      {creating && <ChainFormDrawer onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}
