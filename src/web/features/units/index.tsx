import { ApartmentOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const unitsFeature = defineFeature({
  name: 'units',
  menu: [
    {
      path: '/admin/units',
      permission: 'unit:read',
      icon: <ApartmentOutlined />,
      label: 'units',
      group: 'system',
      page: () => import('./pages/UnitsPage').then((m) => ({ Component: m.UnitsPage })),
    },
  ],
  locales: () => import('./locales'),
});
