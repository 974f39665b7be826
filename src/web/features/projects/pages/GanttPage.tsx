import { Alert, Card, Pagination, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../../components/PageContainer';
import { type ProjectFilters as Filters, useGantt } from '../api';
import { ProjectFilters } from '../components/ProjectFilters';

const GanttChart = lazy(() => import('../components/GanttChart'));

/** 节点甘特图: a page of projects with their milestones planned against actual. */
export function GanttPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const pageSize = 15;
  const gantt = useGantt({ ...filters, page, pageSize, sort: 'code', order: 'asc' });
  return (
    <PageContainer title={t('nav.projectGantt')}>
      <ProjectFilters
        onSearch={(f) => {
          setFilters(f);
          setPage(1);
        }}
      />
      <Typography.Paragraph type="secondary">{t('projects.ganttHint')}</Typography.Paragraph>
      {gantt.error && <Alert type="error" showIcon title={gantt.error.message} />}
      <Card size="small">
        {!gantt.data ? (
          <Spin style={{ display: 'block', margin: '64px auto' }} />
        ) : gantt.data.items.length === 0 ? (
          <Typography.Text type="secondary">{t('projects.empty')}</Typography.Text>
        ) : (
          <Suspense fallback={<Spin />}>
            <div style={{ overflowX: 'auto' }}>
              <div style={{ minWidth: 640 }}>
                <GanttChart page={gantt.data} today={dayjs().format('YYYY-MM-DD')} />
              </div>
            </div>
          </Suspense>
        )}
        {gantt.data && gantt.data.total > pageSize && (
          <Pagination style={{ marginTop: 12 }} current={page} pageSize={pageSize} total={gantt.data.total} onChange={setPage} showSizeChanger={false} />
        )}
      </Card>
    </PageContainer>
  );
}
