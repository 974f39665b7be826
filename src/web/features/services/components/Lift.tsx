import { Card, DatePicker, Descriptions, Form, Input, Modal, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ServiceRequest } from '../../../../shared/modules/services.schemas';
import { useSaveForm } from '../../../lib/save-form';
import { useLocalName } from '../../../lib/names';
import { useDecideLift, useDispatchMeetings, useHandoverUnits, useScheduleLift } from '../api';

const COLORS = { requested: 'warning', scheduled: 'processing', decided: 'success' } as const;

/** The request's lift to a 调度会: who asked and why, the meeting (a link), and its decision with the follow-up task. */
export function LiftCard({ r }: { r: ServiceRequest }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const lift = r.lift;
  if (!lift) return null;
  return (
    <Card
      title={t('services.lift.title')}
      size="small"
      extra={<Tag color={COLORS[lift.status]}>{t(`services.lift.status.${lift.status}`)}</Tag>}
      data-testid="request-lift"
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('services.lift.requestedBy')}>{localName(lift.unit)}</Descriptions.Item>
        <Descriptions.Item label={t('services.lift.reason')}>{lift.reason}</Descriptions.Item>
        {lift.meeting && (
          <Descriptions.Item label={t('services.lift.meeting')}>
            <Link to={`/meetings/${lift.meeting.id}`} data-testid="lift-meeting">
              {lift.meeting.title}（{lift.meeting.meetingDate}）
            </Link>
          </Descriptions.Item>
        )}
        {lift.decision && (
          <Descriptions.Item label={t('services.lift.decision')}>
            {lift.decision.text} · {localName(lift.decision.ownerUnit)} · {lift.decision.dueDate}{' '}
            {lift.decision.taskId && <Link to={`/tasks/${lift.decision.taskId}`}>#{lift.decision.taskId}</Link>}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** The office puts the request on a 调度会, or records the meeting's decision on it. */
export function LiftModals({ r, dialog, onClose }: { r: ServiceRequest; dialog: 'schedule' | 'decide'; onClose: () => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const [form] = Form.useForm<{ meetingId: number; text: string; ownerUnitId: number; dueDate: Dayjs }>();
  const meetings = useDispatchMeetings(dialog === 'schedule');
  const units = useHandoverUnits();
  const schedule = useScheduleLift(r.id);
  const decide = useDecideLift(r.id);
  const save = useSaveForm(
    form,
    (v) =>
      dialog === 'schedule'
        ? schedule.mutateAsync(v.meetingId)
        : decide.mutateAsync({ text: v.text, ownerUnitId: v.ownerUnitId, dueDate: v.dueDate.format('YYYY-MM-DD') }),
    { onDone: onClose },
  );
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal
      open
      title={t(dialog === 'schedule' ? 'services.lift.schedule' : 'services.lift.decide')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: schedule.isPending || decide.isPending }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={save.onFinish}>
        {dialog === 'schedule' ? (
          <Form.Item
            name="meetingId"
            label={t('services.lift.meeting')}
            rules={required}
            extra={meetings.data?.items.length === 0 ? t('services.lift.noMeetings') : undefined}
          >
            <Select
              loading={meetings.isLoading}
              options={meetings.data?.items.map((m) => ({ value: m.id, label: `${m.meetingDate} ${m.title}` }))}
              data-testid="lift-meeting-select"
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="text" label={t('services.lift.decisionText')} rules={required}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
            <Form.Item name="ownerUnitId" label={t('services.lift.ownerUnit')} rules={required}>
              <Select showSearch optionFilterProp="label" options={units.data?.items.map((u) => ({ value: u.id, label: localName(u) }))} />
            </Form.Item>
            <Form.Item name="dueDate" label={t('services.lift.dueDate')} rules={required}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
