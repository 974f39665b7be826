import { ExperimentOutlined, RocketOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

/** Innovation pipelines: the 创新培育 page (a tab per pipeline, targets, stage changes) and the firm's own entries on its portal. */
export const innovationFeature = defineFeature({
  name: 'innovation',
  menu: [
    {
      path: '/innovation',
      permission: 'innovation:read',
      icon: <ExperimentOutlined />,
      label: 'innovation',
      group: 'fundsGroup',
      page: () => import('./pages/InnovationPage').then((m) => ({ Component: m.InnovationPage })),
    },
    {
      path: '/portal/innovation',
      permission: 'innovation:read',
      portal: 'only',
      icon: <RocketOutlined />,
      label: 'myInnovation',
      page: () => import('./pages/PortalInnovationPage').then((m) => ({ Component: m.PortalInnovationPage })),
    },
  ],
  locales: () => import('./locales'),
});
