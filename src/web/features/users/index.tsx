import { UserOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const usersFeature = defineFeature({
  name: 'users',
  menu: [
    {
      path: '/admin/users',
      permission: 'user:read',
      icon: <UserOutlined />,
      label: 'users',
      group: 'system',
      page: () => import('./pages/UsersPage').then((m) => ({ Component: m.UsersPage })),
    },
  ],
  locales: () => import('./locales'),
});
