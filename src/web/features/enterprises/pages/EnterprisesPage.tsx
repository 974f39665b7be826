import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HighTechTag } from '../components/HighTechTag';
import { Link } from 'react-router';
import { SME_TIERS, type Enterprise } from '../../../../shared/modules/enterprises.schemas';
import { ExcelImportModal } from '../../../components/ExcelImportModal';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useBooleanOptions } from '../../../lib/options';
import { useLocalName } from '../../../lib/names';
import { useUnits } from '../../../lib/units';
import { type EnterpriseFilters, enterprisesKey, useEnterprises } from '../api';
import { EnterpriseFormDrawer } from '../components/EnterpriseFormDrawer';
import { useIndustryLabel, useIndustryOptions } from '../labels';

/** 企业档案: the firms the user may see, searched and filtered on the server, exported and imported by template. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const localName = useLocalName();
  const industryLabel = useIndustryLabel();
  const industryOptions = useIndustryOptions();
  const queryClient = useQueryClient();
  const [filterForm] = Form.useForm<EnterpriseFilters>();
  const list = useListParams<EnterpriseFilters>({}, { sort: 'name', order: 'asc' });
  const firms = useEnterprises(list.query);
  const units = useUnits({});
  const townships = (units.data ?? []).filter((u) => u.kind === 'township').map((u) => ({ value: u.id, label: localName(u) }));
  const teams = (units.data ?? []).filter((u) => u.kind === 'service_team').map((u) => ({ value: u.id, label: localName(u) }));
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const columns: TableColumnsType<Enterprise> = [
    {
      title: t('enterprises.name'),
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (_, e) => <Link to={`/enterprises/${e.id}`}>{e.name}</Link>,
    },
    { title: t('enterprises.uscc'), dataIndex: 'uscc', key: 'uscc', sorter: true, sortOrder: list.sortOrderOf('uscc') },
    { title: t('enterprises.township'), key: 'township', render: (_, e) => localName(e.township) },
    { title: t('enterprises.industry'), key: 'industry', render: (_, e) => industryLabel(e.industryCode) },
    {
      title: t('enterprises.tags'),
      key: 'tags',
      render: (_, e) => (
        <>
          {e.aboveScale && <Tag color="blue">{t('enterprises.aboveScale')}</Tag>}
          {e.highTech && <HighTechTag validTo={e.highTechValidTo} />}
          {e.smeTier !== 'none' && <Tag color="gold">{t(`enterprises.sme.${e.smeTier}`)}</Tag>}
        </>
      ),
    },
    { title: t('enterprises.serviceTeam'), key: 'team', render: (_, e) => (e.serviceTeam ? localName(e.serviceTeam) : '—') },
    { title: t('enterprises.employees'), dataIndex: 'employees', key: 'employees', align: 'right', sorter: true, sortOrder: list.sortOrderOf('employees') },
  ];

  const yesNo = useBooleanOptions();

  return (
    <PageContainer
      title={t('nav.enterprises')}
      extra={
        <>
          <ExportButton url="/api/enterprises/export.xlsx" query={list.exportQuery} />
          {can('enterprise:import') && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="enterprise-import">
              {t('import.button')}
            </Button>
          )}
          {can('enterprise:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('enterprises.create')}
            </Button>
          )}
        </>
      }
    >
      <FilterBar form={filterForm} onSearch={list.setFilters} testId="enterprise-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('enterprises.searchPlaceholder')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="townshipUnitId">
          <Select allowClear placeholder={t('enterprises.township')} options={townships} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="industryCode">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('enterprises.industry')}
            options={industryOptions}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="chainUnitId">
          <Select allowClear placeholder={t('enterprises.chain')} options={teams} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="aboveScale">
          <Select allowClear placeholder={t('enterprises.aboveScale')} options={yesNo} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="highTech">
          <Select allowClear placeholder={t('enterprises.highTech')} options={yesNo} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="smeTier">
          <Select
            allowClear
            placeholder={t('enterprises.smeTier')}
            options={SME_TIERS.filter((s) => s !== 'none').map((s) => ({ value: s, label: t(`enterprises.sme.${s}`) }))}
            style={{ width: 180 }}
          />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={firms} columns={columns} testId="enterprises-table" />
      {creating && <EnterpriseFormDrawer onClose={() => setCreating(false)} />}
      {importing && (
        <ExcelImportModal
          title={t('enterprises.importTitle')}
          templateUrl="/api/enterprises/template.xlsx"
          importUrl="/api/enterprises/import"
          onClose={() => setImporting(false)}
          onImported={(count) => {
            void message.success(t('import.done', { count }));
            void queryClient.invalidateQueries({ queryKey: enterprisesKey });
            setImporting(false);
          }}
        />
      )}
    </PageContainer>
  );
}
