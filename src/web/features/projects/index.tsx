import { AppstoreOutlined, BarsOutlined, CrownOutlined, ProjectOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const projectsFeature = defineFeature({
  name: 'projects',
  groups: [{ key: 'projectsGroup', icon: <ProjectOutlined /> }],
  menu: [
    {
      path: '/projects',
      permission: 'project:read',
      icon: <UnorderedListOutlined />,
      label: 'projectLibrary',
      group: 'projectsGroup',
      page: () => import('./pages/ProjectsPage').then((m) => ({ Component: m.ProjectsPage })),
    },
    {
      path: '/projects/board',
      permission: 'project:read',
      icon: <AppstoreOutlined />,
      label: 'projectBoard',
      group: 'projectsGroup',
      page: () => import('./pages/BoardPage').then((m) => ({ Component: m.BoardPage })),
    },
    {
      path: '/projects/gantt',
      permission: 'project:read',
      icon: <BarsOutlined />,
      label: 'projectGantt',
      group: 'projectsGroup',
      page: () => import('./pages/GanttPage').then((m) => ({ Component: m.GanttPage })),
    },
    {
      path: '/projects/leaders',
      permission: 'project:read',
      icon: <CrownOutlined />,
      label: 'projectLeaders',
      group: 'projectsGroup',
      page: () => import('./pages/LeadersPage').then((m) => ({ Component: m.LeadersPage })),
    },
  ],
  routes: [{ path: '/projects/:id', permission: 'project:read', page: () => import('./pages/ProjectPage').then((m) => ({ Component: m.ProjectPage })) }],
  locales: () => import('./locales'),
});
