import type { Locale } from '../../../shared/i18n/messages';
import type { Task } from '../../../shared/modules/tasks.schemas';
import type { ExportColumn } from '../excel/export';

const STATUS = {
  open: ['待办理', 'Open'],
  in_progress: ['办理中', 'In progress'],
  submitted: ['待审核', 'Submitted'],
  returned: ['已退回', 'Returned'],
  done: ['已办结', 'Done'],
  cancelled: ['已撤销', 'Cancelled'],
} as const;
const STATE = {
  on_track: ['正常', 'On track'],
  due_soon: ['临期', 'Due soon'],
  overdue: ['超期', 'Overdue'],
  done_on_time: ['按期办结', 'Done on time'],
  done_late: ['超期办结', 'Done late'],
  cancelled: ['已撤销', 'Cancelled'],
} as const;
const TYPE: Record<string, readonly [string, string]> = { adhoc: ['交办督办', 'Ad-hoc'] };

/** The columns of the task list, in the list's order, in the reader's language. */
export function TASK_EXPORT_COLUMNS(locale: Locale): ExportColumn<Task>[] {
  const i = locale === 'en-US' ? 1 : 0;
  const unit = (u: { nameZh: string; nameEn: string }) => (i ? u.nameEn : u.nameZh);
  return [
    { zh: '事项', en: 'Task', width: 40, value: (t) => t.title },
    { zh: '类型', en: 'Type', width: 12, value: (t) => TYPE[t.type]?.[i] ?? t.type },
    { zh: '承办单位', en: 'Owner unit', width: 24, value: (t) => unit(t.ownerUnit) },
    { zh: '经办人', en: 'Assignee', width: 12, value: (t) => t.assignee?.displayName ?? '' },
    { zh: '状态', en: 'Status', width: 10, value: (t) => STATUS[t.status][i] },
    { zh: '时限状态', en: 'Deadline', width: 12, value: (t) => STATE[t.state][i] },
    { zh: '交办日期', en: 'Created', width: 12, value: (t) => t.createdDate },
    { zh: '截止日期', en: 'Due', width: 12, value: (t) => t.dueDate },
  ];
}
