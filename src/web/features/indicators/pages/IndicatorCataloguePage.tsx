import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../shared/modules/indicators.schemas';
import { INDICATOR_KINDS } from '../../../../shared/rules/indicator-progress';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useLocale } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list';
import { useBooleanOptions } from '../../../lib/options';
import { useLocalName } from '../../../lib/names';
import { type IndicatorFilters, useIndicators } from '../api';
import { IndicatorFormModal } from '../components/IndicatorFormModal';
import { EnumSelect } from '../../../components/EnumSelect';

/** 指标目录: the indicators the county tracks, their kinds, sources and warning thresholds. */
export function IndicatorCataloguePage() {
  const { t } = useTranslation();
  const can = useCan();
  const english = useLocale() === 'en-US';
  const localName = useLocalName();
  const activeOptions = useBooleanOptions('active');
  const [filterForm] = Form.useForm<IndicatorFilters>();
  const list = useListParams<IndicatorFilters>({}, { sort: 'sortOrder', order: 'asc' });
  const indicators = useIndicators(list.query);
  const [editing, setEditing] = useState<{ indicator?: Indicator } | null>(null);

  const columns: TableColumnsType<Indicator> = [
    { title: t('indicators.code'), dataIndex: 'code', key: 'code', sorter: true, sortOrder: list.sortOrderOf('code') },
    {
      title: t('indicators.name'),
      key: 'nameZh',
      sorter: true,
      sortOrder: list.sortOrderOf('nameZh'),
      render: (_, i) => (
        <Tooltip title={english ? i.definitionEn || i.definitionZh : i.definitionZh}>
          <span>{localName(i)}</span>
        </Tooltip>
      ),
    },
    { title: t('indicators.unitOfMeasure'), key: 'unit', render: (_, i) => (english && i.unitEn) || i.unitZh },
    {
      title: t('indicators.kind'),
      key: 'kind',
      sorter: true,
      sortOrder: list.sortOrderOf('kind'),
      render: (_, i) => <Tag color="blue">{t(`indicators.kinds.${i.kind}`)}</Tag>,
    },
    { title: t('indicators.direction'), key: 'direction', render: (_, i) => t(`indicators.directions.${i.direction}`) },
    { title: t('indicators.sourceUnit'), key: 'sourceUnit', render: (_, i) => (i.sourceUnit ? localName(i.sourceUnit) : '—') },
    {
      title: t('indicators.yellowBand'),
      key: 'yellowBandPp',
      align: 'right',
      render: (_, i) => i.yellowBandPp ?? <span style={{ color: '#999' }}>{i.kind === 'growth' || i.kind === 'ratio' ? 2 : 5}</span>,
    },
    {
      title: t('common.status'),
      key: 'active',
      render: (_, i) => (i.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    ...(can('indicator:manage')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, indicator: Indicator) => (
              <Button type="link" size="small" onClick={() => setEditing({ indicator })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('indicators.catalogue')}
      extra={
        <>
          <ExportButton url="/api/indicators/export.xlsx" query={list.exportQuery} />
          {can('indicator:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('indicators.create')}
            </Button>
          )}
        </>
      }
    >
      <FilterBar form={filterForm} onSearch={list.setFilters} testId="indicator-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('indicators.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="kind">
          <EnumSelect allowClear placeholder={t('indicators.kind')} style={{ width: 140 }} values={INDICATOR_KINDS} label={(k) => t(`indicators.kinds.${k}`)} />
        </Form.Item>
        <Form.Item name="active">
          <Select allowClear placeholder={t('common.status')} style={{ width: 120 }} options={activeOptions} />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={indicators} columns={columns} testId="indicators-table" />
      {editing && <IndicatorFormModal indicator={editing.indicator} onClose={() => setEditing(null)} />}
    </PageContainer>
  );
}
