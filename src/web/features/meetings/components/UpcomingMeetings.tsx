import { Card, List, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMeetings } from '../api';
import { MeetingStatusTag } from './MeetingStatusTag';

/** The next meetings the user's unit convenes or attends (planned ones first of all), for the home page. */
export function UpcomingMeetings() {
  const { t } = useTranslation();
  const meetings = useMeetings({ page: 1, pageSize: 5, sort: 'meetingDate', order: 'asc', from: dayjs().format('YYYY-MM-DD') });
  return (
    <Card title={t('meetings.upcoming')} extra={<Link to="/meetings">{t('meetings.all')}</Link>} data-testid="upcoming-meetings">
      <List
        size="small"
        loading={meetings.isLoading}
        dataSource={meetings.data?.items ?? []}
        locale={{ emptyText: t('meetings.noUpcoming') }}
        renderItem={(m) => (
          <List.Item>
            <Space wrap size={8}>
              <Typography.Text type="secondary">{m.meetingDate}</Typography.Text>
              <Link to={`/meetings/${m.id}`}>{m.title}</Link>
              <MeetingStatusTag status={m.status} />
              {m.location && <Typography.Text type="secondary">{m.location}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
