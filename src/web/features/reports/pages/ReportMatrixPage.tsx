import { Alert, Card, Col, Flex, Row, Select, Statistic, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Matrix } from '../../../../shared/modules/reports.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { PageContainer } from '../../../components/PageContainer';
import { useLocale } from '../../../lib/i18n';
import { useReportMatrix } from '../api';
import { StatusTag, TimelinessTag } from '../components/StatusTag';
import { lastMonth, recentMonths } from '../month';

type MatrixRow = Matrix['rows'][number];
const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

/** 月报报送情况: townships × forms for a month, each cell's state and timeliness, rates for the month and the year. */
export function ReportMatrixPage() {
  const { t } = useTranslation();
  const en = useLocale() === 'en-US';
  const [search, setSearch] = useSearchParams();
  const month = search.get('month') ?? lastMonth();
  const matrix = useReportMatrix(month);
  const data = matrix.data;

  const columns: TableColumnsType<MatrixRow> = [
    { title: t('reports.township'), key: 'unit', fixed: 'start', width: 110, render: (_, r) => (en ? r.unit.nameEn : r.unit.nameZh) },
    ...(data?.forms ?? []).map((form, f) => ({
      title: (
        <div>
          <div>{en ? form.nameEn : form.nameZh}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('reports.dueOn', { date: form.dueDate })}
          </Typography.Text>
        </div>
      ),
      key: `form-${form.id}`,
      width: 200,
      render: (_: unknown, r: MatrixRow) => {
        const cell = r.cells[f];
        if (!cell) return <Typography.Text type="secondary">—</Typography.Text>;
        const to = cell.reportId ? `/reports/${cell.reportId}` : `/reports/sheet?formId=${form.id}&unitId=${r.unit.id}&month=${month}`;
        return (
          <Link to={to} data-testid={`cell-${r.unit.id}-${form.id}`} data-status={cell.status}>
            <StatusTag status={cell.status} />
            <TimelinessTag timeliness={cell.timeliness} />
            {cell.required > 0 && cell.status !== 'not_started' && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {cell.filled}/{cell.required}
              </Typography.Text>
            )}
          </Link>
        );
      },
    })),
    { title: t('reports.completenessMonth'), key: 'cm', width: 90, render: (_, r) => pct(r.month.completenessRate) },
    { title: t('reports.timelinessMonth'), key: 'tm', width: 90, render: (_, r) => pct(r.month.timelinessRate) },
    { title: t('reports.completenessYear'), key: 'cy', width: 90, render: (_, r) => pct(r.year.completenessRate) },
    { title: t('reports.timelinessYear'), key: 'ty', width: 90, render: (_, r) => pct(r.year.timelinessRate) },
  ];

  return (
    <PageContainer title={t('reports.matrixTitle')} extra={<ExportButton url="/api/reports/matrix/export.xlsx" query={{ month }} />}>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('reports.month')}
          data-testid="matrix-month"
          value={month}
          onChange={(m) => setSearch({ month: m })}
          options={recentMonths().map((m) => ({ value: m, label: m }))}
          style={{ width: 120 }}
        />
        <Typography.Text type="secondary">{t('reports.matrixHint')}</Typography.Text>
      </Flex>
      {matrix.error && <Alert type="error" showIcon title={matrix.error.message} style={{ marginBottom: 12 }} />}
      {data && (
        <Row gutter={12} style={{ marginBottom: 12 }}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('reports.completenessMonth')} value={pct(data.total.month.completenessRate)} />
              <Typography.Text type="secondary" data-testid="month-of-expected">
                {t('reports.ofExpected', { complete: data.total.month.complete, expected: data.total.month.expected })}
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('reports.timelinessMonth')} value={pct(data.total.month.timelinessRate)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('reports.completenessYear')} value={pct(data.total.year.completenessRate)} />
              <Typography.Text type="secondary">
                {t('reports.ofExpected', { complete: data.total.year.complete, expected: data.total.year.expected })}
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('reports.timelinessYear')} value={pct(data.total.year.timelinessRate)} />
            </Card>
          </Col>
        </Row>
      )}
      <Table<MatrixRow>
        rowKey={(r) => r.unit.id}
        size="small"
        loading={matrix.isFetching}
        columns={columns}
        dataSource={data?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="report-matrix"
      />
    </PageContainer>
  );
}
