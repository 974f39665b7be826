import { BellOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { enUS, zhCN } from './locales';

// The public API of the notifications feature.
export { notificationsKey } from './api';
export { NotificationBell } from './components/NotificationBell';

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
  locales: { zhCN, enUS },
});
