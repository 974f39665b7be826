import { LoginOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const loginLogFeature = defineFeature({
  name: 'login-log',
  menu: [
    {
      path: '/admin/login-log',
      permission: 'loginlog:read',
      icon: <LoginOutlined />,
      label: 'loginLog',
      group: 'auditGroup',
      page: () => import('./pages/LoginLogPage').then((m) => ({ Component: m.LoginLogPage })),
    },
  ],
  locales: () => import('./locales'),
});
