import { LineChartOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

/** Enterprise operation monitoring: the flagged firms of a month with the imports, and a firm's 24-month curves. */
export const monitoringFeature = defineFeature({
  name: 'monitoring',
  menu: [
    {
      path: '/monitoring',
      permission: 'monitoring:read',
      icon: <LineChartOutlined />,
      label: 'monitoring',
      page: () => import('./pages/MonitoringPage').then((m) => ({ Component: m.MonitoringPage })),
    },
  ],
  routes: [
    {
      path: '/monitoring/firms/:id',
      permission: 'monitoring:read',
      page: () => import('./pages/FirmMonitoringPage').then((m) => ({ Component: m.FirmMonitoringPage })),
    },
  ],
  locales: () => import('./locales'),
});
