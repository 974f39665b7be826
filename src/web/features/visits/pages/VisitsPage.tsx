import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Form, Grid, Input, List, Pagination, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { VisitListItem } from '../../../../shared/modules/visits.schemas';
import { DateRangeFilter } from '../../../components/DateRangeFilter';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { type VisitFilters, useVisits } from '../api';

function ProblemTag({ v }: { v: VisitListItem }) {
  const { t } = useTranslation();
  if (v.problems === 0) return <Typography.Text type="secondary">{t('visits.noProblems')}</Typography.Text>;
  return (
    <Tag color={v.openProblems > 0 ? 'orange' : 'green'}>
      {t('visits.problems')} {v.problems}
      {v.openProblems > 0 && ` · ${t('visits.openProblems')} ${v.openProblems}`}
    </Tag>
  );
}

/** 走访记录: a list with filters and export; cards on a phone, where officers log their visits. */
export function VisitsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const localName = useLocalName();
  const phone = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<VisitFilters>();
  const list = useListParams<VisitFilters>({}, { sort: 'visitDate', order: 'desc' });
  const items = useVisits(list.query);
  const search = (v: VisitFilters) => list.setFilters({ ...v, q: v.q || undefined });

  const columns: TableColumnsType<VisitListItem> = [
    { title: t('visits.date'), dataIndex: 'visitDate', key: 'visitDate', sorter: true, sortOrder: list.sortOrderOf('visitDate'), width: 110 },
    {
      title: t('visits.enterprise'),
      key: 'enterprise',
      sorter: true,
      sortOrder: list.sortOrderOf('enterprise'),
      render: (_, v) => (
        <Link to={`/visits/${v.id}`} data-testid="visit-link" style={{ display: 'block', maxWidth: 260, whiteSpace: 'normal' }}>
          {v.enterprise.name}
        </Link>
      ),
    },
    { title: t('visits.township'), key: 'township', render: (_, v) => localName(v.township) },
    {
      title: t('visits.team'),
      key: 'team',
      render: (_, v) => <span style={{ display: 'block', maxWidth: 200, whiteSpace: 'normal' }}>{localName(v.team)}</span>,
    },
    { title: t('visits.officers'), key: 'officers', render: (_, v) => v.officers.map((o) => o.displayName).join('、') },
    {
      title: t('visits.peopleMet'),
      dataIndex: 'peopleMet',
      key: 'peopleMet',
      render: (s: string) => <span style={{ display: 'block', maxWidth: 200, whiteSpace: 'normal' }}>{s}</span>,
    },
    { title: t('visits.problems'), key: 'problems', render: (_, v) => <ProblemTag v={v} /> },
  ];

  const logButton = can('visit:write') && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/visits/new')} data-testid="log-visit">
      {t('visits.log')}
    </Button>
  );

  return (
    <PageContainer
      title={t('nav.visits')}
      extra={
        <>
          {!phone && <ExportButton url="/api/visits/export.xlsx" query={list.exportQuery} />}
          {logButton}
        </>
      }
    >
      <FilterBar form={form} onSearch={search} testId="visit-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('visits.search')} style={{ width: phone ? '100%' : 200 }} />
        </Form.Item>
        <DateRangeFilter placeholder={[t('visits.from'), t('visits.to')]} style={{ width: phone ? '100%' : 240 }} />
        <Form.Item name="withProblems">
          <Select
            allowClear
            placeholder={t('visits.withProblems')}
            style={{ width: 130 }}
            options={[
              { value: 'true', label: t('visits.withProblemsYes') },
              { value: 'false', label: t('visits.withProblemsNo') },
            ]}
          />
        </Form.Item>
      </FilterBar>
      {phone ? (
        <>
          <List
            data-testid="visits-cards"
            dataSource={items.data?.items ?? []}
            loading={items.isFetching}
            locale={{ emptyText: <Empty description={t('visits.empty')} /> }}
            renderItem={(v) => (
              <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
                <Card size="small" style={{ width: '100%' }}>
                  <Flex justify="space-between" align="start" gap={8}>
                    <Link to={`/visits/${v.id}`} style={{ fontWeight: 600 }} data-testid="visit-link">
                      {v.enterprise.name}
                    </Link>
                    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                      {v.visitDate}
                    </Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block', margin: '4px 0' }}>
                    {v.officers.map((o) => o.displayName).join('、')} · {localName(v.township)}
                  </Typography.Text>
                  <ProblemTag v={v} />
                </Card>
              </List.Item>
            )}
          />
          {(items.data?.total ?? 0) > list.params.pageSize && (
            <Pagination
              simple
              current={list.params.page}
              pageSize={list.params.pageSize}
              total={items.data?.total ?? 0}
              onChange={(page, pageSize) =>
                list.onTableChange({ current: page, pageSize }, { columnKey: list.params.sort, order: list.params.order === 'desc' ? 'descend' : 'ascend' })
              }
            />
          )}
        </>
      ) : (
        <ListTable list={list} result={items} columns={columns} testId="visits-table" />
      )}
    </PageContainer>
  );
}
