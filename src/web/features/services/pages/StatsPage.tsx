import { Alert, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitStats } from '../../../../shared/modules/services.schemas';
import { PageContainer } from '../../../components/PageContainer';
import { useLocalName } from '../../../lib/names';
import { useStats } from '../api';
import { pct } from '../components/bits';

/** Per owner unit, for a year or a quarter: on-time rate, satisfaction rate, average working days to close. */
export function StatsPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [quarter, setQuarter] = useState<number | undefined>(undefined);
  const stats = useStats(year, quarter);
  const columns: TableColumnsType<UnitStats> = [
    { title: t('services.unit'), key: 'unit', render: (_, s) => localName(s.unit) },
    { title: t('services.received'), dataIndex: 'received', key: 'received', align: 'right' },
    { title: t('services.closed'), dataIndex: 'closed', key: 'closed', align: 'right' },
    { title: t('services.onTimeRate'), key: 'onTimeRate', align: 'right', render: (_, s) => pct(s.onTimeRate) },
    { title: t('services.satisfactionRate'), key: 'satisfactionRate', align: 'right', render: (_, s) => pct(s.satisfactionRate) },
    { title: t('services.avgWorkingDays'), key: 'avg', align: 'right', render: (_, s) => s.avgWorkingDays ?? '—' },
    { title: t('services.partsCount'), dataIndex: 'parts', key: 'parts', align: 'right' },
    { title: t('services.partsOnTime'), dataIndex: 'partsOnTime', key: 'partsOnTime', align: 'right' },
  ];
  return (
    <PageContainer
      title={t('nav.serviceStats')}
      extra={
        <Space wrap>
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 100 }}
            aria-label={t('services.yearLabel')}
            options={Array.from({ length: 8 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))}
            data-testid="stats-year"
          />
          <Select
            value={quarter ?? 0}
            onChange={(q) => setQuarter(q === 0 ? undefined : q)}
            style={{ width: 120 }}
            aria-label={t('services.quarterLabel')}
            options={[{ value: 0, label: t('services.wholeYear') }, ...[1, 2, 3, 4].map((q) => ({ value: q, label: t('services.quarter', { q }) }))]}
          />
        </Space>
      }
    >
      <Alert type="info" showIcon title={t('services.statsHint')} style={{ marginBottom: 12 }} />
      {stats.error && <Alert type="error" showIcon title={stats.error.message} />}
      <Table<UnitStats>
        rowKey={(s) => s.unit.id}
        size="middle"
        data-testid="stats-table"
        columns={columns}
        dataSource={stats.data?.items ?? []}
        loading={stats.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('services.noStats') }}
      />
    </PageContainer>
  );
}
