import 'i18next';
import type { zhCN as projects } from './features/projects/locales';
import type { zhCN } from './locales/zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    nsSeparator: false;
    resources: { translation: typeof zhCN & typeof projects };
  }
}
