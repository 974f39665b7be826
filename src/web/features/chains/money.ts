import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n';

/**
 * Fen as officials write it: 万元, or 亿元 from 1亿 up (1亿元 = 10,000万元); in English, millions of yuan.
 */
export function useMoney(): (fen: number | null) => string {
  const { t } = useTranslation();
  const en = useLocale() === 'en-US';
  return (fen) => {
    if (fen === null) return '—';
    if (en) return t('money.wan', { value: (fen / 100_000_000).toLocaleString('en', { maximumFractionDigits: 2 }) });
    if (fen >= 10_000_000_000) return t('money.yi', { value: (fen / 10_000_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 }) });
    return t('money.wan', { value: (fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 }) });
  };
}

/** 万元 typed in a form to whole fen. */
export function fenOfWan(value: number): number {
  return Math.round(value * 1_000_000);
}
