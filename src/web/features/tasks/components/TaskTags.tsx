import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineState, TaskStatus } from '../../../../shared/rules/task-deadline';
import { CATALOGUES } from '../../../lib/i18n';

/** Every task type a label exists for: the core's and each feature's (`taskType` in their strings). */
export function taskTypes(): string[] {
  return Object.keys(CATALOGUES['zh-CN'].taskType as Record<string, string>);
}

const STATUS_COLOR: Record<TaskStatus, string> = {
  open: 'default',
  in_progress: 'processing',
  submitted: 'purple',
  returned: 'warning',
  done: 'success',
  cancelled: 'default',
};
const STATE_COLOR: Record<DeadlineState, string> = {
  on_track: 'green',
  due_soon: 'orange',
  overdue: 'red',
  done_on_time: 'green',
  done_late: 'volcano',
  cancelled: 'default',
};

/** A task's workflow status. */
export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`taskStatus.${status}`)}</Tag>;
}

/** A task's deadline state (on track, due soon, overdue, done on time or late). */
export function TaskStateTag({ state }: { state: DeadlineState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} data-testid="task-state">
      {t(`taskState.${state}`)}
    </Tag>
  );
}

/** The label of a task type; types this build does not know show their code. */
export function useTaskTypeLabel(): (type: string) => string {
  const { t, i18n } = useTranslation();
  return (type) => (i18n.exists(`taskType.${type}`) ? t(`taskType.${type}` as never) : type);
}
