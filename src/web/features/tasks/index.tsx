import { CarryOutOutlined, ContainerOutlined, ProfileOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { lazyComponent } from '../../app/lazy';

// The public API of the tasks feature.
export { useTasks } from './api';
const taskTags = () => import('./components/TaskTags');
export const TaskStateTag = lazyComponent(() => taskTags().then((m) => m.TaskStateTag));
export const TaskStatusTag = lazyComponent(() => taskTags().then((m) => m.TaskStatusTag));

export const tasksFeature = defineFeature({
  name: 'tasks',
  menu: [
    {
      path: '/tasks/mine',
      permission: 'task:read',
      icon: <CarryOutOutlined />,
      label: 'myTasks',
      group: 'tasksGroup',
      page: () => import('./pages/TasksPage').then((m) => ({ Component: m.MyTasksPage })),
    },
    {
      path: '/tasks/unit',
      permission: 'task:read',
      icon: <ContainerOutlined />,
      label: 'unitTasks',
      group: 'tasksGroup',
      page: () => import('./pages/TasksPage').then((m) => ({ Component: m.UnitTasksPage })),
    },
    {
      path: '/tasks/all',
      permission: 'task:read',
      icon: <ProfileOutlined />,
      label: 'allTasks',
      group: 'tasksGroup',
      page: () => import('./pages/TasksPage').then((m) => ({ Component: m.AllTasksPage })),
    },
  ],
  routes: [{ path: '/tasks/:id', permission: 'task:read', page: () => import('./pages/TaskPage').then((m) => ({ Component: m.TaskPage })) }],
  locales: () => import('./locales'),
});
