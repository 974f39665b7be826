import { AimOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

// The public API of the indicators feature.
export { defaultPlanYear, usePlanYears } from './api';
export { formatValue } from './format';

export const indicatorsFeature = defineFeature({
  name: 'indicators',
  menu: [
    {
      path: '/indicators/plan',
      permission: 'indicator:read',
      icon: <AimOutlined />,
      label: 'indicatorPlan',
      group: 'indicatorsGroup',
      page: () => import('./pages/IndicatorPlanPage').then((m) => ({ Component: m.IndicatorPlanPage })),
    },
    {
      path: '/indicators/catalogue',
      permission: 'indicator:read',
      icon: <UnorderedListOutlined />,
      label: 'indicatorCatalogue',
      group: 'indicatorsGroup',
      page: () => import('./pages/IndicatorCataloguePage').then((m) => ({ Component: m.IndicatorCataloguePage })),
    },
  ],
  locales: () => import('./locales'),
});
