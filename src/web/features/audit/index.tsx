import { FileSearchOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const auditFeature = defineFeature({
  name: 'audit',
  menu: [
    {
      path: '/admin/audit',
      permission: 'audit:read',
      icon: <FileSearchOutlined />,
      label: 'audit',
      group: 'auditGroup',
      page: () => import('./pages/AuditLogPage').then((m) => ({ Component: m.AuditLogPage })),
    },
  ],
  locales: () => import('./locales'),
});
