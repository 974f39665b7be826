import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Grid, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { AttachmentsPanel } from '../../../components/AttachmentsPanel';
import { PageContainer } from '../../../components/PageContainer';
import { useLocalName } from '../../../lib/names';
import { useTask } from '../api';
import { AssigneeModal } from '../components/AssigneeModal';
import { TaskActionBar } from '../components/TaskActionBar';
import { TaskStateTag, TaskStatusTag, useTaskTypeLabel } from '../components/TaskTags';
import { TaskTimeline } from '../components/TaskTimeline';

/**
 * One task: its details and the actions the user may take, then the timeline with comments. The right-hand column
 * holds the deadline and the attachments, stacked under the details on phones.
 */
export function TaskPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localName = useLocalName();
  const typeLabel = useTaskTypeLabel();
  const screens = Grid.useBreakpoint();
  const id = Number(useParams().id);
  const task = useTask(id);
  const [assigning, setAssigning] = useState(false);

  if (task.error) return <Alert type="error" showIcon title={task.error.message} />;
  if (!task.data) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const d = task.data;

  return (
    <PageContainer
      title={
        <Space wrap size={8}>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('tasks.back')} onClick={() => navigate(-1)} />
          <span data-testid="task-title">{d.title}</span>
          <TaskStatusTag status={d.status} />
          {d.wasOverdue && d.state !== 'overdue' && <Tag color="volcano">{t('tasks.wasOverdue')}</Tag>}
          {d.escalationStep >= 3 && <Tag color="red">{t('tasks.listedForNotice')}</Tag>}
        </Space>
      }
      extra={<TaskActionBar task={d} />}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('tasks.details')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={screens.md ? 2 : 1} size="small">
              <Descriptions.Item label={t('tasks.type')}>{typeLabel(d.type)}</Descriptions.Item>
              <Descriptions.Item label={t('tasks.ownerUnit')}>{localName(d.ownerUnit)}</Descriptions.Item>
              <Descriptions.Item label={t('tasks.assignee')}>
                <span data-testid="task-assignee">{d.assignee?.displayName ?? '—'}</span>
                {d.actions.includes('assign') && (
                  <Button type="link" size="small" onClick={() => setAssigning(true)} data-testid="task-change-assignee">
                    {t('tasks.changeAssignee')}
                  </Button>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('tasks.coUnits')}>{d.coUnits.length ? d.coUnits.map(localName).join('、') : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('tasks.createdByUnit')}>
                {localName(d.createdByUnit)}
                {d.createdBy ? ` · ${d.createdBy.displayName}` : ''}
              </Descriptions.Item>
              {d.enterpriseId && <Descriptions.Item label={t('tasks.enterpriseId')}>{d.enterpriseId}</Descriptions.Item>}
              {d.sourceLabel && (
                <Descriptions.Item label={t('tasks.source')}>
                  {d.sourceLabel.path ? (
                    <Link to={d.sourceLabel.path} data-testid="task-source">
                      {localName({ nameZh: d.sourceLabel.zh, nameEn: d.sourceLabel.en })}
                    </Link>
                  ) : (
                    localName({ nameZh: d.sourceLabel.zh, nameEn: d.sourceLabel.en })
                  )}
                </Descriptions.Item>
              )}
            </Descriptions>
            {d.description && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }} data-testid="task-description">
                {d.description}
              </Typography.Paragraph>
            )}
          </Card>
          <Card title={t('tasks.timeline')} size="small">
            <TaskTimeline task={d} />
          </Card>
        </Col>
        <Col xs={24} lg={8} data-testid="task-side-panels">
          <Card title={t('tasks.deadline')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('tasks.state')}>
                <TaskStateTag state={d.state} />
              </Descriptions.Item>
              <Descriptions.Item label={t('tasks.createdDate')}>{d.createdDate}</Descriptions.Item>
              <Descriptions.Item label={t('tasks.dueSoonDate')}>{d.dueSoonDate}</Descriptions.Item>
              <Descriptions.Item label={t('tasks.dueDate')}>
                <span data-testid="task-due">{d.dueDate}</span>
              </Descriptions.Item>
              {d.submittedDate && <Descriptions.Item label={t('tasks.submittedDate')}>{d.submittedDate}</Descriptions.Item>}
              {d.finishedDate && <Descriptions.Item label={t('tasks.finishedDate')}>{d.finishedDate}</Descriptions.Item>}
              {d.escalationStep > 0 && (
                <Descriptions.Item label={t('taskEvent.escalation')}>{t('tasks.escalationStep', { step: d.escalationStep })}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card title={t('tasks.attachments')} size="small">
            <AttachmentsPanel ownerType="task" ownerId={d.id} canWrite={d.status !== 'done' && d.status !== 'cancelled'} />
          </Card>
        </Col>
      </Row>
      {assigning && <AssigneeModal task={d} onClose={() => setAssigning(false)} />}
    </PageContainer>
  );
}
