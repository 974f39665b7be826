import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Input, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../../shared/list';
import type { AuditRow } from '../../../../shared/modules/admin.schemas';
import { DateRangeFilter } from '../../../components/DateRangeFilter';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { api, toQuery } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useCan } from '../../../lib/auth';
import { AUDIT_ACTIONS, ENTITY_TYPES, useAuditActionLabel, useEntityTypeLabel } from '../../../lib/labels';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { useUnits } from '../../../lib/units';
import { AuditDiff } from '../components/AuditDiff';
import { useVerifyChain, VerifyChainButton, VerifyChainResult } from '../components/VerifyChain';

interface Filters {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
}

/** 审计日志: who changed what, with before/after, and a check that the chain is intact. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const actionLabel = useAuditActionLabel();
  const entityTypeLabel = useEntityTypeLabel();
  const [filterForm] = Form.useForm<Filters>();
  const list = useListParams<Filters>({}, { sort: 'at', order: 'desc' });
  const rows = useQuery({
    queryKey: ['audit', list.query],
    queryFn: () => api.get<Page<AuditRow>>(`/api/audit${toQuery(list.query)}`),
    placeholderData: keepPreviousData,
  });
  const can = useCan();
  const units = useUnits({ includeInactive: true }, can('unit:read'));
  const unitName = (id: number | null) => {
    const unit = id === null ? undefined : units.data?.find((u) => u.id === id);
    return unit ? localName(unit) : null;
  };
  const verify = useVerifyChain();

  const columns: TableColumnsType<AuditRow> = [
    { title: t('log.at'), dataIndex: 'at', key: 'at', sorter: true, sortOrder: list.sortOrderOf('at'), render: formatDateTime },
    {
      title: t('audit.actor'),
      key: 'actorUsername',
      sorter: true,
      sortOrder: list.sortOrderOf('actorUsername'),
      render: (_, row) => (
        <>
          {row.actorUsername ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>}
          {unitName(row.actorUnitId) && <Typography.Text type="secondary"> · {unitName(row.actorUnitId)}</Typography.Text>}
        </>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      sorter: true,
      sortOrder: list.sortOrderOf('action'),
      render: (action: string) => (
        <>
          {actionLabel(action)} <Tag>{action}</Tag>
        </>
      ),
    },
    {
      title: t('audit.entityType'),
      dataIndex: 'entityType',
      key: 'entityType',
      sorter: true,
      sortOrder: list.sortOrderOf('entityType'),
      render: entityTypeLabel,
    },
    { title: t('audit.entityId'), dataIndex: 'entityId', key: 'entityId', render: (id: string | null) => id ?? '—' },
    { title: t('log.ip'), dataIndex: 'ip', key: 'ip', render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <PageContainer
      title={t('nav.audit')}
      extra={
        <>
          <VerifyChainButton verify={verify} />
          <ExportButton url="/api/audit/export.xlsx" query={list.exportQuery} />
        </>
      }
    >
      <VerifyChainResult result={verify.data} onClose={() => verify.reset()} />
      <FilterBar form={filterForm} testId="audit-filters" onSearch={list.setFilters}>
        <DateRangeFilter openEnded />
        <Form.Item name="actor">
          <Input allowClear placeholder={t('audit.actor')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.action')}
            style={{ width: 180 }}
            options={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(action) }))}
          />
        </Form.Item>
        <Form.Item name="entityType">
          <Select
            allowClear
            placeholder={t('audit.entityType')}
            style={{ width: 140 }}
            options={ENTITY_TYPES.map((type) => ({ value: type, label: entityTypeLabel(type) }))}
          />
        </Form.Item>
        <Form.Item name="entityId">
          <Input allowClear placeholder={t('audit.entityId')} style={{ width: 120 }} />
        </Form.Item>
      </FilterBar>
      <ListTable
        list={list}
        result={rows}
        columns={columns}
        testId="audit-table"
        expandable={{
          expandedRowRender: (row) => <AuditDiff before={row.before} after={row.after} />,
          rowExpandable: (row) => row.before != null || row.after != null,
        }}
      />
    </PageContainer>
  );
}
