import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Meeting } from '../../../../shared/modules/meetings.schemas';
import { AttachmentsPanel } from '../../../components/AttachmentsPanel';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useLocalName } from '../../../lib/names';
import { useMeeting } from '../api';
import { MeetingFormDrawer } from '../components/MeetingFormDrawer';
import { MeetingStatusTag } from '../components/MeetingStatusTag';

const STATUS_COLOR: Record<string, string> = {
  open: 'blue',
  in_progress: 'processing',
  submitted: 'gold',
  returned: 'volcano',
  done: 'green',
  cancelled: 'default',
};

/** One meeting: particulars, agenda and minutes, each decision with its task's progress, and its files. */
export function MeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localName = useLocalName();
  const can = useCan();
  const meeting = useMeeting(Number(useParams().id));
  const [editing, setEditing] = useState(false);

  if (meeting.error) return <Alert type="error" showIcon title={meeting.error.message} />;
  if (!meeting.data) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const m = meeting.data;

  return (
    <PageContainer
      title={
        <Space wrap size={8}>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('documents.back')} onClick={() => navigate(-1)} />
          <span data-testid="meeting-title">{m.title}</span>
          <Tag>{t(`meetings.kinds.${m.kind}`)}</Tag>
          <MeetingStatusTag status={m.status} />
        </Space>
      }
      extra={
        can('meeting:write') && (
          <Button type={m.status === 'planned' ? 'primary' : 'default'} icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-meeting">
            {m.status === 'planned' ? t('meetings.recordHeld') : t('meetings.edit')}
          </Button>
        )
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('meetings.date')}>{m.meetingDate}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.convener')}>{m.convener}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.location')}>{m.location || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.units')} span={3}>
            {m.units.map((u) => localName(u)).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.attendees')} span={3}>
            {m.attendees || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('meetings.decisions')} style={{ marginBottom: 16 }}>
        <Table<Meeting['decisions'][number]>
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="meeting-decisions"
          dataSource={m.decisions}
          columns={[
            { title: '#', dataIndex: 'seq', key: 'seq', width: 48 },
            { title: t('meetings.decisionText'), dataIndex: 'text', key: 'text' },
            { title: t('meetings.ownerUnit'), key: 'owner', render: (_, d) => localName(d.ownerUnit) },
            { title: t('meetings.dueDate'), dataIndex: 'dueDate', key: 'dueDate' },
            {
              title: t('meetings.progress'),
              key: 'task',
              render: (_, d) =>
                d.task ? (
                  <Link to={`/tasks/${d.task.id}`}>
                    <Tag color={STATUS_COLOR[d.task.status]}>{t(`taskStatus.${d.task.status}` as 'taskStatus.open')}</Tag>
                  </Link>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('meetings.agenda')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.agenda || '—'}</Typography.Paragraph>
      </Card>
      <Card size="small" title={t('meetings.minutes')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="meeting-minutes-text">
          {m.minutes || '—'}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('meetings.attachments')}>
        <AttachmentsPanel ownerType="meeting" ownerId={m.id} canWrite={can('meeting:write')} />
      </Card>
      {editing && <MeetingFormDrawer meeting={m} onClose={() => setEditing(false)} />}
    </PageContainer>
  );
}
