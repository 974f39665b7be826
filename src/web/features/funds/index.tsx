import {
  AccountBookOutlined,
  AimOutlined,
  AuditOutlined,
  BankOutlined,
  CreditCardOutlined,
  FundOutlined,
  MoneyCollectOutlined,
  PieChartOutlined,
} from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

/** Funds and policies: programmes, applications through review to payment, the budget; the portal's own funds page. */
export const fundsFeature = defineFeature({
  name: 'funds',
  groups: [{ key: 'fundsGroup', icon: <FundOutlined /> }],
  menu: [
    {
      path: '/portal/funds',
      permission: 'fund:apply',
      portal: 'only',
      icon: <MoneyCollectOutlined />,
      label: 'myFunds',
      page: () => import('./pages/PortalFundsPage').then((m) => ({ Component: m.PortalFundsPage })),
    },
    {
      path: '/portal/loans',
      permission: 'fund:loans',
      portal: 'only',
      icon: <CreditCardOutlined />,
      label: 'myLoans',
      page: () => import('./pages/LoansPage').then((m) => ({ Component: m.PortalLoansPage })),
    },
    {
      path: '/funds/applications',
      permission: 'fund:read',
      icon: <AuditOutlined />,
      label: 'fundApplications',
      group: 'fundsGroup',
      page: () => import('./pages/ApplicationsPage').then((m) => ({ Component: m.ApplicationsPage })),
    },
    {
      path: '/funds/programmes',
      permission: 'fund:read',
      icon: <AccountBookOutlined />,
      label: 'fundProgrammes',
      group: 'fundsGroup',
      page: () => import('./pages/ProgrammesPage').then((m) => ({ Component: m.ProgrammesPage })),
    },
    {
      path: '/funds/policies',
      permission: 'fund:manage',
      icon: <AimOutlined />,
      label: 'fundPolicies',
      group: 'fundsGroup',
      page: () => import('./pages/PoliciesPage').then((m) => ({ Component: m.PoliciesPage })),
    },
    {
      path: '/funds/budget',
      permission: 'fund:budget',
      icon: <PieChartOutlined />,
      label: 'fundBudget',
      group: 'fundsGroup',
      page: () => import('./pages/BudgetPage').then((m) => ({ Component: m.BudgetPage })),
    },
    {
      path: '/funds/loans',
      permission: 'fund:loans',
      icon: <CreditCardOutlined />,
      label: 'fundLoans',
      group: 'fundsGroup',
      page: () => import('./pages/LoansPage').then((m) => ({ Component: m.LoansPage })),
    },
    {
      path: '/funds/loans/by-bank',
      permission: 'fund:loans',
      icon: <BankOutlined />,
      label: 'fundLoanBanks',
      group: 'fundsGroup',
      page: () => import('./pages/LoanBanksPage').then((m) => ({ Component: m.LoanBanksPage })),
    },
  ],
  routes: [
    { path: '/funds/loans/:id', permission: 'fund:loans', page: () => import('./pages/LoanPage').then((m) => ({ Component: m.LoanPage })) },
    { path: '/portal/loans/:id', permission: 'fund:loans', page: () => import('./pages/LoanPage').then((m) => ({ Component: m.PortalLoanPage })) },
    { path: '/funds/applications/:id', permission: 'fund:read', page: () => import('./pages/ApplicationPage').then((m) => ({ Component: m.ApplicationPage })) },
  ],
  locales: () => import('./locales'),
});
