import { Form, Input, Segmented, Select, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { APPLICATION_STATUSES, type ApplicationListItem } from '../../../../shared/modules/funds.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { type ApplicationFilters, useApplications, useProgrammes } from '../api';
import { StatusTag, yuan } from '../components/bits';

/** Fund applications for staff: what waits at the caller's step first, every application in scope on demand. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const [form] = Form.useForm<ApplicationFilters>();
  const list = useListParams<ApplicationFilters>({ mine: 'true' }, { sort: 'submittedDate', order: 'desc' });
  const items = useApplications(list.query);
  const programmes = useProgrammes({ pageSize: 200, sort: 'year', order: 'desc' });
  const columns: TableColumnsType<ApplicationListItem> = [
    { title: t('funds.id'), dataIndex: 'id', key: 'id', sorter: true, sortOrder: list.sortOrderOf('id'), width: 70 },
    {
      title: t('funds.title'),
      key: 'title',
      render: (_, a) => (
        <>
          <Link to={`/funds/applications/${a.id}`} data-testid="application-link">
            {a.title}
          </Link>
          <div style={{ color: '#888', fontSize: 12 }}>
            {a.enterprise.name} · {localName(a.townshipUnit)}
          </div>
        </>
      ),
    },
    {
      title: t('funds.programme'),
      key: 'programme',
      render: (_, a) => (
        <>
          {a.programme.year} {a.programme.name}
          <div style={{ color: '#888', fontSize: 12 }}>{a.category.name}</div>
        </>
      ),
    },
    {
      title: t('funds.requested'),
      key: 'requestedFen',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('requestedFen'),
      render: (_, a) => yuan(a.requestedFen),
    },
    { title: t('funds.approved'), key: 'approved', align: 'right', render: (_, a) => yuan(a.approvedFen) },
    { title: t('funds.disbursed'), key: 'disbursed', align: 'right', render: (_, a) => yuan(a.disbursedFen) },
    { title: t('common.status'), key: 'status', sorter: true, sortOrder: list.sortOrderOf('status'), render: (_, a) => <StatusTag status={a.status} /> },
    { title: t('funds.reviewUnit'), key: 'reviewUnit', render: (_, a) => localName(a.reviewUnit) },
    { title: t('funds.submittedDate'), dataIndex: 'submittedDate', key: 'submittedDate', sorter: true, sortOrder: list.sortOrderOf('submittedDate') },
    { title: t('funds.stepDue'), key: 'dueDate', render: (_, a) => a.dueDate ?? '' },
  ];
  return (
    <PageContainer title={t('nav.fundApplications')} extra={<ExportButton url="/api/funds/applications/export.xlsx" query={list.exportQuery} />}>
      <Segmented
        style={{ marginBottom: 12 }}
        data-testid="applications-scope"
        value={list.params.filters.mine === 'true' ? 'mine' : 'all'}
        options={[
          { value: 'mine', label: t('funds.mine') },
          { value: 'all', label: t('funds.all') },
        ]}
        onChange={(v) => list.setFilters({ ...list.params.filters, mine: v === 'mine' ? 'true' : undefined })}
      />
      <FilterBar form={form} onSearch={(v) => list.setFilters({ ...v, mine: list.params.filters.mine })} testId="application-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('funds.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="programmeId">
          <Select
            allowClear
            placeholder={t('funds.programme')}
            style={{ width: 200 }}
            options={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.year} ${p.name}` }))}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 150 }}
            options={APPLICATION_STATUSES.filter((s) => s !== 'rejected').map((s) => ({ value: s, label: t(`funds.statuses.${s}`) }))}
          />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={items} columns={columns} testId="applications-table" />
    </PageContainer>
  );
}
