import { Alert, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageContainer } from '../../../components/PageContainer';
import { type MeetingListItem, useFinancingMeetings } from '../api';

/** 政银企对接会: the matchmaking meetings the meetings module schedules every two months, with their counts. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const meetings = useFinancingMeetings();
  return (
    <PageContainer title={t('nav.financingMeetings')}>
      {meetings.error && <Alert type="error" showIcon title={meetings.error.message} style={{ marginBottom: 16 }} />}
      <Table<MeetingListItem>
        rowKey="id"
        size="middle"
        loading={meetings.isLoading}
        dataSource={meetings.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('financing.meetingList.empty') }}
        data-testid="financing-meetings"
        columns={[
          {
            title: t('financing.meetingList.title'),
            key: 'title',
            render: (_, m) => (
              <Link to={`/financing/meetings/${m.id}`} data-testid="financing-meeting-link">
                {m.title}
              </Link>
            ),
          },
          { title: t('financing.meetingList.date'), dataIndex: 'meetingDate', key: 'date' },
          { title: t('financing.meetingList.location'), dataIndex: 'location', key: 'location' },
          {
            title: t('financing.meetingList.status'),
            key: 'status',
            render: (_, m) => (
              <Tag color={m.status === 'held' ? 'default' : 'processing'}>{t(`financing.meetingList.statuses.${m.status as 'planned' | 'held'}`)}</Tag>
            ),
          },
          { title: t('financing.meetingList.needs'), dataIndex: 'needs', key: 'needs', align: 'right' },
          { title: t('financing.meetingList.banks'), dataIndex: 'banks', key: 'banks', align: 'right' },
          { title: t('financing.meetingList.loans'), dataIndex: 'loans', key: 'loans', align: 'right' },
        ]}
      />
    </PageContainer>
  );
}
