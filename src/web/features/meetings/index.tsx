import { ScheduleOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { enUS, zhCN } from './locales';

// The public API of the meetings feature.
export { UpcomingMeetings } from './components/UpcomingMeetings';

export const meetingsFeature = defineFeature({
  name: 'meetings',
  menu: [
    {
      path: '/meetings',
      permission: 'meeting:read',
      icon: <ScheduleOutlined />,
      label: 'meetings',
      page: () => import('./pages/MeetingsPage').then((m) => ({ Component: m.MeetingsPage })),
    },
  ],
  routes: [{ path: '/meetings/:id', permission: 'meeting:read', page: () => import('./pages/MeetingPage').then((m) => ({ Component: m.MeetingPage })) }],
  locales: { zhCN, enUS },
});
