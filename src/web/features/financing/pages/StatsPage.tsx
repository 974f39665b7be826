import { Alert, Card, DatePicker, Flex, List, Segmented, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATS_DIMENSIONS, type StatsRow } from '../../../../shared/modules/financing.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { PageContainer } from '../../../components/PageContainer';
import { useLocalName } from '../../../lib/names';
import { useFinancingStats } from '../api';
import { FinancingPanel } from '../components/FinancingPanel';
import { wan } from '../components/bits';

/** 融资对接统计: per meeting, bank, township or chain; decline reasons; Excel export. */
export function StatsPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const [by, setBy] = useState<(typeof STATS_DIMENSIONS)[number]>('bank');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query = { by, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') };
  const stats = useFinancingStats(query);
  const reasons = stats.data?.declineReasons ?? [];
  return (
    <PageContainer title={t('nav.financingStats')} extra={<ExportButton url="/api/financing/stats/export.xlsx" query={query} />}>
      <div style={{ marginBottom: 16 }}>
        <FinancingPanel link={false} />
      </div>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Segmented
          value={by}
          onChange={(v) => setBy(v as typeof by)}
          options={STATS_DIMENSIONS.map((d) => ({ value: d, label: t(`financing.stats.dims.${d}`) }))}
          data-testid="stats-by"
        />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} placeholder={[t('financing.stats.range'), t('financing.stats.range')]} />
      </Flex>
      <Alert type="info" showIcon title={t('financing.stats.hint')} style={{ marginBottom: 12 }} />
      {stats.error && <Alert type="error" showIcon title={stats.error.message} style={{ marginBottom: 12 }} />}
      <Table<StatsRow>
        rowKey={(r) => r.key.id}
        size="small"
        loading={stats.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={stats.data?.items ?? []}
        locale={{ emptyText: t('financing.stats.empty') }}
        data-testid="stats-table"
        columns={[
          { title: t('financing.stats.key'), key: 'key', render: (_, r) => localName(r.key) },
          { title: t('financing.stats.received'), dataIndex: 'received', key: 'received', align: 'right' },
          { title: t('financing.stats.placed'), dataIndex: 'placed', key: 'placed', align: 'right' },
          { title: t('financing.stats.requested'), key: 'req', align: 'right', render: (_, r) => wan(r.requestedFen) },
          { title: t('financing.stats.grantedAmount'), key: 'granted', align: 'right', render: (_, r) => wan(r.grantedFen) },
          { title: t('financing.stats.avgDays'), key: 'days', align: 'right', render: (_, r) => r.avgWorkingDays ?? '—' },
          { title: t('financing.stats.declined'), dataIndex: 'declined', key: 'declined', align: 'right' },
        ]}
      />
      <Card size="small" title={t('financing.stats.reasons')} style={{ marginTop: 16, maxWidth: 480 }}>
        <List
          size="small"
          dataSource={reasons}
          locale={{ emptyText: t('financing.stats.noReasons') }}
          renderItem={(r) => (
            <List.Item extra={r.count}>
              <span>{t(`financing.declineReasons.${r.reason}`)}</span>
            </List.Item>
          )}
        />
      </Card>
    </PageContainer>
  );
}
