import { ScheduleOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { lazyComponent } from '../../app/lazy';

// The public API of the meetings feature.
export const UpcomingMeetings = lazyComponent(() => import('./components/UpcomingMeetings').then((m) => m.UpcomingMeetings));

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
  locales: () => import('./locales'),
});
