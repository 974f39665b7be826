import { Drawer, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { usePlanVersions } from '../api';

/** The published versions of a plan, each with who changed it, when and why. */
export function PlanVersionsDrawer({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const versions = usePlanVersions(year, true);
  const items = versions.data?.items ?? [];
  return (
    <Drawer open title={`${year} · ${t('indicators.versions')}`} onClose={onClose} loading={versions.isLoading}>
      {items.length === 0 ? (
        <Empty description={t('indicators.noVersions')} />
      ) : (
        <Timeline
          data-testid="plan-versions"
          items={items.map((v) => ({
            key: v.version,
            content: (
              <>
                <Typography.Text strong>{t('indicators.version', { version: v.version })}</Typography.Text>
                <div style={{ color: '#888' }}>
                  {formatDateTime(v.createdAt)} · {v.createdBy?.displayName ?? '—'}
                </div>
                {v.reason && <div>{v.reason}</div>}
              </>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
