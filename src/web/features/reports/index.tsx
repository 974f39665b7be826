import { FormOutlined, FundOutlined, TableOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const reportsFeature = defineFeature({
  name: 'reports',
  menu: [
    {
      path: '/reports',
      permission: 'report:read',
      icon: <TableOutlined />,
      label: 'reportMatrix',
      group: 'reportsGroup',
      page: () => import('./pages/ReportMatrixPage').then((m) => ({ Component: m.ReportMatrixPage })),
    },
    {
      path: '/reports/totals',
      permission: 'report:read',
      icon: <FundOutlined />,
      label: 'reportTotals',
      group: 'reportsGroup',
      page: () => import('./pages/ReportTotalsPage').then((m) => ({ Component: m.ReportTotalsPage })),
    },
    {
      path: '/reports/forms',
      permission: 'report:read',
      icon: <FormOutlined />,
      label: 'reportForms',
      group: 'reportsGroup',
      page: () => import('./pages/ReportFormsPage').then((m) => ({ Component: m.ReportFormsPage })),
    },
  ],
  routes: [
    { path: '/reports/sheet', permission: 'report:read', page: () => import('./pages/ReportSheetPage').then((m) => ({ Component: m.ReportSheetPage })) },
    { path: '/reports/:id', permission: 'report:read', page: () => import('./pages/ReportSheetPage').then((m) => ({ Component: m.ReportSheetPage })) },
  ],
  locales: () => import('./locales'),
});
