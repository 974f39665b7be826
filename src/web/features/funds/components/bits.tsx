import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationListItem, FundCategory } from '../../../../shared/modules/funds.schemas';

const STATUS_COLOURS = {
  preliminary: 'processing',
  office: 'processing',
  leader: 'purple',
  returned: 'warning',
  approved: 'cyan',
  paid: 'success',
  rejected: 'error',
} as const;

/** Fen as yuan with two decimals and thousands separators. */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Yuan typed in a form → whole fen. */
export const toFen = (yuanValue: number) => Math.round(yuanValue * 100);

/** An application's status, coloured. */
export function StatusTag({ status }: { status: ApplicationListItem['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="fund-status">
      {t(`funds.statuses.${status}`)}
    </Tag>
  );
}

/** A category's amount rule in words. */
export function useRuleText() {
  const { t } = useTranslation();
  return (c: Pick<FundCategory, 'ruleKind' | 'amountFen' | 'shareBp' | 'capFen'>) =>
    c.ruleKind === 'fixed'
      ? t('funds.ruleFixed', { amount: yuan(c.amountFen) })
      : t('funds.ruleShare', { percent: (c.shareBp ?? 0) / 100, cap: yuan(c.capFen) });
}
