import { CarOutlined, IdcardOutlined, PieChartOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

/** Service officers (一联三帮): visits logged on a phone, coverage per team and officer, chief officers, cadre exchanges. */
export const visitsFeature = defineFeature({
  name: 'visits',
  groups: [{ key: 'visitsGroup', icon: <TeamOutlined /> }],
  menu: [
    {
      path: '/visits',
      permission: 'visit:read',
      icon: <CarOutlined />,
      label: 'visits',
      group: 'visitsGroup',
      page: () => import('./pages/VisitsPage').then((m) => ({ Component: m.VisitsPage })),
    },
    {
      path: '/visits/coverage',
      permission: 'visit:read',
      icon: <PieChartOutlined />,
      label: 'visitCoverage',
      group: 'visitsGroup',
      page: () => import('./pages/CoveragePage').then((m) => ({ Component: m.CoveragePage })),
    },
    {
      path: '/visits/assignments',
      permission: 'visit:read',
      icon: <IdcardOutlined />,
      label: 'visitAssignments',
      group: 'visitsGroup',
      page: () => import('./pages/AssignmentsPage').then((m) => ({ Component: m.AssignmentsPage })),
    },
    {
      path: '/visits/exchanges',
      permission: 'visit:read',
      icon: <SwapOutlined />,
      label: 'visitExchanges',
      group: 'visitsGroup',
      page: () => import('./pages/ExchangesPage').then((m) => ({ Component: m.ExchangesPage })),
    },
  ],
  routes: [
    { path: '/visits/new', permission: 'visit:write', page: () => import('./pages/VisitFormPage').then((m) => ({ Component: m.VisitFormPage })) },
    { path: '/visits/:id', permission: 'visit:read', page: () => import('./pages/VisitPage').then((m) => ({ Component: m.VisitPage })) },
  ],
  locales: () => import('./locales'),
});
