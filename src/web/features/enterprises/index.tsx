import { ShopOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const enterprisesFeature = defineFeature({
  name: 'enterprises',
  menu: [
    {
      path: '/enterprises',
      permission: 'enterprise:read',
      icon: <ShopOutlined />,
      label: 'enterprises',
      page: () => import('./pages/EnterprisesPage').then((m) => ({ Component: m.EnterprisesPage })),
    },
  ],
  routes: [
    { path: '/enterprises/:id', permission: 'enterprise:read', page: () => import('./pages/EnterprisePage').then((m) => ({ Component: m.EnterprisePage })) },
  ],
  locales: () => import('./locales'),
});
