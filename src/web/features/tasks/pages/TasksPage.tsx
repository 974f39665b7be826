import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task } from '../../../../shared/modules/tasks.schemas';
import { DEADLINE_STATES, TASK_STATUSES } from '../../../../shared/rules/task-deadline';
import { DateRangeFilter } from '../../../components/DateRangeFilter';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useCan } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { type TaskFilters, useTasks } from '../api';
import { TaskFormModal } from '../components/TaskFormModal';
import { TaskStateTag, TaskStatusTag, useTaskTypeLabel, taskTypes } from '../components/TaskTags';
import { EnumSelect } from '../../../components/EnumSelect';

type View = 'mine' | 'unit' | 'all';

const TITLES = { mine: 'nav.myTasks', unit: 'nav.unitTasks', all: 'nav.allTasks' } as const;

/** A list of tasks in one view, with the filters, paging, sorting and export every list has. */
function TasksPage({ view }: { view: View }) {
  const { t } = useTranslation();
  const can = useCan();
  const localName = useLocalName();
  const typeLabel = useTaskTypeLabel();
  const [filterForm] = Form.useForm<TaskFilters>();
  const list = useListParams<TaskFilters & { view: View }>({ view }, { sort: 'dueDate', order: 'asc' });
  const tasks = useTasks(list.query);
  const [creating, setCreating] = useState(false);

  const onSearch = (filters: TaskFilters) => list.setFilters({ ...filters, view });

  // Exactly the columns of the .xlsx export (server: core/tasks/tasks.export.ts).
  const columns: TableColumnsType<Task> = [
    {
      title: t('tasks.title'),
      key: 'title',
      sorter: true,
      sortOrder: list.sortOrderOf('title'),
      render: (_, task) => (
        <Space size={4} wrap>
          <Link to={`/tasks/${task.id}`}>{task.title}</Link>
          {task.escalationStep >= 3 && <Tag color="red">{t('tasks.listedForNotice')}</Tag>}
        </Space>
      ),
    },
    { title: t('tasks.type'), key: 'type', render: (_, task) => typeLabel(task.type) },
    { title: t('tasks.ownerUnit'), key: 'ownerUnit', render: (_, task) => localName(task.ownerUnit) },
    { title: t('tasks.assignee'), key: 'assignee', render: (_, task) => task.assignee?.displayName ?? '—' },
    {
      title: t('tasks.status'),
      key: 'status',
      sorter: true,
      sortOrder: list.sortOrderOf('status'),
      render: (_, task) => <TaskStatusTag status={task.status} />,
    },
    { title: t('tasks.state'), key: 'state', render: (_, task) => <TaskStateTag state={task.state} /> },
    { title: t('tasks.createdDate'), dataIndex: 'createdDate', key: 'createdDate', sorter: true, sortOrder: list.sortOrderOf('createdDate') },
    { title: t('tasks.dueDate'), dataIndex: 'dueDate', key: 'dueDate', sorter: true, sortOrder: list.sortOrderOf('dueDate') },
  ];

  return (
    <PageContainer
      title={t(TITLES[view])}
      extra={
        <>
          <ExportButton url="/api/tasks/export.xlsx" query={list.exportQuery} />
          {can('task:assign') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-task">
              {t('tasks.create')}
            </Button>
          )}
        </>
      }
    >
      <FilterBar form={filterForm} onSearch={onSearch} testId="tasks-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('tasks.searchPlaceholder')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="status">
          <EnumSelect allowClear placeholder={t('tasks.status')} style={{ width: 120 }} values={TASK_STATUSES} label={(s) => t(`taskStatus.${s}`)} />
        </Form.Item>
        <Form.Item name="state">
          <EnumSelect allowClear placeholder={t('tasks.state')} style={{ width: 130 }} values={DEADLINE_STATES} label={(s) => t(`taskState.${s}`)} />
        </Form.Item>
        {view !== 'unit' && (
          <Form.Item name="unitId">
            <UnitTreeSelect allowInactive placeholder={t('tasks.ownerUnit')} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item name="type">
          <Select
            allowClear
            placeholder={t('tasks.type')}
            style={{ width: 120 }}
            options={taskTypes().map((type) => ({ value: type, label: typeLabel(type) }))}
          />
        </Form.Item>
        <DateRangeFilter from="dueFrom" to="dueTo" placeholder={[t('tasks.dueFrom'), t('tasks.dueTo')]} style={{ width: 260 }} />
      </FilterBar>
      <ListTable list={list} result={tasks} columns={columns} testId="tasks-table" />
      {view === 'mine' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('tasks.mineHint')}
        </Typography.Paragraph>
      )}
      {creating && <TaskFormModal onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}

/** 我的事项: tasks assigned to me. */
export const MyTasksPage = () => <TasksPage view="mine" />;
/** 本单位事项: tasks my unit owns or co-handles. */
export const UnitTasksPage = () => <TasksPage view="unit" />;
/** 全部事项: every task I may see (the county for the office and leaders). */
export const AllTasksPage = () => <TasksPage view="all" />;
