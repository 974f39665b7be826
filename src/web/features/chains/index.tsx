import { ApartmentOutlined, FundProjectionScreenOutlined, NodeIndexOutlined, TrophyOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const chainsFeature = defineFeature({
  name: 'chains',
  groups: [{ key: 'chainsGroup', icon: <ApartmentOutlined /> }],
  menu: [
    {
      path: '/chains',
      permission: 'chain:read',
      icon: <NodeIndexOutlined />,
      label: 'chainList',
      group: 'chainsGroup',
      page: () => import('./pages/ChainsPage').then((m) => ({ Component: m.ChainsPage })),
    },
    {
      path: '/chains/leads',
      permission: 'lead:read',
      icon: <FundProjectionScreenOutlined />,
      label: 'leadList',
      group: 'chainsGroup',
      page: () => import('./pages/LeadsPage').then((m) => ({ Component: m.LeadsPage })),
    },
    {
      path: '/chains/scoreboard',
      permission: 'lead:read',
      icon: <TrophyOutlined />,
      label: 'leadScoreboard',
      group: 'chainsGroup',
      page: () => import('./pages/ScoreboardPage').then((m) => ({ Component: m.ScoreboardPage })),
    },
  ],
  routes: [
    { path: '/chains/:id', permission: 'chain:read', page: () => import('./pages/ChainPage').then((m) => ({ Component: m.ChainPage })) },
    { path: '/chains/leads/:id', permission: 'lead:read', page: () => import('./pages/LeadPage').then((m) => ({ Component: m.LeadPage })) },
  ],
  locales: () => import('./locales'),
});
