import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Investment, Milestone, Project } from '../../../../shared/modules/projects.schemas';
import { AttachmentsPanel } from '../../../components/AttachmentsPanel';
import { PageContainer } from '../../../components/PageContainer';
import { formatDateTime } from '../../../lib/format';
import { useLocalName } from '../../../lib/names';
import { useProject } from '../api';
import { ColourTag, MilestoneStateTag } from '../components/bits';
import { InvestmentModal } from '../components/InvestmentModal';
import { MilestoneModal } from '../components/MilestoneModal';
import { ProjectFormDrawer } from '../components/ProjectFormDrawer';
import { pct, wan } from '../money';

const InvestmentCurve = lazy(() => import('../components/InvestmentCurve'));

const TASK_COLOR: Record<string, string> = {
  open: 'blue',
  in_progress: 'processing',
  submitted: 'gold',
  returned: 'volcano',
  done: 'green',
  cancelled: 'default',
};

/** The months of the figures' year up to the last closed one, latest first. */
function monthsOf(p: Project): string[] {
  const [y, m] = p.progress.asOfMonth.split('-').map(Number);
  return Array.from({ length: m }, (_, i) => `${y}-${String(m - i).padStart(2, '0')}`);
}

/** One project: progress against time, details, milestones with their tasks, monthly investment, curve, files, history. */
export function ProjectPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localName = useLocalName();
  const project = useProject(Number(useParams().id));
  const [editing, setEditing] = useState(false);
  const [milestone, setMilestone] = useState<Milestone | 'new' | null>(null);
  const [reporting, setReporting] = useState<string | null>(null);

  if (project.error) return <Alert type="error" showIcon title={project.error.message} />;
  if (!project.data) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const p = project.data;
  const byMonth = new Map(p.investments.map((i) => [i.month, i]));
  const canFile = p.can.report || p.milestones.some((m) => m.canUpdate);
  const history = [
    { at: p.createdAt, text: t('auditAction.project.create') },
    ...p.investments.map((i) => ({ at: i.reportedAt, text: `${t('auditAction.project.investment')} ${i.month}：${wan(i.completedFen)} ${t('projects.wan')}` })),
    ...p.milestones.filter((m) => m.metDate).map((m) => ({ at: m.metDate as string, text: `${m.name} · ${t(`projects.milestoneStates.${m.state}`)}` })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <PageContainer
      title={
        <Space wrap size={8}>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('projects.back')} onClick={() => navigate(-1)} />
          <span data-testid="project-title">{p.name}</span>
          <ColourTag colour={p.colour} />
          <Tag>{t(`projects.stages.${p.stage}`)}</Tag>
        </Space>
      }
      extra={
        p.can.manage && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-project">
            {t('projects.edit')}
          </Button>
        )
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[16, 16]}>
          {[
            [t('projects.annualPlan'), wan(p.annualPlanFen)],
            [`${t('projects.ytd')} · ${t('projects.asOf', { month: p.progress.asOfMonth })}`, wan(p.ytdFen)],
            [t('projects.completion'), pct(p.progress.completion)],
            [t('projects.timeProgress'), pct(p.progress.timeProgress)],
            [t('projects.gap'), p.progress.gapPp === null ? '—' : `${p.progress.gapPp > 0 ? '+' : ''}${p.progress.gapPp.toFixed(1)}`],
          ].map(([title, value]) => (
            <Col key={title} xs={12} sm={8} lg={4}>
              <Statistic title={title} value={value} />
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('projects.details')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('projects.code')}>{p.code}</Descriptions.Item>
              <Descriptions.Item label={t('projects.library')}>
                {t(`projects.libraries.${p.library}`)}
                {p.types.length > 0 && `（${p.types.map((x) => t(`projects.types.${x}`)).join('、')}）`}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.enterprise')}>
                {p.enterprise ? <Link to={`/enterprises/${p.enterprise.id}`}>{p.enterprise.name}</Link> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.chain')}>{p.chainUnit ? localName(p.chainUnit) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('projects.township')}>{localName(p.townshipUnit)}</Descriptions.Item>
              <Descriptions.Item label={t('projects.totalInvestment')}>{wan(p.totalInvestmentFen)}</Descriptions.Item>
              <Descriptions.Item label={t('projects.plannedStart')}>{p.plannedStart}</Descriptions.Item>
              <Descriptions.Item label={t('projects.plannedCompletion')}>{p.plannedCompletion}</Descriptions.Item>
              <Descriptions.Item label={t('projects.plannedProduction')}>{p.plannedProduction}</Descriptions.Item>
              <Descriptions.Item label={t('projects.leader')}>{p.leader?.displayName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('projects.responsibleUnit')}>
                {localName(p.responsibleUnit)} {p.responsiblePerson}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.serviceTeam')}>{p.serviceTeamUnit ? localName(p.serviceTeamUnit) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('projects.location')} span={2}>
                {p.location || '—'}
                {p.lng !== null && p.lat !== null && ` (${p.lng}, ${p.lat})`}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.content')} span={2}>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{p.content || '—'}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('projects.curve')} style={{ marginBottom: 16 }}>
            <Suspense fallback={<Spin />}>
              <InvestmentCurve project={p} />
            </Suspense>
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('projects.milestones')}
        style={{ marginBottom: 16 }}
        extra={
          p.can.manage && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setMilestone('new')}>
              {t('projects.addMilestone')}
            </Button>
          )
        }
      >
        <Table<Milestone>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="project-milestones"
          dataSource={p.milestones}
          columns={[
            { title: '#', dataIndex: 'seq', key: 'seq', width: 40 },
            { title: t('projects.milestone'), dataIndex: 'name', key: 'name' },
            { title: t('projects.ownerUnit'), key: 'owner', render: (_, m) => localName(m.ownerUnit) },
            { title: t('projects.dueDate'), dataIndex: 'dueDate', key: 'dueDate' },
            { title: t('projects.metDate'), key: 'metDate', render: (_, m) => m.metDate ?? '—' },
            {
              title: t('projects.milestoneState'),
              key: 'state',
              render: (_, m) => (
                <Space size={4} wrap>
                  <MilestoneStateTag state={m.state} />
                  {m.task && m.task.escalationStep > 0 && <Tag color="volcano">{t('projects.escalated', { step: m.task.escalationStep })}</Tag>}
                </Space>
              ),
            },
            {
              title: t('projects.task'),
              key: 'task',
              render: (_, m) =>
                m.task ? (
                  <Link to={`/tasks/${m.task.id}`}>
                    <Tag color={TASK_COLOR[m.task.status]}>{t(`taskStatus.${m.task.status}` as 'taskStatus.open')}</Tag>
                  </Link>
                ) : (
                  '—'
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, m) =>
                m.canUpdate && (
                  <Button size="small" onClick={() => setMilestone(m)} data-testid={`milestone-record-${m.seq}`}>
                    {t('projects.recordMet')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={`${t('projects.investment')} · ${p.progress.asOfMonth.slice(0, 4)}`} style={{ marginBottom: 16 }}>
        <Table<{ month: string; inv?: Investment }>
          size="small"
          rowKey="month"
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="project-investments"
          dataSource={monthsOf(p).map((month) => ({ month, inv: byMonth.get(month) }))}
          columns={[
            { title: t('projects.month'), dataIndex: 'month', key: 'month', width: 90 },
            { title: t('projects.completed'), key: 'wan', align: 'right', render: (_, r) => (r.inv ? wan(r.inv.completedFen) : '—') },
            { title: t('projects.progressText'), key: 'text', render: (_, r) => r.inv?.progressText || '—' },
            {
              title: t('common.status'),
              key: 'status',
              render: (_, r) => (r.inv?.locked ? <Tag>{t('projects.locked')}</Tag> : r.inv ? <Tag color="green">{t('projects.reported')}</Tag> : null),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, r) =>
                p.can.report &&
                !r.inv?.locked && (
                  <Button size="small" onClick={() => setReporting(r.month)} data-testid={`report-${r.month}`}>
                    {t('projects.report')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('projects.tasks')} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              dataSource={p.tasks}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('projects.task'), key: 'title', render: (_, x) => <Link to={`/tasks/${x.id}`}>{x.title}</Link> },
                { title: t('projects.ownerUnit'), key: 'owner', render: (_, x) => localName(x.ownerUnit) },
                { title: t('projects.dueDate'), dataIndex: 'dueDate', key: 'due' },
                {
                  title: t('common.status'),
                  key: 'status',
                  render: (_, x) => (
                    <Space size={4}>
                      <Tag color={TASK_COLOR[x.status]}>{t(`taskStatus.${x.status}` as 'taskStatus.open')}</Tag>
                      {x.wasOverdue && <Tag color="warning">{t('projects.wasOverdue')}</Tag>}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('projects.history')} style={{ marginBottom: 16 }}>
            <Timeline
              items={history.slice(0, 12).map((h) => ({ content: `${h.at.length > 10 ? formatDateTime(h.at) : h.at} ${h.text}` }))}
              data-testid="project-history"
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('projects.files')}>
        <AttachmentsPanel ownerType="project" ownerId={p.id} canWrite={canFile} />
      </Card>
      {editing && <ProjectFormDrawer project={p} onClose={() => setEditing(false)} />}
      {milestone && (
        <MilestoneModal projectId={p.id} milestone={milestone === 'new' ? undefined : milestone} manage={p.can.manage} onClose={() => setMilestone(null)} />
      )}
      {reporting && <InvestmentModal projectId={p.id} month={reporting} current={byMonth.get(reporting)} onClose={() => setReporting(null)} />}
    </PageContainer>
  );
}
