import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MEETING_KINDS } from '../../../../shared/modules/meetings.schemas';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useShowError } from '../../../lib/errors';
import { useCreateMeeting } from '../api';

interface Values {
  kind: string;
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

/** The office records a meeting: when, who, the agenda and minutes, and the decisions with owner unit and due date. */
export function MeetingFormDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const create = useCreateMeeting();

  const submit = async (v: Values) => {
    try {
      const meeting = await create.mutateAsync({
        kind: v.kind,
        title: v.title,
        meetingDate: v.meetingDate.format('YYYY-MM-DD'),
        location: v.location ?? '',
        convener: v.convener,
        attendees: v.attendees ?? '',
        unitIds: v.unitIds ?? [],
        agenda: v.agenda ?? '',
        minutes: v.minutes ?? '',
        decisions: (v.decisions ?? []).map((d) => ({ text: d.text, ownerUnitId: d.ownerUnitId, dueDate: d.dueDate.format('YYYY-MM-DD') })),
      });
      onClose();
      navigate(`/meetings/${meeting.id}`);
    } catch (error) {
      showError(error, form);
    }
  };

  return (
    <Drawer
      open
      size={Math.min(760, window.innerWidth)}
      title={t('meetings.create')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="meeting-save">
            {t('meetings.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'monthly', decisions: [] }} data-testid="meeting-form">
        <Form.Item name="kind" label={t('meetings.kind')} rules={[{ required: true }]}>
          <Select options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="title" label={t('meetings.title')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="meetingDate" label={t('meetings.date')} rules={[{ required: true }]}>
            <DatePicker data-testid="meeting-date" />
          </Form.Item>
          <Form.Item name="convener" label={t('meetings.convener')} rules={[{ required: true, max: 100 }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="location" label={t('meetings.location')} rules={[{ max: 200 }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Form.Item name="unitIds" label={t('meetings.units')}>
          <UnitTreeSelect multiple />
        </Form.Item>
        <Form.Item name="attendees" label={t('meetings.attendees')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="agenda" label={t('meetings.agenda')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="minutes" label={t('meetings.minutes')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
        </Form.Item>
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="start" wrap data-testid={`decision-${i}`}>
                  <Form.Item name={[field.name, 'text']} label={t('meetings.decision', { n: i + 1 })} rules={[{ required: true, max: 500 }]}>
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
      </Form>
    </Drawer>
  );
}
