import { Flex, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Aggregate } from '../../../../shared/modules/reports.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { PageContainer } from '../../../components/PageContainer';
import { useLocale } from '../../../lib/i18n';
import { useReportAggregate, useReportForms } from '../api';
import { lastMonth, recentMonths } from '../month';

type Row = Aggregate['units'][number];
const num = (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }));

/** 月报汇总: county totals of every numeric field of a form for a month and the year to date, by township. */
export function ReportTotalsPage() {
  const { t } = useTranslation();
  const en = useLocale() === 'en-US';
  const forms = useReportForms();
  const [formId, setFormId] = useState<number | null>(null);
  const [month, setMonth] = useState(lastMonth());
  const current = formId ?? forms.data?.items[0]?.id ?? null;
  const agg = useReportAggregate(current, month);
  const data = agg.data;

  const columns: TableColumnsType<Row> = [
    {
      title: t('reports.township'),
      key: 'unit',
      fixed: 'start',
      width: 110,
      render: (_, r) => (r.reportId ? <Link to={`/reports/${r.reportId}`}>{en ? r.unit.nameEn : r.unit.nameZh}</Link> : en ? r.unit.nameEn : r.unit.nameZh),
    },
    ...(data?.fields ?? []).map((f, i) => ({
      title: (
        <div>
          {en ? f.labelEn || f.labelZh : f.labelZh}
          {(en ? f.unitEn : f.unitZh) && <Typography.Text type="secondary"> （{en ? f.unitEn : f.unitZh}）</Typography.Text>}
        </div>
      ),
      key: f.path,
      children: [
        { title: t('reports.thisMonth'), key: `${f.path}-m`, align: 'right' as const, render: (_: unknown, r: Row) => num(r.month[i]) },
        { title: t('reports.ytd'), key: `${f.path}-y`, align: 'right' as const, render: (_: unknown, r: Row) => num(r.ytd[i]) },
      ],
    })),
  ];

  return (
    <PageContainer
      title={t('reports.totalsTitle')}
      extra={current !== null && <ExportButton url="/api/reports/aggregate/export.xlsx" query={{ formId: current, month }} />}
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('reports.form')}
          value={current ?? undefined}
          onChange={setFormId}
          options={(forms.data?.items ?? []).map((f) => ({ value: f.id, label: en ? f.nameEn : f.nameZh }))}
          style={{ width: 240 }}
        />
        <Select
          aria-label={t('reports.month')}
          value={month}
          onChange={setMonth}
          options={recentMonths().map((m) => ({ value: m, label: m }))}
          style={{ width: 120 }}
        />
        <Typography.Text type="secondary">{t('reports.totalsHint')}</Typography.Text>
      </Flex>
      <Table<Row>
        rowKey={(r) => r.unit.id}
        size="small"
        bordered
        loading={agg.isFetching}
        columns={columns}
        dataSource={data?.units ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        summary={() =>
          data ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{data.countyWide ? t('reports.countyTotal') : t('reports.ownTotal')}</Typography.Text>
              </Table.Summary.Cell>
              {data.fields.flatMap((f, i) => [
                <Table.Summary.Cell key={`${f.path}-m`} index={1 + i * 2} align="right">
                  <Typography.Text strong>{num(data.total.month[i])}</Typography.Text>
                </Table.Summary.Cell>,
                <Table.Summary.Cell key={`${f.path}-y`} index={2 + i * 2} align="right">
                  <Typography.Text strong>{num(data.total.ytd[i])}</Typography.Text>
                </Table.Summary.Cell>,
              ])}
            </Table.Summary.Row>
          ) : null
        }
      />
    </PageContainer>
  );
}
