import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Form, Input, InputNumber, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_KINDS, type MeetingSchedule } from '../../../../shared/modules/meetings.schemas';
import { FormModal } from '../../../components/FormModal';
import { useLocalName } from '../../../lib/names';
import { useSaveForm } from '../../../lib/save-form';
import { type ScheduleBody, useMeetingSchedules, useSaveSchedule } from '../api';
import { MeetingCommonFields } from './MeetingCommonFields';
import { EnumSelect } from '../../../components/EnumSelect';

const NEW: Partial<ScheduleBody> = { kind: 'monthly', workingDay: 10, leadWorkingDays: 5, everyMonths: 1, active: true, unitIds: [] };

/** Adds or edits one recurring meeting. */
function ScheduleModal({ schedule, onClose }: { schedule: MeetingSchedule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ScheduleBody>();
  const saveSchedule = useSaveSchedule();
  const initial = schedule ? { ...schedule, unitIds: schedule.units.map((u) => u.id) } : NEW;

  const save = useSaveForm(
    form,
    (v: ScheduleBody) =>
      saveSchedule.mutateAsync({
        id: schedule?.id,
        body: {
          ...v,
          startMonth: v.startMonth || null,
          location: v.location ?? '',
          attendees: v.attendees ?? '',
          agenda: v.agenda ?? '',
          unitIds: v.unitIds ?? [],
        },
      }),
    { onDone: onClose },
  );

  return (
    <FormModal
      width={640}
      title={schedule ? t('meetings.editSchedule') : t('meetings.newSchedule')}
      okText={t('meetings.save')}
      cancelText={t('common.cancel')}
      form={form}
      save={save}
      onClose={onClose}
      okTestId="schedule-save"
      initialValues={initial}
      formTestId="schedule-form"
    >
      <Space wrap>
        <Form.Item name="kind" label={t('meetings.kind')} rules={[{ required: true }]}>
          <EnumSelect values={MEETING_KINDS} label={(k) => t(`meetings.kinds.${k}`)} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="active" label={t('meetings.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
      <Form.Item name="title" label={t('meetings.scheduleTitle')} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input placeholder={t('meetings.scheduleTitlePlaceholder')} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="workingDay" label={t('meetings.workingDay')} rules={[{ required: true }]}>
          <InputNumber min={1} max={20} precision={0} style={{ width: 140 }} data-testid="schedule-working-day" />
        </Form.Item>
        <Form.Item name="leadWorkingDays" label={t('meetings.leadWorkingDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={15} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="everyMonths" label={t('meetings.everyMonths')} rules={[{ required: true }]}>
          <InputNumber min={1} max={12} precision={0} style={{ width: 140 }} data-testid="schedule-every-months" />
        </Form.Item>
        <Form.Item name="startMonth" label={t('meetings.startMonth')} rules={[{ pattern: /^\d{4}-(0[1-9]|1[0-2])$/ }]}>
          <Input placeholder="2021-01" style={{ width: 140 }} allowClear />
        </Form.Item>
      </Space>
      <MeetingCommonFields />
    </FormModal>
  );
}

/** 例会安排: the recurring meetings, each on the n-th working day of the month, with the date it next meets. */
export function SchedulesDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const schedules = useMeetingSchedules(true);
  const [editing, setEditing] = useState<MeetingSchedule | null | undefined>(undefined);

  return (
    <Drawer
      open
      size={Math.min(880, window.innerWidth)}
      title={t('meetings.schedules')}
      onClose={onClose}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="create-schedule">
          {t('meetings.newSchedule')}
        </Button>
      }
    >
      <Alert type="info" showIcon title={t('meetings.schedulesIntro')} style={{ marginBottom: 16 }} />
      <Table<MeetingSchedule>
        size="small"
        rowKey="id"
        pagination={false}
        loading={schedules.isLoading}
        dataSource={schedules.data?.items}
        locale={{ emptyText: t('meetings.noSchedules') }}
        scroll={{ x: 820 }}
        tableLayout="fixed"
        data-testid="schedules-table"
        columns={[
          { title: t('meetings.title'), dataIndex: 'title', key: 'title', width: 180 },
          { title: t('meetings.kind'), key: 'kind', width: 110, render: (_, s) => t(`meetings.kinds.${s.kind}`) },
          {
            title: t('meetings.workingDay'),
            key: 'workingDay',
            width: 150,
            render: (_, s) =>
              s.everyMonths > 1
                ? t('meetings.everyMonthsValue', { n: s.workingDay, every: s.everyMonths })
                : t('meetings.workingDayValue', { n: s.workingDay }),
          },
          { title: t('meetings.nextDate'), key: 'nextDate', width: 110, render: (_, s) => s.nextDate ?? '—' },
          // A schedule often has every township: one line, the whole list on hover.
          { title: t('meetings.units'), key: 'units', ellipsis: true, render: (_, s) => s.units.map((u) => localName(u)).join('、') || '—' },
          {
            title: t('meetings.status'),
            key: 'active',
            width: 80,
            render: (_, s) => (s.active ? <Tag color="green">{t('meetings.active')}</Tag> : <Tag>{t('meetings.inactive')}</Tag>),
          },
          {
            title: '',
            key: 'edit',
            width: 56,
            render: (_, s) => <Button type="link" icon={<EditOutlined />} aria-label={t('meetings.editSchedule')} onClick={() => setEditing(s)} />,
          },
        ]}
      />
      {editing !== undefined && <ScheduleModal schedule={editing} onClose={() => setEditing(undefined)} />}
    </Drawer>
  );
}
