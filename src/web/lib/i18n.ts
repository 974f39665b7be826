import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/i18n/messages';
import { enUS } from '../locales/en-US';
import { zhCN } from '../locales/zh-CN';

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
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: storedLocale(),
  fallbackLng: 'zh-CN',
  // Permission codes such as `user:manage` are keys; ':' must not split namespaces.
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});
applyToDocument(currentLocale());
