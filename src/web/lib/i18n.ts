import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/i18n/messages';
import { FEATURES } from '../features';
import { enUS } from '../locales/en-US';
import { zhCN } from '../locales/zh-CN';
import { mergeCatalogues } from './locale-types';

const STORAGE_KEY = 'icp.locale';

/** The language chosen on this device; until one is chosen, the browser's first preference (English, else Chinese). */
function storedLocale(): Locale {
  const chosen = localStorage.getItem(STORAGE_KEY);
  if (chosen !== null) return chosen === 'en-US' ? 'en-US' : 'zh-CN';
  const preferred = (navigator.languages?.[0] ?? navigator.language ?? '').toLowerCase();
  return preferred.startsWith('en') ? 'en-US' : 'zh-CN';
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

/** The app-wide strings with every feature's merged in, per language. */
export const CATALOGUES = {
  'zh-CN': FEATURES.reduce((all, f) => (f.locales ? mergeCatalogues(all, f.locales.zhCN as Record<string, unknown>) : all), zhCN as Record<string, unknown>),
  'en-US': FEATURES.reduce((all, f) => (f.locales ? mergeCatalogues(all, f.locales.enUS as Record<string, unknown>) : all), enUS as Record<string, unknown>),
};

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: CATALOGUES['zh-CN'] }, 'en-US': { translation: CATALOGUES['en-US'] } },
  lng: storedLocale(),
  fallbackLng: 'zh-CN',
  // Permission codes such as `user:manage` are keys; ':' must not split namespaces.
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});
applyToDocument(currentLocale());
