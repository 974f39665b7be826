import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../../shared/list';
import type { JobRun } from '../../../../shared/modules/notifications.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { api, toQuery } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useListParams } from '../../../lib/list';

const JOB_NAMES = ['tasks.escalate', 'webhooks.deliver'] as const;

interface Filters {
  job?: string;
  ok?: 'true' | 'false';
}

/** 定时任务: every claimed run of the scheduled jobs, with its outcome, for the office and the sysadmin. */
export function JobRunsPage() {
  const { t } = useTranslation();
  const [filterForm] = Form.useForm<Filters>();
  const list = useListParams<Filters>({}, { sort: 'startedAt', order: 'desc' });
  const runs = useQuery({
    queryKey: ['jobs', 'runs', list.query],
    queryFn: () => api.get<Page<JobRun>>(`/api/jobs/runs${toQuery(list.query)}`),
    placeholderData: keepPreviousData,
  });
  const jobName = (name: string) => ((JOB_NAMES as readonly string[]).includes(name) ? t(`jobs.names.${name as (typeof JOB_NAMES)[number]}`) : name);

  const columns: TableColumnsType<JobRun> = [
    { title: t('jobs.job'), dataIndex: 'job', key: 'job', sorter: true, sortOrder: list.sortOrderOf('job'), render: jobName },
    { title: t('jobs.period'), dataIndex: 'period', key: 'period' },
    { title: t('jobs.startedAt'), dataIndex: 'startedAt', key: 'startedAt', sorter: true, sortOrder: list.sortOrderOf('startedAt'), render: formatDateTime },
    { title: t('jobs.finishedAt'), dataIndex: 'finishedAt', key: 'finishedAt', render: formatDateTime },
    {
      title: t('jobs.result'),
      key: 'ok',
      render: (_, r) =>
        r.ok === null ? (
          <Tag color="processing">{t('jobs.running')}</Tag>
        ) : r.ok ? (
          <Tag color="green">{t('jobs.ok')}</Tag>
        ) : (
          <Tag color="red">{t('jobs.error')}</Tag>
        ),
    },
    {
      title: t('jobs.message'),
      dataIndex: 'message',
      key: 'message',
      render: (m: string | null) => (
        <Typography.Text ellipsis={{ tooltip: m }} style={{ maxWidth: 320 }}>
          {m ?? '—'}
        </Typography.Text>
      ),
    },
    { title: t('jobs.instance'), dataIndex: 'instance', key: 'instance' },
  ];

  return (
    <PageContainer title={t('jobs.title')} extra={<ExportButton url="/api/jobs/runs/export.xlsx" query={list.exportQuery} />}>
      <FilterBar form={filterForm} onSearch={list.setFilters} testId="jobs-filters">
        <Form.Item name="job">
          <Select allowClear placeholder={t('jobs.job')} style={{ width: 260 }} options={JOB_NAMES.map((n) => ({ value: n, label: jobName(n) }))} />
        </Form.Item>
        <Form.Item name="ok">
          <Select
            allowClear
            placeholder={t('jobs.result')}
            style={{ width: 120 }}
            options={[
              { value: 'true', label: t('jobs.ok') },
              { value: 'false', label: t('jobs.error') },
            ]}
          />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={runs} columns={columns} testId="jobs-table" />
    </PageContainer>
  );
}
