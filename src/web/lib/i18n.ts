import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/i18n/messages';
import type { FeatureDefinition } from '../app/feature';
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

/**
 * The strings per language: the app-wide ones from the start, each feature's merged in once loaded
 * (`loadFeatureStrings`; every feature's by the time a signed-in page is drawn).
 */
export const CATALOGUES: Record<Locale, Record<string, unknown>> = { 'zh-CN': zhCN, 'en-US': enUS };

const featureStrings = new Map<FeatureDefinition<unknown>, Promise<void>>();

function addCatalogue(locale: Locale, catalogue: Record<string, unknown>): void {
  // mergeCatalogues refuses a key that two catalogues define; i18next takes only the new strings (merging the whole
  // catalogue again per feature cost a signed-in page load 26 × 2 deep copies of every string).
  CATALOGUES[locale] = mergeCatalogues(CATALOGUES[locale], catalogue);
  i18n.addResourceBundle(locale, 'translation', catalogue, true, false);
}

async function addFeatureStrings(feature: FeatureDefinition<unknown>): Promise<void> {
  if (!feature.locales) return;
  const strings = await feature.locales();
  addCatalogue('zh-CN', strings.zhCN as Record<string, unknown>);
  addCatalogue('en-US', strings.enUS as Record<string, unknown>);
}

/**
 * Fetches the strings of these features (all of them by default) and adds them to both languages; a route's `lazy`
 * awaits it beside its page's code. Each feature's file is fetched once.
 */
export async function loadFeatureStrings(features: readonly FeatureDefinition<unknown>[] = FEATURES): Promise<void> {
  await Promise.all(
    features.map((feature) => {
      let loading = featureStrings.get(feature);
      if (!loading) {
        loading = addFeatureStrings(feature);
        featureStrings.set(feature, loading);
      }
      return loading;
    }),
  );
}

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
