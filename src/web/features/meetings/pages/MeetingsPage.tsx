import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETING_KINDS, MEETING_STATUSES, type MeetingListItem } from '../../../../shared/modules/meetings.schemas';
import { DateRangeFilter } from '../../../components/DateRangeFilter';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { type MeetingFilters, useMeetings } from '../api';
import { MeetingFormDrawer } from '../components/MeetingFormDrawer';
import { MeetingStatusTag } from '../components/MeetingStatusTag';
import { SchedulesDrawer } from '../components/SchedulesDrawer';
import { EnumSelect } from '../../../components/EnumSelect';

/** 会议: the monthly meetings, dispatch meetings and service-team meetings, with their decisions' progress. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [filterForm] = Form.useForm<MeetingFilters>();
  const list = useListParams<MeetingFilters>({}, { sort: 'meetingDate', order: 'desc' });
  const meetings = useMeetings(list.query);
  const [creating, setCreating] = useState(false);
  const [scheduling, setScheduling] = useState(false);

  const columns: TableColumnsType<MeetingListItem> = [
    { title: t('meetings.date'), dataIndex: 'meetingDate', key: 'meetingDate', sorter: true, sortOrder: list.sortOrderOf('meetingDate') },
    { title: t('meetings.kind'), key: 'kind', render: (_, m) => t(`meetings.kinds.${m.kind}`) },
    {
      title: t('meetings.title'),
      key: 'title',
      sorter: true,
      sortOrder: list.sortOrderOf('title'),
      render: (_, m) => <Link to={`/meetings/${m.id}`}>{m.title}</Link>,
    },
    { title: t('meetings.status'), key: 'status', render: (_, m) => <MeetingStatusTag status={m.status} /> },
    { title: t('meetings.convener'), dataIndex: 'convener', key: 'convener' },
    { title: t('meetings.decisions'), key: 'decisionCount', render: (_, m) => m.decisionCount },
    { title: t('meetings.done'), key: 'doneCount', render: (_, m) => m.doneCount },
  ];

  return (
    <PageContainer
      title={t('nav.meetings')}
      extra={
        <>
          <ExportButton url="/api/meetings/export.xlsx" query={list.exportQuery} />
          {can('meeting:write') && (
            <Button icon={<CalendarOutlined />} onClick={() => setScheduling(true)} data-testid="meeting-schedules">
              {t('meetings.schedules')}
            </Button>
          )}
          {can('meeting:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-meeting">
              {t('meetings.create')}
            </Button>
          )}
        </>
      }
    >
      <FilterBar form={filterForm} onSearch={list.setFilters} testId="meetings-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('meetings.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="kind">
          <EnumSelect allowClear placeholder={t('meetings.kind')} style={{ width: 150 }} values={MEETING_KINDS} label={(k) => t(`meetings.kinds.${k}`)} />
        </Form.Item>
        <Form.Item name="status">
          <EnumSelect
            allowClear
            placeholder={t('meetings.status')}
            style={{ width: 120 }}
            values={MEETING_STATUSES}
            label={(k) => t(`meetings.statuses.${k}`)}
          />
        </Form.Item>
        <DateRangeFilter style={{ width: 260 }} />
      </FilterBar>
      <ListTable list={list} result={meetings} columns={columns} testId="meetings-table" />
      {creating && <MeetingFormDrawer onClose={() => setCreating(false)} />}
      {scheduling && <SchedulesDrawer onClose={() => setScheduling(false)} />}
    </PageContainer>
  );
}
