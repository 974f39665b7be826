import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CORRECTABLE_FIELDS, type Correction } from '../../../../shared/modules/services.schemas';

type Contact = { name: string; position?: string; phone?: string };
const show = (v: unknown) =>
  Array.isArray(v)
    ? (v as Contact[]).map((c) => [c.name, c.position, c.phone].filter(Boolean).join(' ')).join('；') || '—'
    : v === null || v === '' || v === undefined
      ? '—'
      : String(v);

/** The fields a correction changes: was → becomes. */
export function CorrectionChanges({ c }: { c: Correction }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={2}>
      {CORRECTABLE_FIELDS.filter((f) => f in c.changes).map((f) => (
        <Typography.Text key={f}>
          <Typography.Text type="secondary">{t(`services.portal.fields.${f}`)}：</Typography.Text>
          <Typography.Text delete type="secondary">
            {show(c.before[f])}
          </Typography.Text>{' '}
          → {show(c.changes[f])}
        </Typography.Text>
      ))}
    </Space>
  );
}

const COLORS = { pending: 'processing', accepted: 'success', refused: 'default' } as const;
export function CorrectionStatus({ c }: { c: Correction }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={0}>
      <Tag color={COLORS[c.status]}>{t(`services.portal.status.${c.status}`)}</Tag>
      {c.reason && <Typography.Text type="secondary">{c.reason}</Typography.Text>}
    </Space>
  );
}
