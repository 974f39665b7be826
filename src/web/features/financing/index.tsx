import { BankOutlined, BarChartOutlined, FundOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { lazyComponent } from '../../app/lazy';

// The public API of the financing feature.
export const FinancingPanel = lazyComponent(() => import('./components/FinancingPanel').then((m) => m.FinancingPanel));

const needsPage = () => import('./pages/NeedsPage').then((m) => ({ Component: m.NeedsPage }));

/** Financing (融资对接): needs for staff, banks and firms (on the portal), products, matchmaking meetings, statistics. */
export const financingFeature = defineFeature({
  name: 'financing',
  groups: [{ key: 'financingGroup', icon: <BankOutlined /> }],
  menu: [
    { path: '/portal/financing', permission: 'financing:submit', portal: 'only', icon: <FundOutlined />, label: 'myFinancing', page: needsPage },
    { path: '/financing/needs', permission: 'financing:read', icon: <FundOutlined />, label: 'financingNeeds', group: 'financingGroup', page: needsPage },
    {
      path: '/financing/products',
      permission: 'financing:read',
      portal: true,
      icon: <ShopOutlined />,
      label: 'financingProducts',
      group: 'financingGroup',
      page: () => import('./pages/ProductsPage').then((m) => ({ Component: m.ProductsPage })),
    },
    {
      path: '/financing/meetings',
      permission: 'financing:read',
      icon: <TeamOutlined />,
      label: 'financingMeetings',
      group: 'financingGroup',
      page: () => import('./pages/MeetingsPage').then((m) => ({ Component: m.MeetingsPage })),
    },
    {
      path: '/financing/stats',
      permission: 'financing:read',
      icon: <BarChartOutlined />,
      label: 'financingStats',
      group: 'financingGroup',
      page: () => import('./pages/StatsPage').then((m) => ({ Component: m.StatsPage })),
    },
  ],
  routes: [
    { path: '/financing/needs/:id', permission: 'financing:read', page: () => import('./pages/NeedPage').then((m) => ({ Component: m.NeedPage })) },
    { path: '/financing/meetings/:id', permission: 'financing:read', page: () => import('./pages/MeetingPage').then((m) => ({ Component: m.MeetingPage })) },
  ],
  locales: () => import('./locales'),
});
