import { App, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../../shared/modules/tasks.schemas';
import { FormModal } from '../../../components/FormModal';
import { useSaveForm } from '../../../lib/save-form';
import { useAssignTask, useAssignableUsers } from '../api';

const NOBODY = 0;

/** Names the owner unit's user who handles the task, or nobody (the unit as a whole). */
export function AssigneeModal({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ assigneeUserId: number }>();
  const users = useAssignableUsers(task.id, true);
  const assign = useAssignTask();
  const save = useSaveForm(
    form,
    ({ assigneeUserId }: { assigneeUserId: number }) => assign.mutateAsync({ id: task.id, assigneeUserId: assigneeUserId === NOBODY ? null : assigneeUserId }),
    {
      onDone: () => {
        void message.success(t('common.saved'));
        onClose();
      },
    },
  );
  return (
    <FormModal
      title={t('taskAction.assign')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      form={form}
      save={save}
      onClose={onClose}
      name="task-assignee"
      initialValues={{ assigneeUserId: task.assignee?.id ?? NOBODY }}
    >
      <Form.Item name="assigneeUserId" label={t('tasks.assignee')}>
        <Select
          loading={users.isLoading}
          options={[{ value: NOBODY, label: t('tasks.noAssignee') }, ...(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))]}
        />
      </Form.Item>
    </FormModal>
  );
}
