import { Alert, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AcceptPreview } from '../../../../shared/modules/reports.schemas';
import { useLocale } from '../../../lib/i18n';

/**
 * What accepting a report will do with its fields linked to indicators, as the server decided it: each value written
 * to the township's ledger, and each one skipped with the reason (no plan for the year, no target, empty field).
 */
export function AcceptPreviewList({ preview }: { preview: AcceptPreview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const en = locale === 'en-US';
  const written = preview.items.filter((i) => i.written);
  const skipped = preview.items.filter((i) => !i.written);
  if (preview.items.length === 0) return <Typography.Paragraph>{t('reports.acceptNoLedger')}</Typography.Paragraph>;
  return (
    <div data-testid="accept-preview">
      <Typography.Paragraph>{t('reports.acceptLocks')}</Typography.Paragraph>
      {skipped.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={written.length ? t('reports.acceptSomeSkipped', { count: skipped.length }) : t('reports.acceptNothingWritten')}
        />
      )}
      <List
        size="small"
        dataSource={preview.items}
        renderItem={(item) => {
          const label = en ? item.labelEn || item.labelZh : item.labelZh;
          const indicator = item.indicator ? (en ? item.indicator.nameEn : item.indicator.nameZh) : item.indicatorCode;
          const unit = item.indicator ? (en ? item.indicator.unitEn : item.indicator.unitZh) : '';
          return (
            <List.Item data-testid={`accept-item-${item.fieldKey}`} data-written={item.written}>
              <div style={{ width: '100%' }}>
                <Tag color={item.written ? 'green' : 'orange'}>{item.written ? t('reports.willWrite') : t('reports.willSkip')}</Tag>
                <Typography.Text strong>{label}</Typography.Text>
                <Typography.Text type="secondary">
                  {' → '}
                  {indicator}
                  {item.value !== null && ` ${item.value.toLocaleString(locale)} ${unit}`}
                </Typography.Text>
                {item.message && (
                  <div>
                    <Typography.Text type={item.written ? 'secondary' : 'warning'} style={{ fontSize: 12 }}>
                      {item.message}
                    </Typography.Text>
                  </div>
                )}
              </div>
            </List.Item>
          );
        }}
      />
    </div>
  );
}
