import { useTranslation } from 'react-i18next';

/** Options of a list filter on a query-string boolean: 是/否, or 正常/已停用 for an `active` flag. */
export function useBooleanOptions(kind: 'yesNo' | 'active' = 'yesNo') {
  const { t } = useTranslation();
  return kind === 'active'
    ? [
        { value: 'true', label: t('common.active') },
        { value: 'false', label: t('common.inactive') },
      ]
    : [
        { value: 'true', label: t('common.yes') },
        { value: 'false', label: t('common.no') },
      ];
}
