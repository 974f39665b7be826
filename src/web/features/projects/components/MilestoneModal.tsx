import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../../shared/modules/projects.schemas';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useShowError } from '../../../lib/errors';
import { useAddMilestone, useUpdateMilestone } from '../api';

interface Values {
  name?: string;
  ownerUnitId?: number;
  dueDate?: Dayjs;
  metDate?: Dayjs | null;
  note?: string;
}

/**
 * Records a milestone: its department says when it was met (finishing its 督办 task) and adds a note; the office may
 * also move its date or give it to another department. Without a milestone, the office adds one to the set.
 */
export function MilestoneModal({ projectId, milestone, manage, onClose }: { projectId: number; milestone?: Milestone; manage: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const update = useUpdateMilestone(projectId);
  const add = useAddMilestone(projectId);
  const day = (d: Dayjs) => d.format('YYYY-MM-DD');

  const submit = async (v: Values) => {
    try {
      if (!milestone) {
        await add.mutateAsync({ name: v.name ?? '', ownerUnitId: v.ownerUnitId ?? 0, dueDate: v.dueDate ? day(v.dueDate) : '' });
      } else {
        await update.mutateAsync({
          milestoneId: milestone.id,
          metDate: v.metDate ? day(v.metDate) : null,
          note: v.note ?? '',
          ...(manage && v.dueDate && day(v.dueDate) !== milestone.dueDate ? { dueDate: day(v.dueDate) } : {}),
          ...(manage && v.ownerUnitId && v.ownerUnitId !== milestone.ownerUnit.id ? { ownerUnitId: v.ownerUnitId } : {}),
        });
      }
      onClose();
    } catch (error) {
      showError(error, form);
    }
  };

  return (
    <Modal
      open
      title={milestone ? `${t('projects.recordMet')} · ${milestone.name}` : t('projects.addMilestone')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending || add.isPending}
      okButtonProps={{ id: 'milestone-save' }}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          milestone
            ? {
                metDate: milestone.metDate ? dayjs(milestone.metDate) : null,
                note: milestone.note,
                dueDate: dayjs(milestone.dueDate),
                ownerUnitId: milestone.ownerUnit.id,
              }
            : {}
        }
      >
        {!milestone && (
          <Form.Item name="name" label={t('projects.milestone')} rules={[{ required: true }]}>
            <Input maxLength={60} />
          </Form.Item>
        )}
        {(manage || !milestone) && (
          <>
            <Form.Item name="ownerUnitId" label={t('projects.ownerUnit')} rules={[{ required: true }]}>
              <UnitTreeSelect />
            </Form.Item>
            <Form.Item name="dueDate" label={t('projects.dueDate')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {milestone && (
          <>
            <Form.Item name="metDate" label={t('projects.metDate')}>
              <DatePicker style={{ width: '100%' }} data-testid="milestone-met-date" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="note" label={t('projects.note')}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
