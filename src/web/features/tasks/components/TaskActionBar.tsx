import { App, Button, Form, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskAction, TaskDetail } from '../../../../shared/modules/tasks.schemas';
import { AttachmentsPanel } from '../../../components/AttachmentsPanel';
import { useShowError } from '../../../lib/errors';
import { useSaveForm } from '../../../lib/save-form';
import { useTransitionTask } from '../api';

type Transition = Exclude<TaskAction, 'comment' | 'assign'>;

/** Return and cancel need a reason; submit may carry a note; start and accept go straight through (accept confirmed). */
const NEEDS_REASON = new Set<Transition>(['return', 'cancel']);
const ASKS_NOTE = new Set<Transition>(['submit', 'return', 'cancel']);

/** The buttons for what the user may do with the task now, as the server lists them. */
export function TaskActionBar({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const transition = useTransitionTask();
  const showError = useShowError();
  const [asking, setAsking] = useState<Transition | null>(null);
  const [form] = Form.useForm<{ reason?: string }>();
  // Comments and the assignee have their own places on the page.
  const actions = task.actions.filter((a): a is Transition => a !== 'comment' && a !== 'assign');

  const done = (action: Transition) => {
    void message.success(t(`taskActionDone.${action}`));
    setAsking(null);
    form.resetFields();
  };
  // Start and accept go straight through; the others save the dialog's note or reason.
  const run = (action: Transition) => transition.mutate({ id: task.id, action }, { onSuccess: () => done(action), onError: (error) => showError(error) });
  const ask = useSaveForm(
    form,
    ({ reason }: { reason?: string }) => transition.mutateAsync({ id: task.id, action: asking as Transition, reason: reason?.trim() || undefined }),
    { onDone: () => done(asking as Transition) },
  );
  if (actions.length === 0) return null;

  return (
    <>
      <Space wrap data-testid="task-actions">
        {actions.map((action) => {
          const danger = action === 'cancel' || action === 'return';
          const primary = action === 'submit' || action === 'accept';
          const button = (
            <Button
              key={action}
              type={primary ? 'primary' : 'default'}
              danger={danger}
              loading={transition.isPending && transition.variables?.action === action}
              onClick={ASKS_NOTE.has(action) ? () => setAsking(action) : action === 'start' ? () => run(action) : undefined}
              data-testid={`task-action-${action}`}
            >
              {t(`taskAction.${action}`)}
            </Button>
          );
          return action === 'accept' ? (
            <Popconfirm key={action} title={t('tasks.confirmAccept')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => run(action)}>
              {button}
            </Popconfirm>
          ) : (
            button
          );
        })}
      </Space>
      {asking && (
        <Modal
          open
          title={t(`taskAction.${asking}`)}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: NEEDS_REASON.has(asking), id: 'task-action-confirm' }}
          confirmLoading={transition.isPending}
          onOk={() => form.submit()}
          onCancel={() => setAsking(null)}
        >
          {asking === 'cancel' && <p>{t('tasks.confirmCancel')}</p>}
          {asking === 'submit' && (
            <div style={{ marginBottom: 16 }} data-testid="submit-files">
              <Typography.Text type="secondary">{t('tasks.submitFiles')}</Typography.Text>
              <AttachmentsPanel ownerType="task" ownerId={task.id} canWrite />
            </div>
          )}
          <Form form={form} name="task-transition" layout="vertical" onFinish={ask.onFinish}>
            <Form.Item
              name="reason"
              label={NEEDS_REASON.has(asking) ? t('tasks.reason') : t('tasks.note')}
              rules={NEEDS_REASON.has(asking) ? [{ required: true, whitespace: true, message: t('tasks.reasonRequired') }] : []}
            >
              <Input.TextArea rows={3} maxLength={2000} autoFocus />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
