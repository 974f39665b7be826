import { CalendarOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const calendarFeature = defineFeature({
  name: 'calendar',
  menu: [
    {
      path: '/basic/calendar',
      icon: <CalendarOutlined />,
      label: 'calendar',
      group: 'basicData',
      page: () => import('./pages/CalendarPage').then((m) => ({ Component: m.CalendarPage })),
    },
  ],
  locales: () => import('./locales'),
});
