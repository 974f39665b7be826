import { useLocale } from './i18n';

interface Named {
  nameZh: string;
  nameEn: string;
}

const nameZh = (item: Named) => item.nameZh;
const nameEn = (item: Named) => item.nameEn;

/** Picks the name of a unit or role in the UI language. */
export function useLocalName(): (item: Named) => string {
  return useLocale() === 'en-US' ? nameEn : nameZh;
}
