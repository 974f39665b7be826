import { Button, Empty, Form, Input, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskDetail, TaskEvent } from '../../../../shared/modules/tasks.schemas';
import { formatDateTime } from '../../../lib/format';
import { useSaveForm } from '../../../lib/save-form';
import { useCommentTask } from '../api';

const COLOR: Record<TaskEvent['kind'], string> = { created: 'blue', transition: 'green', comment: 'gray', escalation: 'red', assigned: 'blue' };

/** The task's history (who, when, what, why), comments and escalations in one column, with the comment box below. */
export function TaskTimeline({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  const comment = useCommentTask();
  const save = useSaveForm(form, ({ text }: { text: string }) => comment.mutateAsync({ id: task.id, text: text.trim() }), { onDone: () => form.resetFields() });

  const eventLabel = (e: TaskEvent) => {
    if (e.kind === 'transition')
      return t('taskEvent.transition', { from: t(`taskStatus.${e.fromStatus as 'open'}`), to: t(`taskStatus.${e.toStatus as 'open'}`) });
    if (e.kind === 'escalation') return t(`taskEvent.escalation${e.text as '1' | '2' | '3'}`);
    if (e.kind === 'assigned') return e.text ? `${t('taskEvent.assigned')}${t('tasks.colon')}${e.text}` : t('taskEvent.unassigned');
    return t(`taskEvent.${e.kind}`);
  };

  return (
    <div data-testid="task-timeline">
      {task.events.length === 0 ? (
        <Empty description={t('tasks.noEvents')} />
      ) : (
        <Timeline
          items={task.events.map((e) => ({
            key: e.id,
            color: COLOR[e.kind],
            content: (
              <div>
                <Typography.Text strong>{eventLabel(e)}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {e.user?.displayName ?? t('taskEvent.system')} · {formatDateTime(e.at)}
                </Typography.Text>
                {e.text && (e.kind === 'comment' || e.kind === 'transition') && (
                  <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                    {e.kind === 'transition'
                      ? `${e.toStatus === 'returned' || e.toStatus === 'cancelled' ? t('tasks.reason') : t('tasks.noteLabel')}${t('tasks.colon')}`
                      : ''}
                    {e.text}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          }))}
        />
      )}
      {task.actions.includes('comment') && (
        <Form form={form} style={{ marginTop: 12 }} name="task-comment" onFinish={save.onFinish}>
          <Form.Item name="text" rules={[{ required: true, whitespace: true, message: t('common.required') }]} style={{ marginBottom: 8 }}>
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('tasks.commentPlaceholder')} />
          </Form.Item>
          <Button htmlType="submit" loading={comment.isPending} data-testid="task-comment-submit">
            {t('tasks.addComment')}
          </Button>
        </Form>
      )}
    </div>
  );
}
