import { ApiOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const webhooksFeature = defineFeature({
  name: 'webhooks',
  menu: [
    {
      path: '/admin/webhooks',
      permission: 'webhook:manage',
      icon: <ApiOutlined />,
      label: 'webhooks',
      group: 'system',
      page: () => import('./pages/WebhooksPage').then((m) => ({ Component: m.WebhooksPage })),
    },
  ],
  locales: () => import('./locales'),
});
