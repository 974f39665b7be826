import { ClockCircleOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const jobsFeature = defineFeature({
  name: 'jobs',
  menu: [
    {
      path: '/admin/jobs',
      permission: 'job:read',
      icon: <ClockCircleOutlined />,
      label: 'jobs',
      group: 'system',
      page: () => import('./pages/JobRunsPage').then((m) => ({ Component: m.JobRunsPage })),
    },
  ],
  locales: () => import('./locales'),
});
