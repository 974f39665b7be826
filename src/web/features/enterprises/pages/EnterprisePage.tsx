import { ArrowLeftOutlined, EditOutlined, LineChartOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Grid, Space, Spin, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HighTechTag } from '../components/HighTechTag';
import { Link, useNavigate, useParams } from 'react-router';
import type { Task } from '../../../../shared/modules/tasks.schemas';
import { AttachmentsPanel } from '../../../components/AttachmentsPanel';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useLocalName } from '../../../lib/names';
import { TaskStateTag, TaskStatusTag, useTasks } from '../../tasks';
import { useEnterprise } from '../api';
import { EnterpriseFormDrawer } from '../components/EnterpriseFormDrawer';
import { useIndustryLabel } from '../labels';

/** Tasks linked to the firm (督办 now; projects, requests and funds join as their modules arrive). */
function EnterpriseTasks({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const tasks = useTasks({ view: 'all', enterpriseId, pageSize: 50 });
  return (
    <Table<Task>
      rowKey="id"
      size="small"
      loading={tasks.isFetching}
      dataSource={tasks.data?.items ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('enterprises.noTasks')} /> }}
      columns={[
        { title: t('tasks.title'), key: 'title', render: (_, task) => <Link to={`/tasks/${task.id}`}>{task.title}</Link> },
        { title: t('tasks.ownerUnit'), key: 'owner', render: (_, task) => localName(task.ownerUnit) },
        { title: t('tasks.dueDate'), dataIndex: 'dueDate', key: 'due' },
        { title: t('tasks.status'), key: 'status', render: (_, task) => <TaskStatusTag status={task.status} /> },
        { title: t('tasks.state'), key: 'state', render: (_, task) => <TaskStateTag state={task.state} /> },
      ]}
    />
  );
}

/** 一企一档: one firm's profile, its contacts, linked tasks and documents. */
export function EnterprisePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const localName = useLocalName();
  const industryLabel = useIndustryLabel();
  const screens = Grid.useBreakpoint();
  const id = Number(useParams().id);
  const firm = useEnterprise(id);
  const [editing, setEditing] = useState(false);

  if (firm.error) return <Alert type="error" showIcon title={firm.error.message} />;
  if (!firm.data) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const e = firm.data;
  const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

  return (
    <PageContainer
      title={
        <Space wrap size={8}>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('tasks.back')} onClick={() => navigate(-1)} />
          <span data-testid="enterprise-name">{e.name}</span>
          {e.aboveScale && <Tag color="blue">{t('enterprises.aboveScale')}</Tag>}
          {e.highTech && <HighTechTag validTo={e.highTechValidTo} />}
          {e.smeTier !== 'none' && <Tag color="gold">{t(`enterprises.sme.${e.smeTier}`)}</Tag>}
        </Space>
      }
      extra={
        <>
          {can('monitoring:read') && (
            <Link to={`/monitoring/firms/${e.id}`} data-testid="enterprise-monitoring">
              <Button icon={<LineChartOutlined />}>{t('nav.monitoring')}</Button>
            </Link>
          )}
          {e.writable && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={screens.md ? 3 : 1} size="small" data-testid="enterprise-profile">
          <Descriptions.Item label={t('enterprises.uscc')}>
            <span style={{ fontFamily: 'monospace' }}>{e.uscc}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprises.township')}>{localName(e.township)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.industry')}>{industryLabel(e.industryCode)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.address')}>{dash(e.address)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.chain')}>{e.chains.map((c) => localName(c)).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.serviceTeam')}>{e.serviceTeam ? localName(e.serviceTeam) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.employees')}>{dash(e.employees)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.highTechCertNo')}>
            {e.highTech ? `${dash(e.highTechCertNo)}${e.highTechValidTo ? `（${t('enterprises.validTo', { date: e.highTechValidTo })}）` : ''}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprises.chiefOfficer')}>{e.chiefOfficer?.displayName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.rdInstitutions')} span={screens.md ? 3 : 1}>
            {dash(e.rdInstitutions)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'contacts',
              label: t('enterprises.contacts'),
              children: (
                <>
                  {e.piiMasked && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('enterprises.contactsMasked')} />}
                  <Table
                    rowKey={(c) => `${c.name}${c.phone}`}
                    size="small"
                    pagination={false}
                    dataSource={e.contacts}
                    data-testid="enterprise-contacts"
                    locale={{ emptyText: t('common.empty') }}
                    columns={[
                      { title: t('enterprises.contactName'), dataIndex: 'name' },
                      { title: t('enterprises.position'), dataIndex: 'position', render: dash },
                      { title: t('enterprises.phone'), dataIndex: 'phone', render: dash },
                      { title: t('enterprises.idNumber'), dataIndex: 'idNumber', render: dash },
                    ]}
                  />
                </>
              ),
            },
            ...(can('task:read') ? [{ key: 'tasks', label: t('enterprises.tasks'), children: <EnterpriseTasks enterpriseId={e.id} /> }] : []),
            { key: 'files', label: t('enterprises.files'), children: <AttachmentsPanel ownerType="enterprise" ownerId={e.id} canWrite={e.writable} /> },
          ]}
        />
      </Card>
      {editing && <EnterpriseFormDrawer enterprise={e} onClose={() => setEditing(false)} />}
    </PageContainer>
  );
}
