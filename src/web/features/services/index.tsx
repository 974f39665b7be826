import {
  AccountBookOutlined,
  BarChartOutlined,
  CustomerServiceOutlined,
  EditOutlined,
  FieldTimeOutlined,
  MessageOutlined,
  ShopOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

const requestsPage = () => import('./pages/RequestsPage').then((m) => ({ Component: m.RequestsPage }));

/** Enterprise services: requests for staff, and the enterprise portal's own entries (its profile, its requests). */
export const servicesFeature = defineFeature({
  name: 'services',
  groups: [{ key: 'servicesGroup', icon: <CustomerServiceOutlined /> }],
  menu: [
    {
      path: '/portal/profile',
      permission: 'enterprise:read',
      portal: 'only',
      icon: <ShopOutlined />,
      label: 'myEnterprise',
      page: () => import('./pages/ProfilePage').then((m) => ({ Component: m.ProfilePage })),
    },
    { path: '/portal/requests', permission: 'service:submit', portal: 'only', icon: <MessageOutlined />, label: 'myRequests', page: requestsPage },
    {
      path: '/portal/commitments',
      permission: 'service:submit',
      portal: 'only',
      icon: <AccountBookOutlined />,
      label: 'myCommitments',
      page: () => import('./pages/CommitmentsPage').then((m) => ({ Component: m.CommitmentsPage })),
    },
    { path: '/services/requests', permission: 'service:read', icon: <MessageOutlined />, label: 'serviceRequests', group: 'servicesGroup', page: requestsPage },
    {
      path: '/services/stats',
      permission: 'service:read',
      icon: <BarChartOutlined />,
      label: 'serviceStats',
      group: 'servicesGroup',
      page: () => import('./pages/StatsPage').then((m) => ({ Component: m.StatsPage })),
    },
    {
      path: '/services/commitments',
      permission: 'service:read',
      icon: <AccountBookOutlined />,
      label: 'serviceCommitments',
      group: 'servicesGroup',
      page: () => import('./pages/CommitmentsPage').then((m) => ({ Component: m.CommitmentsPage })),
    },
    {
      path: '/services/categories',
      permission: 'service:manage',
      icon: <FieldTimeOutlined />,
      label: 'serviceCategories',
      group: 'servicesGroup',
      page: () => import('./pages/CategoriesPage').then((m) => ({ Component: m.CategoriesPage })),
    },
    {
      path: '/services/accounts',
      permission: 'service:accounts',
      icon: <TeamOutlined />,
      label: 'serviceAccounts',
      group: 'servicesGroup',
      page: () => import('./pages/AccountsPage').then((m) => ({ Component: m.AccountsPage })),
    },
    {
      path: '/services/registrations',
      permission: 'service:accounts',
      icon: <UserAddOutlined />,
      label: 'serviceRegistrations',
      group: 'servicesGroup',
      page: () => import('./pages/RegistrationsPage').then((m) => ({ Component: m.RegistrationsPage })),
    },
    {
      path: '/services/corrections',
      permission: 'enterprise:write',
      icon: <EditOutlined />,
      label: 'serviceCorrections',
      group: 'servicesGroup',
      page: () => import('./pages/CorrectionsPage').then((m) => ({ Component: m.CorrectionsPage })),
    },
  ],
  publicPages: [
    { path: '/register', loginLink: 'enterpriseRegister', page: () => import('./pages/RegisterPage').then((m) => ({ Component: m.RegisterPage })) },
  ],
  routes: [
    { path: '/services/requests/:id', permission: 'service:read', page: () => import('./pages/RequestPage').then((m) => ({ Component: m.RequestPage })) },
  ],
  locales: () => import('./locales'),
});
