import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProjectListItem } from '../../../../shared/modules/projects.schemas';
import { ExcelImportModal } from '../../../components/ExcelImportModal';
import { ExportButton } from '../../../components/ExportButton';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { type ProjectFilters as Filters, useProjects } from '../api';
import { ColourTag } from '../components/bits';
import { ProjectFilters } from '../components/ProjectFilters';
import { ProjectFormDrawer } from '../components/ProjectFormDrawer';
import { pct, wan } from '../money';

/** 项目库: the 三大改造 and 工业强县 libraries with their progress, filters, export and import. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const localName = useLocalName();
  const queryClient = useQueryClient();
  const list = useListParams<Filters>({}, { sort: 'code', order: 'asc' });
  const projects = useProjects(list.query);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const columns: TableColumnsType<ProjectListItem> = [
    { title: t('projects.code'), dataIndex: 'code', key: 'code', sorter: true, sortOrder: list.sortOrderOf('code'), width: 120 },
    {
      title: t('projects.name'),
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (_, p) => (
        <>
          <Link to={`/projects/${p.id}`}>{p.name}</Link>
          <div style={{ marginTop: 2 }}>
            <Tag>{t(`projects.libraries.${p.library}`)}</Tag>
            {p.types.map((x) => (
              <Tag key={x} color="blue">
                {t(`projects.types.${x}`)}
              </Tag>
            ))}
          </div>
        </>
      ),
    },
    { title: t('projects.stage'), key: 'stage', sorter: true, sortOrder: list.sortOrderOf('stage'), render: (_, p) => t(`projects.stages.${p.stage}`) },
    { title: t('projects.township'), key: 'township', render: (_, p) => localName(p.townshipUnit) },
    {
      title: t('projects.totalInvestment'),
      key: 'totalInvestmentFen',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('totalInvestmentFen'),
      render: (_, p) => wan(p.totalInvestmentFen),
    },
    {
      title: t('projects.annualPlan'),
      key: 'annualPlanFen',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('annualPlanFen'),
      render: (_, p) => wan(p.annualPlanFen),
    },
    { title: t('projects.ytd'), key: 'ytdFen', align: 'right', sorter: true, sortOrder: list.sortOrderOf('ytdFen'), render: (_, p) => wan(p.ytdFen) },
    { title: t('projects.completion'), key: 'completion', align: 'right', render: (_, p) => pct(p.completion) },
    { title: t('projects.colour'), key: 'colour', render: (_, p) => <ColourTag colour={p.colour} /> },
    {
      title: t('projects.overdue'),
      key: 'overdue',
      align: 'right',
      render: (_, p) => (p.overdueMilestones ? <Tag color="error">{p.overdueMilestones}</Tag> : 0),
    },
    { title: t('projects.leader'), key: 'leader', render: (_, p) => p.leader?.displayName ?? '—' },
    { title: t('projects.plannedStart'), dataIndex: 'plannedStart', key: 'plannedStart', sorter: true, sortOrder: list.sortOrderOf('plannedStart') },
  ];

  return (
    <PageContainer
      title={t('nav.projectLibrary')}
      extra={
        <>
          <ExportButton url="/api/projects/export.xlsx" query={list.exportQuery} />
          {can('project:manage') && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="import-projects">
              {t('projects.import')}
            </Button>
          )}
          {can('project:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-project">
              {t('projects.create')}
            </Button>
          )}
        </>
      }
    >
      <ProjectFilters onSearch={list.setFilters} />
      <ListTable list={list} result={projects} columns={columns} testId="projects-table" />
      {creating && <ProjectFormDrawer onClose={() => setCreating(false)} />}
      {importing && (
        <ExcelImportModal
          title={t('projects.import')}
          hint={t('projects.importHint')}
          templateUrl="/api/projects/template.xlsx"
          importUrl="/api/projects/import"
          onClose={() => setImporting(false)}
          onImported={(count) => {
            void message.success(t('projects.imported', { count }));
            void queryClient.invalidateQueries({ queryKey: ['projects'] });
            setImporting(false);
          }}
        />
      )}
    </PageContainer>
  );
}
