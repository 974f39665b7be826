import { App, Descriptions, Form, Input, Modal, Radio, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDayView } from '../../../../shared/modules/calendar.schemas';
import { type DayKind, useSetCalendarDay } from '../api';
import { useLocalName } from '../../../lib/names';
import { useSaveForm } from '../../../lib/save-form';

interface Props {
  date: string | null;
  exception: CalendarDayView | undefined;
  canEdit: boolean;
  onClose: () => void;
}

/** A weekday name from a date, Monday = 0 in the labels. */
function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** One day: what it is, and for the office a form to make it a holiday, a make-up working day or a normal day. */
export function DayEditor({ date, exception, canEdit, onClose }: Props) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<{ kind: DayKind; name: string }>();
  const save = useSetCalendarDay();
  const saveDay = useSaveForm(
    form,
    (values: { kind: DayKind; name: string }) => save.mutateAsync({ date: date as string, kind: values.kind, name: values.name ?? '' }),
    {
      onDone: () => {
        void message.success(t('common.saved'));
        onClose();
      },
    },
  );

  useEffect(() => {
    if (date) form.setFieldsValue({ kind: exception?.kind ?? 'normal', name: exception?.name ?? '' });
  }, [date, exception, form]);

  if (!date) return null;
  const weekday = weekdayIndex(date);
  const weekend = weekday >= 5;
  const status = exception?.kind === 'holiday' ? 'holiday' : exception?.kind === 'workday' ? 'workday' : weekend ? 'weekend' : 'normal';
  const weekdays = t('calendar.weekdays', { returnObjects: true }) as string[];

  async function submit() {
    const values = await form.validateFields();
    modal.confirm({
      title: t('calendar.confirmTitle'),
      content: t('calendar.confirmContent', { date, kind: t(`calendar.choice.${values.kind}`) }),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: () => saveDay.onFinish(values),
    });
  }

  return (
    <Modal
      open
      title={t('calendar.dayTitle', { date, weekday: weekdays[weekday] })}
      onCancel={onClose}
      onOk={canEdit ? submit : onClose}
      okText={canEdit ? t('common.save') : t('common.ok')}
      cancelButtonProps={canEdit ? undefined : { style: { display: 'none' } }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Descriptions size="small" column={1} style={{ marginBottom: canEdit ? 16 : 0 }}>
        <Descriptions.Item label={t('calendar.status')}>
          <Tag color={status === 'holiday' ? 'red' : status === 'workday' ? 'orange' : status === 'weekend' ? 'default' : 'blue'}>
            {t(`calendar.statusLabel.${status}`)}
          </Tag>
        </Descriptions.Item>
        {exception?.name && <Descriptions.Item label={t('calendar.note')}>{localName({ nameZh: exception.name, nameEn: exception.nameEn })}</Descriptions.Item>}
      </Descriptions>
      {canEdit && (
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label={t('calendar.setAs')} rules={[{ required: true, message: t('common.required') }]}>
            <Radio.Group
              optionType="button"
              options={(['holiday', 'workday', 'normal'] as const).map((kind) => ({ value: kind, label: t(`calendar.choice.${kind}`) }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('calendar.note')} extra={t('calendar.noteHint')}>
            <Input maxLength={40} showCount placeholder={t('calendar.notePlaceholder')} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
