import { HomeOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

export const homeFeature = defineFeature({
  name: 'home',
  menu: [{ path: '/', icon: <HomeOutlined />, label: 'home', portal: true, page: () => import('./pages/HomePage').then((m) => ({ Component: m.HomePage })) }],
  locales: () => import('./locales'),
});
