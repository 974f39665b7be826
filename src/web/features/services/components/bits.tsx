import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestListItem } from '../../../../shared/modules/services.schemas';

const STATUS_COLOURS = { open: 'processing', closed: 'warning', confirmed: 'success' } as const;
const RATING_COLOURS = { satisfied: 'success', basic: 'blue', unsatisfied: 'error' } as const;

/** A request's status, with overdue and reopen marks. */
export function StatusTags({ r }: { r: Pick<RequestListItem, 'status' | 'overdue' | 'reopenCount' | 'onTime'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={STATUS_COLOURS[r.status]}>{t(`services.statuses.${r.status}`)}</Tag>
      {r.overdue && <Tag color="error">{t('services.overdue')}</Tag>}
      {r.onTime === false && <Tag color="orange">{t('services.late')}</Tag>}
      {r.reopenCount > 0 && <Tag>{t('services.reopened', { count: r.reopenCount })}</Tag>}
    </>
  );
}

/** The firm's rating, coloured. */
export function RatingTag({ rating }: { rating: RequestListItem['rating'] }) {
  const { t } = useTranslation();
  return rating ? <Tag color={RATING_COLOURS[rating]}>{t(`services.ratings.${rating}`)}</Tag> : null;
}

/** A percentage with one decimal, or a dash when there is nothing to count. */
export const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
