import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Space, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LEAD_STAGES, type LeadListItem } from '../../../../shared/modules/chains.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { type LeadFilters, useChainOptions, useLeads } from '../api';
import { LeadFormDrawer } from '../components/LeadFormDrawer';
import { StageTag } from '../components/bits';
import { useMoney } from '../money';
import { EnumSelect } from '../../../components/EnumSelect';

/** 招商线索: the leads the user may see, stalled ones flagged, with filters, export and a new lead. */
export function LeadsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const localName = useLocalName();
  const money = useMoney();
  const list = useListParams<LeadFilters>({}, { sort: 'updatedAt', order: 'desc' });
  const leads = useLeads(list.query);
  const options = useChainOptions();
  const [form] = Form.useForm<LeadFilters>();
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<LeadListItem> = [
    {
      title: t('leads.name'),
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (_, l) => (
        <Space size={4} wrap>
          <Link to={`/chains/leads/${l.id}`}>{l.name}</Link>
          {l.stalled && <Tag color="error">{t('leads.stalled')}</Tag>}
        </Space>
      ),
    },
    { title: t('leads.investor'), dataIndex: 'investor', key: 'investor' },
    { title: t('leads.chain'), key: 'chain', render: (_, l) => <Link to={`/chains/${l.chain.id}`}>{localName(l.chain)}</Link> },
    {
      title: t('leads.amount'),
      key: 'plannedInvestmentFen',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('plannedInvestmentFen'),
      render: (_, l) => money(l.contractInvestmentFen ?? l.plannedInvestmentFen),
    },
    { title: t('leads.stage'), key: 'stage', sorter: true, sortOrder: list.sortOrderOf('stage'), render: (_, l) => <StageTag stage={l.stage} /> },
    {
      title: t('leads.signedDate'),
      dataIndex: 'signedDate',
      key: 'signedDate',
      sorter: true,
      sortOrder: list.sortOrderOf('signedDate'),
      render: (d) => d ?? '—',
    },
    {
      title: t('leads.nextStep'),
      key: 'nextStepDate',
      sorter: true,
      sortOrder: list.sortOrderOf('nextStepDate'),
      render: (_, l) => (l.nextStep ? (l.nextStepDate ? t('leads.stepWithDate', { step: l.nextStep, date: l.nextStepDate }) : l.nextStep) : '—'),
    },
    { title: t('leads.team'), key: 'team', render: (_, l) => localName(l.teamUnit) },
    {
      title: t('leads.updatedAt'),
      key: 'updatedAt',
      sorter: true,
      sortOrder: list.sortOrderOf('updatedAt'),
      render: (_, l) => <Tooltip title={l.updatedAt}>{l.updatedAt.slice(0, 10)}</Tooltip>,
    },
  ];

  return (
    <PageContainer
      title={t('nav.leadList')}
      extra={
        <>
          <ExportButton url="/api/leads/export.xlsx" query={list.exportQuery} />
          {can('lead:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-lead">
              {t('leads.create')}
            </Button>
          )}
        </>
      }
    >
      <FilterBar form={form} onSearch={(f) => list.setFilters({ ...f, stalled: f.stalled || undefined })} testId="lead-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('leads.searchPlaceholder')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="chainId">
          <Select
            allowClear
            placeholder={t('leads.chain')}
            style={{ width: 180 }}
            options={(options.data?.chains ?? []).map((c) => ({ value: c.id, label: localName(c) }))}
          />
        </Form.Item>
        <Form.Item name="stage">
          <EnumSelect allowClear placeholder={t('leads.stage')} style={{ width: 120 }} values={LEAD_STAGES} label={(v) => t(`leads.stages.${v}`)} />
        </Form.Item>
        <Form.Item name="stalled" valuePropName="checked">
          <Checkbox data-testid="filter-stalled">{t('leads.stalledOnly')}</Checkbox>
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={leads} columns={columns} testId="leads-table" />
      {creating && <LeadFormDrawer onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}
