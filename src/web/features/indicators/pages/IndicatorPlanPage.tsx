import { DownloadOutlined, HistoryOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanIndicator } from '../../../../shared/modules/indicators.schemas';
import { ExcelImportModal } from '../../../components/ExcelImportModal';
import { PageContainer } from '../../../components/PageContainer';
import { download } from '../../../lib/api';
import { useShowError } from '../../../lib/errors';
import { useCan } from '../../../lib/auth';
import { useLocale } from '../../../lib/i18n';
import { useLocalName } from '../../../lib/names';
import { usePlan, usePlanYears } from '../api';
import { DecompositionDrawer } from '../components/DecompositionDrawer';
import { PlanVersionsDrawer } from '../components/PlanVersionsDrawer';
import { PublishPlanModal } from '../components/PublishPlanModal';
import { formatValue } from '../format';

type UnitShare = PlanIndicator['units'][number];

/** 年度目标: the county targets of a year and their decomposition to townships and departments. */
export function IndicatorPlanPage() {
  const { t } = useTranslation();
  const can = useCan();
  const locale = useLocale();
  const localName = useLocalName();
  const years = usePlanYears();
  const thisYear = new Date().getFullYear();
  const [chosenYear, setYear] = useState<number | null>(null);
  const year = chosenYear ?? years.data?.items[0]?.year ?? thisYear;
  const plan = usePlan(year);
  const [editing, setEditing] = useState<PlanIndicator | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [showVersions, setShowVersions] = useState(false);
  const [importing, setImporting] = useState(false);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const manage = can('indicator:manage');
  const data = plan.data;

  // Next year to plan ahead, and the last few to set up a missing plan (a baseline year, a plan kept on paper so far).
  const recentYears = Array.from({ length: 7 }, (_, i) => thisYear + 1 - i);
  const yearOptions = [...new Set([...recentYears, ...(years.data?.items.map((p) => p.year) ?? []), year])]
    .sort((a, b) => b - a)
    .map((y) => ({ value: y, label: `${y}` }));

  const unitOf = (row: PlanIndicator) => (locale === 'en-US' && row.indicator.unitEn) || row.indicator.unitZh;
  const fmt = (row: PlanIndicator, v: number | null | undefined) => formatValue(v, row.indicator, locale);

  const columns: TableColumnsType<PlanIndicator> = [
    {
      title: t('indicators.name'),
      key: 'name',
      render: (_, row) => (
        <>
          <Typography.Text strong>{localName(row.indicator)}</Typography.Text>
          <div style={{ color: '#888', fontSize: 12 }}>
            {row.indicator.code} · {unitOf(row)}
          </div>
        </>
      ),
    },
    { title: t('indicators.kind'), key: 'kind', render: (_, row) => <Tag color="blue">{t(`indicators.kinds.${row.indicator.kind}`)}</Tag> },
    {
      title: t('indicators.countyTarget'),
      key: 'county',
      align: 'right',
      render: (_, row) =>
        row.county ? (
          <span>
            {row.indicator.kind === 'stock' && `${fmt(row, row.county.startOfYear)} → `}
            <Typography.Text strong>{fmt(row, row.county.target)}</Typography.Text> {unitOf(row)}
            {row.county.planCurve && <div style={{ color: '#888', fontSize: 12 }}>{t('indicators.planCurveJune', { share: row.county.planCurve[5] })}</div>}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('indicators.noTarget')}</Typography.Text>
        ),
    },
    {
      title: t('indicators.unitTargets'),
      key: 'units',
      render: (_, row) =>
        row.units.length ? (
          t('indicators.unitCount', { count: row.units.length })
        ) : (
          <Typography.Text type="secondary">{row.county ? t('indicators.notDecomposed') : '—'}</Typography.Text>
        ),
    },
    {
      title: t('indicators.coverage'),
      key: 'coverage',
      render: (_, row) =>
        !row.coverage.applies ? (
          '—'
        ) : row.coverage.ok ? (
          <Tag color="green">{t('indicators.covered')}</Tag>
        ) : (
          <Tag color="red">{t('indicators.short', { amount: `${fmt(row, row.coverage.shortfall)} ${unitOf(row)}` })}</Tag>
        ),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, row: PlanIndicator) => (
              <Button type="link" size="small" onClick={() => setEditing(row)} data-testid={`decompose-${row.indicator.code}`}>
                {t('indicators.decompose')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const unitColumns = (row: PlanIndicator): TableColumnsType<UnitShare> => [
    { title: t('indicators.unit'), key: 'unit', render: (_, share) => localName(share.unit) },
    ...(row.indicator.kind === 'stock'
      ? [{ title: t('indicators.startOfYear'), key: 'start', align: 'right' as const, render: (_: unknown, share: UnitShare) => fmt(row, share.startOfYear) }]
      : []),
    { title: `${t('indicators.target')}（${unitOf(row)}）`, key: 'target', align: 'right', render: (_, share) => fmt(row, share.target) },
    { title: t('indicators.responsiblePerson'), dataIndex: 'responsiblePerson', key: 'person', render: (v: string) => v || '—' },
    { title: t('indicators.leadLeader'), dataIndex: 'leadLeader', key: 'leader', render: (v: string) => v || '—' },
    { title: t('indicators.measures'), dataIndex: 'measures', key: 'measures', render: (v: string) => v || '—' },
  ];

  const hasTargets = !!data?.indicators.some((row) => row.county);

  return (
    <PageContainer
      title={
        <Flex align="center" gap={12} wrap>
          {t('indicators.plan')}
          <Select value={year} options={yearOptions} onChange={setYear} style={{ width: 100 }} aria-label={t('indicators.year')} data-testid="plan-year" />
          {data && (
            <Tag color={data.status === 'published' ? 'green' : data.status === 'draft' ? 'orange' : 'default'} data-testid="plan-status">
              {t(`indicators.status.${data.status}`)}
              {data.status === 'published' && ` · ${t('indicators.version', { version: data.version })}`}
            </Tag>
          )}
        </Flex>
      }
      extra={
        <>
          <Button icon={<HistoryOutlined />} onClick={() => setShowVersions(true)}>
            {t('indicators.versions')}
          </Button>
          {hasTargets && (
            <Button icon={<DownloadOutlined />} onClick={() => download(`/api/indicator-plans/${year}/export.xlsx`).catch(showError)} data-testid="plan-export">
              {t('common.export')}
            </Button>
          )}
          {manage && data?.status !== 'published' && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="plan-import">
              {t('indicators.importPlan')}
            </Button>
          )}
          {manage && data?.status === 'draft' && (
            <Button type="primary" icon={<SendOutlined />} onClick={() => setPublishing(true)} data-testid="publish-plan">
              {t('indicators.publish')}
            </Button>
          )}
        </>
      }
    >
      {data && !data.complete && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('indicators.onlyOwn')} />}
      {data?.coverageReason && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`${t('indicators.coverageReason')}：${data.coverageReason}`} />
      )}
      {plan.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={plan.error.message} />}
      {data && !hasTargets && (
        <Empty style={{ margin: '24px 0' }} description={`${t('indicators.noPlan', { year })}${manage ? t('indicators.noPlanHint') : ''}`} />
      )}
      <Table<PlanIndicator>
        rowKey={(row) => row.indicator.id}
        size="middle"
        data-testid="plan-table"
        loading={plan.isFetching}
        columns={columns}
        dataSource={data?.indicators ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          rowExpandable: (row) => row.units.length > 0,
          expandedRowRender: (row) => (
            <Table<UnitShare>
              rowKey={(share) => share.unit.id}
              size="small"
              columns={unitColumns(row)}
              dataSource={row.units}
              pagination={false}
              scroll={{ x: 'max-content' }}
            />
          ),
        }}
      />
      {editing && data && <DecompositionDrawer plan={data} row={editing} onClose={() => setEditing(null)} />}
      {publishing && data && <PublishPlanModal plan={data} onClose={() => setPublishing(false)} />}
      {showVersions && <PlanVersionsDrawer year={year} onClose={() => setShowVersions(false)} />}
      {importing && (
        <ExcelImportModal
          title={t('indicators.importPlanTitle', { year })}
          templateUrl={`/api/indicator-plans/${year}/template.xlsx`}
          importUrl={`/api/indicator-plans/${year}/import`}
          hint={t('indicators.importPlanHint')}
          onClose={() => setImporting(false)}
          onImported={(count) => {
            void message.success(t('indicators.planImported', { count }));
            void queryClient.invalidateQueries();
            setImporting(false);
          }}
        />
      )}
    </PageContainer>
  );
}
