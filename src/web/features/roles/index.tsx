import { TeamOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const rolesFeature = defineFeature({
  name: 'roles',
  menu: [
    {
      path: '/admin/roles',
      permission: 'role:read',
      icon: <TeamOutlined />,
      label: 'roles',
      group: 'system',
      page: () => import('./pages/RolesPage').then((m) => ({ Component: m.RolesPage })),
    },
  ],
  locales: () => import('./locales'),
});
