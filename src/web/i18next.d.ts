import 'i18next';
import type { FeatureCatalogues } from './lib/locale-types';
import type { zhCN } from './locales/zh-CN';

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    nsSeparator: false;
    // The app-wide catalogue and every feature's strings, as `lib/i18n.ts` merges them.
    resources: { translation: typeof zhCN & UnionToIntersection<FeatureCatalogues[keyof FeatureCatalogues]> };
  }
}
