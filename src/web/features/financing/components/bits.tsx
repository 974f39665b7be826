import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NeedStatus } from '../../../../shared/modules/financing.schemas';

/** Fen as 万元 (10,000 yuan), the unit loans are spoken of in, with up to two decimals. */
export const wan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : (fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
/** 万元 entered in a form, as fen. */
export const fenOfWan = (w: number) => Math.round(w * 1_000_000);
/** A rate in hundredths of a percent, as a percent. */
export const pct = (bp: number | null | undefined) => (bp === null || bp === undefined ? '—' : (bp / 100).toFixed(2));

const STATUS_COLOURS: Record<NeedStatus, string> = { pending: 'default', matching: 'processing', credited: 'gold', loaned: 'success', failed: 'error' };
export function NeedStatusTag({ status }: { status: NeedStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="need-status">
      {t(`financing.statuses.${status}`)}
    </Tag>
  );
}

const OUTCOME_COLOURS = { intention: 'blue', credit: 'gold', loan: 'success', declined: 'error' } as const;
export function OutcomeTag({ outcome }: { outcome: keyof typeof OUTCOME_COLOURS }) {
  const { t } = useTranslation();
  return <Tag color={OUTCOME_COLOURS[outcome]}>{t(`financing.outcomes.${outcome}`)}</Tag>;
}
