import { Form, Input, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';

/** Who convenes, where, who attends and on what: the fields a meeting and a recurring schedule of meetings share. */
export function MeetingCommonFields({ leading }: { leading?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <Space wrap>
        {leading}
        <Form.Item name="convener" label={t('meetings.convener')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="location" label={t('meetings.location')} rules={[{ max: 200 }]}>
          <Input style={{ width: 260 }} />
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
    </>
  );
}
