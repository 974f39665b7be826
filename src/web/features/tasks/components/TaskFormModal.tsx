import { useQuery } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Page } from '../../../../shared/list';
import type { User } from '../../../../shared/modules/admin.schemas';
import { FormModal } from '../../../components/FormModal';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { api } from '../../../lib/api';
import { useSaveForm } from '../../../lib/save-form';
import { dueSoonWorkingDays } from '../../../../shared/rules/task-deadline';
import { useCreateTask } from '../api';

interface Values {
  title: string;
  description?: string;
  ownerUnitId: number;
  assigneeUserId?: number;
  coUnitIds?: number[];
  dueMode: 'days' | 'date';
  dueInWorkingDays?: number;
  dueDate?: Dayjs;
}

/**
 * The due date and the first due-soon day of a task due in `days` working days from today, on the county calendar,
 * as the task engine will set them (due soon once 80 % of the working days have passed).
 */
function useDuePreview(days: number | undefined) {
  const today = dayjs().format('YYYY-MM-DD');
  const valid = typeof days === 'number' && days >= 1 && days <= 250;
  const at = (add: number) => api.get<{ date: string }>(`/api/calendar/working-day?from=${today}&add=${add}`).then((r) => r.date);
  const query = useQuery({
    queryKey: ['calendar', 'due-preview', today, days],
    queryFn: async () => ({ due: await at(days as number), soon: await at(dueSoonWorkingDays(days as number)) }),
    enabled: valid,
  });
  return valid ? query.data : undefined;
}

/** The office assigns an ad-hoc 督办 task to any unit, due in working days or by a date. */
export function TaskFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateTask();
  const ownerUnitId = Form.useWatch('ownerUnitId', form);
  const dueMode = Form.useWatch('dueMode', form) ?? 'days';
  const days = Form.useWatch('dueInWorkingDays', form);
  const preview = useDuePreview(dueMode === 'days' ? days : undefined);
  const [touched, setTouched] = useState(false);
  // The assignee is one of the owner unit's active users.
  const users = useQuery({
    queryKey: ['users', 'of-unit', ownerUnitId],
    queryFn: () => api.get<Page<User>>(`/api/users?unitId=${ownerUnitId}&active=true&pageSize=200`),
    enabled: !!ownerUnitId,
  });

  const save = useSaveForm(
    form,
    (v: Values) =>
      create.mutateAsync({
        title: v.title,
        description: v.description ?? '',
        ownerUnitId: v.ownerUnitId,
        assigneeUserId: v.assigneeUserId,
        coUnitIds: v.coUnitIds ?? [],
        ...(v.dueMode === 'days' ? { dueInWorkingDays: v.dueInWorkingDays } : { dueDate: v.dueDate?.format('YYYY-MM-DD') }),
      }),
    {
      onDone: (task) => {
        void message.success(t('tasks.created'));
        onClose();
        navigate(`/tasks/${task.id}`);
      },
    },
  );

  return (
    <FormModal
      title={t('tasks.create')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      maskClosable={!touched}
      width={600}
      form={form}
      save={save}
      onClose={onClose}
      name="task"
      onValuesChange={() => setTouched(true)}
      initialValues={{ dueMode: 'days', dueInWorkingDays: 5 }}
      formTestId="task-form"
    >
      <Form.Item name="title" label={t('tasks.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('tasks.description')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="ownerUnitId" label={t('tasks.ownerUnit')} rules={[{ required: true, message: t('common.required') }]}>
        <UnitTreeSelect onChange={() => form.setFieldValue('assigneeUserId', undefined)} />
      </Form.Item>
      <Form.Item name="assigneeUserId" label={t('tasks.assignee')}>
        <Select
          allowClear
          disabled={!ownerUnitId}
          loading={users.isFetching}
          options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
        />
      </Form.Item>
      <Form.Item name="coUnitIds" label={t('tasks.coUnits')}>
        <UnitTreeSelect multiple />
      </Form.Item>
      <Form.Item name="dueMode" label={t('tasks.dueMode')}>
        <Radio.Group
          options={[
            { value: 'days', label: t('tasks.dueInWorkingDays') },
            { value: 'date', label: t('tasks.dueByDate') },
          ]}
        />
      </Form.Item>
      {dueMode === 'days' ? (
        <Form.Item name="dueInWorkingDays" rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} max={250} suffix={t('tasks.workingDaysSuffix')} style={{ width: 200 }} />
        </Form.Item>
      ) : null}
      {dueMode === 'days' && preview && (
        <Typography.Paragraph type="secondary" data-testid="due-preview" style={{ marginTop: -12 }}>
          {t('tasks.duePreview', preview)}
        </Typography.Paragraph>
      )}
      {dueMode === 'date' && (
        <Form.Item name="dueDate" rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
      )}
    </FormModal>
  );
}
