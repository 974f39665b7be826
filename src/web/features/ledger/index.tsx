import { AlertOutlined, TableOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const ledgerFeature = defineFeature({
  name: 'ledger',
  menu: [
    {
      path: '/indicators/warnings',
      permission: 'indicator:read',
      icon: <AlertOutlined />,
      label: 'warnings',
      group: 'indicatorsGroup',
      page: () => import('./pages/WarningsPage').then((m) => ({ Component: m.WarningsPage })),
    },
    {
      path: '/indicators/ledger',
      permission: 'indicator:read',
      icon: <TableOutlined />,
      label: 'ledger',
      group: 'indicatorsGroup',
      page: () => import('./pages/LedgerPage').then((m) => ({ Component: m.LedgerPage })),
    },
  ],
  locales: () => import('./locales'),
});
