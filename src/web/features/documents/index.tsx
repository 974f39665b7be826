import { FileTextOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const documentsFeature = defineFeature({
  name: 'documents',
  menu: [
    {
      path: '/documents',
      permission: 'document:read',
      icon: <FileTextOutlined />,
      label: 'documents',
      page: () => import('./pages/DocumentsPage').then((m) => ({ Component: m.DocumentsPage })),
    },
  ],
  routes: [{ path: '/documents/:id', permission: 'document:read', page: () => import('./pages/DocumentPage').then((m) => ({ Component: m.DocumentPage })) }],
  locales: () => import('./locales'),
});
