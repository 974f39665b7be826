import { SafetyCertificateOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const settingsFeature = defineFeature({
  name: 'settings',
  menu: [
    {
      path: '/admin/settings/security',
      permission: 'settings:manage',
      icon: <SafetyCertificateOutlined />,
      label: 'security',
      group: 'system',
      page: () => import('./pages/SecuritySettingsPage').then((m) => ({ Component: m.SecuritySettingsPage })),
    },
  ],
  locales: () => import('./locales'),
});
