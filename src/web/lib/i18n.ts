import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/i18n/messages';
import { enUS } from '../locales/en-US';
import { zhCN } from '../locales/zh-CN';
import * as projects from '../features/projects/locales';

type Tree = { [key: string]: string | Tree };
/** A catalogue with a feature's partial catalogue merged in, namespace by namespace. */
function deepMerge<A extends object, B extends object>(base: A, extra: B): A & B {
  const out: Tree = { ...(base as Tree) };
  for (const [key, value] of Object.entries(extra as Tree)) {
    const had = out[key];
    out[key] = typeof value === 'object' && typeof had === 'object' ? deepMerge(had, value) : value;
  }
  return out as A & B;
}
/** The app's catalogues with the features' own merged in. */
export const catalogues = { 'zh-CN': deepMerge(zhCN, projects.zhCN), 'en-US': deepMerge(enUS, projects.enUS) };

const STORAGE_KEY = 'icp.locale';

function storedLocale(): Locale {
  return localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
}

/** The UI language now in use. */
export function currentLocale(): Locale {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

/** The UI language, re-rendering the component when it changes. */
export function useLocale(): Locale {
  useTranslation();
  return currentLocale();
}

function applyToDocument(locale: Locale): void {
  dayjs.locale(locale === 'en-US' ? 'en' : 'zh-cn');
  document.documentElement.lang = locale;
  document.title = i18n.t('app.shortName');
}

/** Switches the UI language and remembers it on this device (used before sign-in). */
export async function applyLocale(locale: Locale): Promise<void> {
  localStorage.setItem(STORAGE_KEY, locale);
  await i18n.changeLanguage(locale);
  applyToDocument(locale);
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: catalogues['zh-CN'] }, 'en-US': { translation: catalogues['en-US'] } },
  lng: storedLocale(),
  fallbackLng: 'zh-CN',
  // Permission codes such as `user:manage` are keys; ':' must not split namespaces.
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});
applyToDocument(currentLocale());
