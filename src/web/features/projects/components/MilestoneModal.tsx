import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../../shared/modules/projects.schemas';
import { FormModal } from '../../../components/FormModal';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useSaveForm } from '../../../lib/save-form';
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
  const [form] = Form.useForm<Values>();
  const update = useUpdateMilestone(projectId);
  const add = useAddMilestone(projectId);
  const day = (d: Dayjs) => d.format('YYYY-MM-DD');

  const save = useSaveForm(
    form,
    (v: Values) =>
      milestone
        ? update.mutateAsync({
            milestoneId: milestone.id,
            metDate: v.metDate ? day(v.metDate) : null,
            note: v.note ?? '',
            ...(manage && v.dueDate && day(v.dueDate) !== milestone.dueDate ? { dueDate: day(v.dueDate) } : {}),
            ...(manage && v.ownerUnitId && v.ownerUnitId !== milestone.ownerUnit.id ? { ownerUnitId: v.ownerUnitId } : {}),
          })
        : add.mutateAsync({ name: v.name ?? '', ownerUnitId: v.ownerUnitId ?? 0, dueDate: v.dueDate ? day(v.dueDate) : '' }),
    { onDone: onClose },
  );

  return (
    <FormModal
      title={milestone ? `${t('projects.recordMet')} · ${milestone.name}` : t('projects.addMilestone')}
      form={form}
      save={save}
      onClose={onClose}
      okId="milestone-save"
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
    </FormModal>
  );
}
