import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, List, Popconfirm, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { SEGMENT_TIERS, type Segment } from '../../../../shared/modules/chains.schemas';
import { PageContainer } from '../../../components/PageContainer';
import { useLocalName } from '../../../lib/names';
import { useChain, useDeleteLink, useDeleteSegment } from '../api';
import { ChainFormDrawer } from '../components/ChainFormDrawer';
import { LinkModal, MembersModal, SegmentModal } from '../components/ChainModals';
import { LeadFormDrawer } from '../components/LeadFormDrawer';
import { StageTag } from '../components/bits';
import { chainMap } from '../graphs';
import { useMoney } from '../money';

const ChainGraph = lazy(() => import('../components/ChainGraph'));
const STATE_COLOR = { ok: 'success', weak: 'warning', missing: 'error' } as const;
const LINK_COLOR = { inside: 'blue', outside: 'default', circular: 'orange' } as const;

/** One chain: its map, leader and team, segments by tier with their firms and weak links, links, projects and leads. */
export function ChainPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const localName = useLocalName();
  const money = useMoney();
  const id = Number(useParams().id);
  const chain = useChain(id);
  const deleteSegment = useDeleteSegment(id);
  const deleteLink = useDeleteLink(id);
  const [segment, setSegment] = useState<Segment | 'new' | null>(null);
  const [linking, setLinking] = useState(false);
  const [members, setMembers] = useState(false);
  const [leading, setLeading] = useState(false);
  const [editing, setEditing] = useState(false);

  if (chain.error) return <Alert type="error" showIcon title={chain.error.message} />;
  if (!chain.data) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const c = chain.data;
  const manage = c.can.manage;

  return (
    <PageContainer
      title={
        <Space wrap size={8}>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('chains.back')} onClick={() => navigate(-1)} />
          <span data-testid="chain-title">{localName(c)}</span>
          {c.weakCount > 0 && <Tag color="error">{`${t('chains.weakCount')} ${c.weakCount}`}</Tag>}
        </Space>
      }
      extra={
        <>
          {manage && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-chain">
              {t('chains.edit')}
            </Button>
          )}
          {c.can.addLead && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setLeading(true)} data-testid="chain-add-lead">
              {t('leads.create')}
            </Button>
          )}
        </>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('chains.mapOf', { name: localName(c) })} style={{ marginBottom: 16 }}>
            <Suspense fallback={<Spin />}>
              <ChainGraph {...chainMap(c, t, localName)} height={380} label={t('chains.mapOf', { name: localName(c) })} />
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            style={{ marginBottom: 16 }}
            title={t('chains.members')}
            extra={
              manage && (
                <Button size="small" icon={<TeamOutlined />} onClick={() => setMembers(true)}>
                  {t('chains.editMembers')}
                </Button>
              )
            }
          >
            <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
              <Descriptions.Item label={t('chains.leader')}>{c.leader?.displayName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('chains.team')}>{localName(c.teamUnit)}</Descriptions.Item>
              <Descriptions.Item label={t('chains.group')}>{c.groupUnit ? localName(c.groupUnit) : '—'}</Descriptions.Item>
              {c.description && <Descriptions.Item label={t('chains.description')}>{c.description}</Descriptions.Item>}
            </Descriptions>
            <List
              size="small"
              dataSource={c.members}
              locale={{ emptyText: t('common.empty') }}
              renderItem={(m) => (
                <List.Item>
                  <Space wrap size={4}>
                    <Typography.Text strong>{m.name}</Typography.Text>
                    <Tag>{t(`chains.roles.${m.role as 'member'}`)}</Tag>
                    <Typography.Text type="secondary">
                      {localName(m.unit)} {m.position}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        title={t('chains.segments')}
        style={{ marginBottom: 16 }}
        extra={
          manage && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setSegment('new')} data-testid="add-segment">
              {t('chains.addSegment')}
            </Button>
          )
        }
      >
        <Row gutter={[12, 12]} data-testid="chain-segments">
          {SEGMENT_TIERS.map((tier) => (
            <Col key={tier} xs={24} md={8}>
              <Typography.Title level={5}>{t(`chains.tiers.${tier}`)}</Typography.Title>
              {c.segments.filter((s) => s.tier === tier).length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chains.noFirms')} />}
              {c.segments
                .filter((s) => s.tier === tier)
                .map((s) => (
                  <Card
                    key={s.id}
                    size="small"
                    style={{ marginBottom: 8, borderColor: s.state === 'ok' ? undefined : s.state === 'weak' ? '#faad14' : '#ff4d4f' }}
                    title={
                      <Space wrap size={4}>
                        {s.name}
                        <Tag color={STATE_COLOR[s.state]}>{t(`chains.states.${s.state}`)}</Tag>
                      </Space>
                    }
                    extra={
                      manage && (
                        <Space size={0}>
                          <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('chains.editSegment')} onClick={() => setSegment(s)} />
                          <Popconfirm
                            title={t('chains.deleteSegmentConfirm', { name: s.name })}
                            onConfirm={async () => {
                              await deleteSegment.mutateAsync(s.id);
                              void message.success(t('chains.deleted'));
                            }}
                          >
                            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('chains.deleteSegment')} />
                          </Popconfirm>
                        </Space>
                      )
                    }
                  >
                    {s.keyProducts && (
                      <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
                        {t('chains.keyProductsOf', { value: s.keyProducts })}
                      </Typography.Paragraph>
                    )}
                    {s.weakNote && (
                      <Typography.Paragraph type="warning" style={{ marginBottom: 6 }}>
                        {s.weakNote}
                      </Typography.Paragraph>
                    )}
                    {s.firms.length ? (
                      <Space wrap size={[4, 4]}>
                        {s.firms.map((f) => (
                          <Link key={f.id} to={`/enterprises/${f.id}`}>
                            <Tag color={f.aboveScale ? 'blue' : undefined}>{f.name}</Tag>
                          </Link>
                        ))}
                      </Space>
                    ) : (
                      <Typography.Text type="danger">{t('chains.noFirms')}</Typography.Text>
                    )}
                  </Card>
                ))}
            </Col>
          ))}
        </Row>
      </Card>

      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={t('chains.links')}
            style={{ marginBottom: 16 }}
            extra={
              manage && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setLinking(true)}>
                  {t('chains.addLink')}
                </Button>
              )
            }
          >
            <List
              size="small"
              dataSource={c.links}
              locale={{ emptyText: t('chains.noLinks') }}
              renderItem={(l) => {
                const other = l.from.id === c.id ? l.to : l.from;
                return (
                  <List.Item
                    actions={
                      manage && l.from.id === c.id
                        ? [
                            <Popconfirm key="d" title={t('chains.deleteLinkConfirm')} onConfirm={() => deleteLink.mutateAsync(l.id)}>
                              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                            </Popconfirm>,
                          ]
                        : []
                    }
                  >
                    <Space wrap size={4}>
                      <Tag color={LINK_COLOR[l.kind]}>{t(`chains.linkKinds.${l.kind}`)}</Tag>
                      {other ? <Link to={`/chains/${other.id}`}>{localName(other)}</Link> : <Typography.Text>{l.outsideName}</Typography.Text>}
                      <Typography.Text type="secondary">{l.note}</Typography.Text>
                    </Space>
                  </List.Item>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('chains.projects')} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              dataSource={c.projects}
              locale={{ emptyText: t('chains.noProjects') }}
              data-testid="chain-projects"
              columns={[
                { title: t('leads.projectCode'), dataIndex: 'code', key: 'code' },
                { title: t('leads.name'), key: 'name', render: (_, p) => <Link to={`/projects/${p.id}`}>{p.name}</Link> },
                { title: t('leads.amount'), key: 'amount', align: 'right', render: (_, p) => money(p.totalInvestmentFen) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('chains.leads')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          dataSource={c.leads}
          locale={{ emptyText: t('chains.noLeads') }}
          data-testid="chain-leads"
          columns={[
            { title: t('leads.name'), key: 'name', render: (_, l) => <Link to={`/chains/leads/${l.id}`}>{l.name}</Link> },
            { title: t('leads.investor'), dataIndex: 'investor', key: 'investor' },
            { title: t('leads.amount'), key: 'amount', align: 'right', render: (_, l) => money(l.plannedInvestmentFen) },
            {
              title: t('leads.stage'),
              key: 'stage',
              render: (_, l) => (
                <Space size={4}>
                  <StageTag stage={l.stage} />
                  {l.stalled && <Tag color="error">{t('leads.stalled')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {segment && <SegmentModal chainId={c.id} segment={segment === 'new' ? null : segment} onClose={() => setSegment(null)} />}
      {linking && <LinkModal chain={c} onClose={() => setLinking(false)} />}
      {members && <MembersModal chain={c} onClose={() => setMembers(false)} />}
      {editing && <ChainFormDrawer chain={c} onClose={() => setEditing(false)} />}
      {leading && <LeadFormDrawer chainId={c.id} onClose={() => setLeading(false)} />}
    </PageContainer>
  );
}
