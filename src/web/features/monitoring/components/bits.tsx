import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MonitoringFlag } from '../../../../shared/rules/monitoring-flags';

export const FLAG_COLOURS: Record<MonitoringFlag, { tag: string; border: string }> = {
  decline: { tag: 'orange', border: '#d46b08' },
  stopped: { tag: 'red', border: '#cf1322' },
  half_stopped: { tag: 'gold', border: '#d48806' },
};

/** Fen as 万元 with two decimals; a dash for a missing figure. */
export const wan = (fen: number | null) =>
  fen === null ? '—' : (fen / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const kwh = (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN'));

export function FlagTags({ flags }: { flags: MonitoringFlag[] }) {
  const { t } = useTranslation();
  return (
    <>
      {flags.map((f) => (
        <Tag key={f} color={FLAG_COLOURS[f].tag} data-testid={`flag-${f}`}>
          {t(`monitoring.flags.${f}`)}
        </Tag>
      ))}
    </>
  );
}

/** The year-on-year change under a figure, red when down. */
export function Yoy({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return null;
  return (
    <Typography.Text type={value < 0 ? 'danger' : 'success'} style={{ display: 'block', fontSize: 12 }}>
      {t('monitoring.yoy')} {value > 0 ? '+' : ''}
      {value}%
    </Typography.Text>
  );
}
