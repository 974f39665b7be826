import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, List, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MEETING_KINDS, MEETING_STATUSES, type Meeting } from '../../../../shared/modules/meetings.schemas';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { FormDrawer } from '../../../components/FormDrawer';
import { useLocalName } from '../../../lib/names';
import { useSaveForm } from '../../../lib/save-form';
import { type NewMeeting, useCreateMeeting, useUpdateMeeting } from '../api';
import { MeetingCommonFields } from './MeetingCommonFields';
import { EnumSelect } from '../../../components/EnumSelect';

interface Values {
  kind: NewMeeting['kind'];
  status: Meeting['status'];
  title: string;
  meetingDate: Dayjs;
  location?: string;
  convener: string;
  attendees?: string;
  unitIds?: number[];
  agenda?: string;
  minutes?: string;
  decisions?: { text: string; ownerUnitId: number; dueDate: Dayjs }[];
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
// The server names new decisions `newDecisions.i.field`; the form calls them `decisions`.
const decisionPath = (name: string) => name.replace(/^newDecisions\./, 'decisions.');

function initialValues(meeting?: Meeting): Partial<Values> {
  if (!meeting) return { kind: 'monthly', status: 'held', decisions: [] };
  return {
    kind: meeting.kind,
    // Opening a planned meeting here is how it is recorded: it is held by the time its minutes are written.
    status: 'held',
    title: meeting.title,
    meetingDate: dayjs(meeting.meetingDate),
    location: meeting.location,
    convener: meeting.convener,
    attendees: meeting.attendees,
    unitIds: meeting.units.map((u) => u.id),
    agenda: meeting.agenda,
    minutes: meeting.minutes,
    decisions: [],
  };
}

/**
 * The office records a meeting (when, who, the agenda and minutes, the decisions with owner unit and due date), or
 * edits one: a planned meeting is recorded as held, and decisions are added; decisions already made stay as they are.
 */
export function MeetingFormDrawer({ meeting, onClose }: { meeting?: Meeting; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localName = useLocalName();
  const [form] = Form.useForm<Values>();
  const create = useCreateMeeting();
  const update = useUpdateMeeting(meeting?.id ?? 0);

  const submit = async (v: Values) => {
    const decisions = (v.decisions ?? []).map((d) => ({ text: d.text, ownerUnitId: d.ownerUnitId, dueDate: day(d.dueDate) }));
    const fields = {
      title: v.title,
      meetingDate: day(v.meetingDate),
      location: v.location ?? '',
      convener: v.convener,
      attendees: v.attendees ?? '',
      unitIds: v.unitIds ?? [],
      agenda: v.agenda ?? '',
      minutes: v.minutes ?? '',
    };
    if (meeting) {
      await update.mutateAsync({ ...fields, status: v.status, newDecisions: decisions });
      return undefined;
    }
    return create.mutateAsync({ ...fields, kind: v.kind, status: v.status, decisions });
  };
  const save = useSaveForm(form, submit, {
    rename: decisionPath,
    onDone: (created) => {
      onClose();
      if (created) navigate(`/meetings/${created.id}`);
    },
  });

  return (
    <FormDrawer
      title={meeting ? t('meetings.edit') : t('meetings.create')}
      form={form}
      save={save}
      onClose={onClose}
      width={760}
      saveTestId="meeting-save"
      saveLabel={t('meetings.save')}
      initialValues={initialValues(meeting)}
      formTestId="meeting-form"
    >
      {meeting?.status === 'planned' && <Alert type="info" showIcon title={t('meetings.heldHint')} style={{ marginBottom: 16 }} />}
      <Space wrap>
        <Form.Item name="kind" label={t('meetings.kind')} rules={[{ required: true }]}>
          <EnumSelect disabled={!!meeting} values={MEETING_KINDS} label={(k) => t(`meetings.kinds.${k}`)} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="status" label={t('meetings.status')} rules={[{ required: true }]}>
          <EnumSelect values={MEETING_STATUSES} label={(s) => t(`meetings.statuses.${s}`)} style={{ width: 140 }} data-testid="meeting-status" />
        </Form.Item>
      </Space>
      <Form.Item name="title" label={t('meetings.title')} rules={[{ required: true, max: 200 }]}>
        <Input />
      </Form.Item>
      <MeetingCommonFields
        leading={
          <Form.Item name="meetingDate" label={t('meetings.date')} rules={[{ required: true }]}>
            <DatePicker data-testid="meeting-date" />
          </Form.Item>
        }
      />
      <Form.Item name="minutes" label={t('meetings.minutes')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} data-testid="meeting-minutes" />
      </Form.Item>
      {meeting && meeting.decisions.length > 0 && (
        <Form.Item label={t('meetings.decisions')}>
          <List
            size="small"
            bordered
            dataSource={meeting.decisions}
            renderItem={(d) => <List.Item>{t('meetings.decisionLine', { seq: d.seq, text: d.text, unit: localName(d.ownerUnit), due: d.dueDate })}</List.Item>}
          />
        </Form.Item>
      )}
      <Form.List name="decisions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} align="start" wrap data-testid={`decision-${i}`}>
                <Form.Item
                  name={[field.name, 'text']}
                  label={t('meetings.decision', { n: (meeting?.decisions.length ?? 0) + i + 1 })}
                  rules={[{ required: true, max: 500 }]}
                >
                  <Input style={{ width: 280 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'ownerUnitId']} label={t('meetings.ownerUnit')} rules={[{ required: true }]}>
                  <UnitTreeSelect style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'dueDate']} label={t('meetings.dueDate')} rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('meetings.removeDecision')}
                  onClick={() => remove(field.name)}
                  style={{ marginTop: 30 }}
                />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="add-decision">
              {t('meetings.addDecision')}
            </Button>
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}
