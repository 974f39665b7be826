import { BellOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { lazyComponent } from '../../app/lazy';

// The public API of the notifications feature.
export { notificationsKey } from './api';
export const NotificationBell = lazyComponent(() => import('./components/NotificationBell').then((m) => m.NotificationBell));

export const notificationsFeature = defineFeature({
  name: 'notifications',
  menu: [
    {
      path: '/notifications',
      icon: <BellOutlined />,
      label: 'inbox',
      portal: true,
      page: () => import('./pages/InboxPage').then((m) => ({ Component: m.InboxPage })),
    },
  ],
  locales: () => import('./locales'),
});
