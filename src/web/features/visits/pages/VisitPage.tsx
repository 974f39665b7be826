import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { AttachmentsPanel } from '../../../components/AttachmentsPanel';
import { PageContainer } from '../../../components/PageContainer';
import { useLocalName } from '../../../lib/names';
import { useVisit } from '../api';

const TASK_COLORS: Record<string, string> = { done: 'green', cancelled: 'default', returned: 'red', submitted: 'blue' };

/** One visit: the firm, the day, who went and whom they met, what was discussed, each problem's task and request, photos. */
export function VisitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localName = useLocalName();
  const id = Number(useParams().id);
  const visit = useVisit(id);
  const v = visit.data;
  if (visit.error) return <Alert type="error" showIcon title={visit.error.message} />;
  if (!v) return <Skeleton active />;
  return (
    <PageContainer
      title={t('visits.detail')}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/visits')}>
          {t('visits.back')}
        </Button>
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" data-testid="visit-detail">
          <Descriptions.Item label={t('visits.enterprise')}>{v.enterprise.name}</Descriptions.Item>
          <Descriptions.Item label={t('visits.date')}>{v.visitDate}</Descriptions.Item>
          <Descriptions.Item label={t('visits.township')}>{localName(v.township)}</Descriptions.Item>
          <Descriptions.Item label={t('visits.team')}>{localName(v.team)}</Descriptions.Item>
          <Descriptions.Item label={t('visits.officers')}>{v.officers.map((o) => o.displayName).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('visits.peopleMet')}>{v.peopleMet}</Descriptions.Item>
          <Descriptions.Item label={t('visits.discussion')} span={2}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{v.discussion}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('visits.recordedBy')}>{v.createdBy ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('visits.problems')} style={{ marginBottom: 16 }}>
        <List
          data-testid="visit-problems"
          dataSource={v.problemList}
          locale={{ emptyText: <Empty description={t('visits.noProblems')} /> }}
          renderItem={(p) => (
            <List.Item>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text strong>
                  {p.seq}. {p.text}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('visits.ownerUnit')}：{localName(p.ownerUnit)}
                  {p.dueDate && ` · ${t('visits.due', { date: p.dueDate })}`}
                </Typography.Text>
                <Space wrap>
                  {p.taskId !== null && (
                    <Link to={`/tasks/${p.taskId}`} data-testid="problem-task">
                      {t('visits.task')}{' '}
                      <Tag color={TASK_COLORS[p.taskStatus ?? ''] ?? 'orange'}>{t(`taskStatus.${p.taskStatus ?? 'open'}` as 'taskStatus.open')}</Tag>
                    </Link>
                  )}
                  {p.requestId !== null && (
                    <Link to={`/services/requests/${p.requestId}`} data-testid="problem-request">
                      {t('visits.request')} <Tag>{t(`visits.requestStatuses.${p.requestStatus ?? 'open'}` as 'visits.requestStatuses.open')}</Tag>
                    </Link>
                  )}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('visits.photos')}>
        <AttachmentsPanel ownerType="visit" ownerId={String(v.id)} canWrite={v.canWrite} />
      </Card>
    </PageContainer>
  );
}
