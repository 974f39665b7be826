import { DownOutlined, ImportOutlined, SettingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Dropdown, Form, Input, Row, Select, Statistic, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MONITORING_FLAGS, MONITORING_SOURCES, type FlaggedFirm } from '../../../../shared/modules/monitoring.schemas';
import type { MonitoringFlag, MonitoringSource } from '../../../../shared/rules/monitoring-flags';
import { ExcelImportModal } from '../../../components/ExcelImportModal';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { useUnits } from '../../../lib/units';
import { type MonitoringFilters, useFlagged, useThresholds } from '../api';
import { FlagTags, FLAG_COLOURS, Yoy, kwh, wan } from '../components/bits';
import { ThresholdsModal } from '../components/ThresholdsModal';
import { EnumSelect } from '../../../components/EnumSelect';

interface FormValues extends Omit<MonitoringFilters, 'month'> {
  month?: Dayjs | null;
}

function useUnitOptions(kind: string) {
  const localName = useLocalName();
  const units = useUnits();
  return (units.data ?? [])
    .filter((u) => u.kind === kind && u.active)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((u) => ({ value: u.id, label: localName(u) }));
}

/** 企业运行监测: the firms flagged in a month by township and chain, with filters, export, the three imports and the thresholds. */
export function MonitoringPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const localName = useLocalName();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const list = useListParams<MonitoringFilters>({}, { sort: 'name', order: 'asc' });
  const flagged = useFlagged(list.query);
  const thresholds = useThresholds();
  const townships = useUnitOptions('township');
  const chains = useUnitOptions('service_team');
  const [importing, setImporting] = useState<MonitoringSource | null>(null);
  const [settings, setSettings] = useState(false);
  const month = flagged.data?.month;
  const th = thresholds.data;
  const hint: Record<MonitoringFlag, string> = {
    decline: t('monitoring.flagHint.decline', { pct: th?.declinePct ?? '' }),
    stopped: t('monitoring.flagHint.stopped', { pct: th?.stoppedPct ?? '', kwh: th?.stoppedKwh ?? '' }),
    half_stopped: t('monitoring.flagHint.half_stopped', { pct: th?.halfPct ?? '' }),
  };

  const search = (v: FormValues) => list.setFilters({ ...v, month: v.month ? v.month.format('YYYY-MM') : undefined });
  const pickFlag = (flag: MonitoringFlag) => {
    const next = list.params.filters.flag === flag ? undefined : flag;
    form.setFieldValue('flag', next);
    list.setFilters({ ...list.params.filters, flag: next });
  };

  const columns: TableColumnsType<FlaggedFirm> = [
    {
      title: t('monitoring.enterprise'),
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (_, r) => (
        <>
          <Link to={`/monitoring/firms/${r.enterprise.id}`} data-testid="flagged-firm">
            {r.enterprise.name}
          </Link>
          <div style={{ color: '#888', fontSize: 12, fontFamily: 'monospace' }}>{r.enterprise.uscc}</div>
        </>
      ),
    },
    { title: t('monitoring.flag'), key: 'flags', render: (_, r) => <FlagTags flags={r.flags} /> },
    { title: t('monitoring.township'), key: 'township', sorter: true, sortOrder: list.sortOrderOf('township'), render: (_, r) => localName(r.townshipUnit) },
    { title: t('monitoring.serviceTeam'), key: 'team', render: (_, r) => (r.serviceTeamUnit ? localName(r.serviceTeamUnit) : '—') },
    {
      title: t('monitoring.output'),
      key: 'outputFen',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('outputFen'),
      render: (_, r) => (
        <>
          {wan(r.outputFen)}
          <Yoy value={r.outputYoY} />
        </>
      ),
    },
    {
      title: t('monitoring.electricity'),
      key: 'electricityKwh',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('electricityKwh'),
      render: (_, r) => (
        <>
          {kwh(r.electricityKwh)}
          <Yoy value={r.electricityYoY} />
        </>
      ),
    },
    { title: t('monitoring.taxes'), key: 'taxesFen', align: 'right', sorter: true, sortOrder: list.sortOrderOf('taxesFen'), render: (_, r) => wan(r.taxesFen) },
    {
      title: t('monitoring.task'),
      key: 'task',
      render: (_, r) => (r.taskId ? <Link to={`/tasks/${r.taskId}`}>{t('monitoring.viewTask')}</Link> : '—'),
    },
  ];

  return (
    <PageContainer
      title={
        <>
          {t('nav.monitoring')}
          {month && (
            <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginInlineStart: 8 }} data-testid="monitoring-month">
              {month}
            </Typography.Text>
          )}
        </>
      }
      extra={
        <>
          <ExportButton url="/api/monitoring/flags/export.xlsx" query={list.exportQuery} />
          {can('monitoring:import') && (
            <Dropdown
              menu={{
                items: MONITORING_SOURCES.map((s) => ({ key: s, label: t(`monitoring.importOf.${s}`), 'data-testid': `import-${s}` })),
                onClick: ({ key }) => setImporting(key as MonitoringSource),
              }}
            >
              <Button icon={<ImportOutlined />} data-testid="import-figures">
                {t('monitoring.import')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
          {can('monitoring:import') && (
            <Button icon={<SettingOutlined />} onClick={() => setSettings(true)} data-testid="monitoring-settings">
              {t('monitoring.settings')}
            </Button>
          )}
        </>
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {MONITORING_FLAGS.map((flag) => (
          <Col xs={8} key={flag}>
            <Card
              size="small"
              hoverable
              onClick={() => pickFlag(flag)}
              data-testid={`count-${flag}`}
              style={list.params.filters.flag === flag ? { borderColor: FLAG_COLOURS[flag].border } : undefined}
            >
              <Statistic
                title={<Tag color={FLAG_COLOURS[flag].tag}>{t(`monitoring.flags.${flag}`)}</Tag>}
                value={flagged.data?.counts[flag] ?? 0}
                styles={{ content: { color: FLAG_COLOURS[flag].border } }}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: hint[flag] }}>
                {hint[flag]}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <FilterBar form={form} onSearch={search} testId="monitoring-filters">
        <Form.Item name="month">
          <DatePicker
            picker="month"
            allowClear
            placeholder={t('monitoring.month')}
            disabledDate={(d) => d.isAfter(dayjs().subtract(1, 'month'), 'month')}
            style={{ width: 130 }}
          />
        </Form.Item>
        <Form.Item name="flag">
          <EnumSelect
            allowClear
            placeholder={t('monitoring.flag')}
            style={{ width: 120 }}
            values={MONITORING_FLAGS}
            label={(f) => t(`monitoring.flags.${f}`)}
          />
        </Form.Item>
        <Form.Item name="townshipUnitId">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('monitoring.township')} style={{ width: 130 }} options={townships} />
        </Form.Item>
        <Form.Item name="chainUnitId">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('monitoring.chain')} style={{ width: 200 }} options={chains} />
        </Form.Item>
        <Form.Item name="q">
          <Input allowClear placeholder={t('monitoring.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={flagged} columns={columns} testId="monitoring-table" />
      {importing && (
        <ExcelImportModal
          title={t(`monitoring.importOf.${importing}`)}
          hint={t(`monitoring.importHint.${importing}`)}
          templateUrl={`/api/monitoring/figures/${importing}/template.xlsx`}
          importUrl={`/api/monitoring/figures/${importing}/import`}
          onClose={() => setImporting(null)}
          onImported={(count) => {
            void message.success(t('monitoring.imported', { count }));
            void queryClient.invalidateQueries({ queryKey: ['monitoring'] });
            void queryClient.invalidateQueries({ queryKey: ['tasks'] });
            setImporting(null);
          }}
        />
      )}
      {settings && th && <ThresholdsModal value={th} onClose={() => setSettings(false)} />}
    </PageContainer>
  );
}
