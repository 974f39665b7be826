import { Alert, Card, Progress, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetRow } from '../../../../shared/modules/funds.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { PageContainer } from '../../../components/PageContainer';
import { useBudget } from '../api';
import { yuan } from '../components/bits';

/** Budget execution: budget, approved, paid and remaining per programme of a year, with totals and export. */
export function BudgetPage() {
  const { t } = useTranslation();
  const thisYear = dayjs().year();
  const [year, setYear] = useState<number | undefined>(thisYear);
  const budget = useBudget(year);
  const years = [thisYear + 1, ...Array.from({ length: 8 }, (_, i) => thisYear - i)];
  const pct = (r: Pick<BudgetRow, 'approvedFen' | 'budgetFen'>) => (r.budgetFen > 0 ? Math.round((r.approvedFen / r.budgetFen) * 1000) / 10 : 0);
  return (
    <PageContainer
      title={t('nav.fundBudget')}
      extra={
        <>
          <Select
            style={{ width: 120 }}
            value={year ?? 0}
            data-testid="budget-year"
            onChange={(v) => setYear(v === 0 ? undefined : v)}
            options={[...years.map((y) => ({ value: y, label: String(y) })), { value: 0, label: t('funds.allYears') }]}
          />
          <ExportButton url="/api/funds/budget/export.xlsx" query={{ year }} />
        </>
      }
    >
      {budget.error && <Alert type="error" showIcon title={budget.error.message} />}
      <Typography.Paragraph type="secondary">{t('funds.budgetHint')}</Typography.Paragraph>
      <Card size="small">
        <Table<BudgetRow>
          rowKey={(r) => r.programme.id}
          size="middle"
          data-testid="budget-table"
          loading={budget.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={budget.data?.items ?? []}
          locale={{ emptyText: t('common.empty') }}
          columns={[
            { title: t('funds.year'), key: 'year', render: (_, r) => r.programme.year, width: 70 },
            {
              title: t('funds.programme'),
              key: 'name',
              render: (_, r) => (
                <>
                  {r.programme.name}
                  {t(`funds.funds.${r.programme.fund}`) !== r.programme.name && (
                    <div style={{ color: '#888', fontSize: 12 }}>{t(`funds.funds.${r.programme.fund}`)}</div>
                  )}
                </>
              ),
            },
            { title: t('funds.budget'), key: 'budget', align: 'right', render: (_, r) => yuan(r.budgetFen) },
            { title: t('funds.approved'), key: 'approved', align: 'right', render: (_, r) => <span data-testid="budget-approved">{yuan(r.approvedFen)}</span> },
            {
              title: t('funds.disbursed'),
              key: 'disbursed',
              align: 'right',
              render: (_, r) => <span data-testid="budget-disbursed">{yuan(r.disbursedFen)}</span>,
            },
            {
              title: t('funds.remaining'),
              key: 'remaining',
              align: 'right',
              render: (_, r) => <span data-testid="budget-remaining">{yuan(r.remainingFen)}</span>,
            },
            { title: t('funds.usage'), key: 'usage', width: 160, render: (_, r) => <Progress percent={pct(r)} size="small" /> },
            { title: t('funds.applicationsCount'), dataIndex: 'applications', key: 'applications', align: 'right' },
            { title: t('funds.pending'), dataIndex: 'pending', key: 'pending', align: 'right' },
          ]}
          summary={() =>
            budget.data && budget.data.items.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <Typography.Text strong>{t('funds.totals')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {yuan(budget.data.totals.budgetFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {yuan(budget.data.totals.approvedFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {yuan(budget.data.totals.disbursedFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {yuan(budget.data.totals.remainingFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6}>
                  <Progress percent={pct(budget.data.totals)} size="small" />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right">
                  {budget.data.totals.applications}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={8} align="right">
                  {budget.data.totals.pending}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    </PageContainer>
  );
}
