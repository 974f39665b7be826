import { App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../../shared/modules/tasks.schemas';
import { useShowError } from '../../../lib/errors';
import { useAssignTask, useAssignableUsers } from '../api';

const NOBODY = 0;

/** Names the owner unit's user who handles the task, or nobody (the unit as a whole). */
export function AssigneeModal({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ assigneeUserId: number }>();
  const users = useAssignableUsers(task.id, true);
  const assign = useAssignTask();
  const showError = useShowError();
  const submit = ({ assigneeUserId }: { assigneeUserId: number }) =>
    assign.mutate(
      { id: task.id, assigneeUserId: assigneeUserId === NOBODY ? null : assigneeUserId },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );
  return (
    <Modal
      open
      title={t('taskAction.assign')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={assign.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} name="task-assignee" layout="vertical" onFinish={submit} initialValues={{ assigneeUserId: task.assignee?.id ?? NOBODY }}>
        <Form.Item name="assigneeUserId" label={t('tasks.assignee')}>
          <Select
            loading={users.isLoading}
            options={[{ value: NOBODY, label: t('tasks.noAssignee') }, ...(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
