import { ArrowLeftOutlined, EditOutlined, FlagOutlined, ProjectOutlined, RightCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Steps, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LEAD_STAGES } from '../../../../shared/modules/chains.schemas';
import { stageIndex } from '../../../../shared/rules/chains-attraction';
import { PageContainer } from '../../../components/PageContainer';
import { formatDateTime } from '../../../lib/format';
import { useLocalName } from '../../../lib/names';
import { useLead } from '../api';
import { LeadFormDrawer } from '../components/LeadFormDrawer';
import { ConvertModal, NextStepModal, StageModal } from '../components/LeadModals';
import { StageTag } from '../components/bits';
import { useMoney } from '../money';

/** One lead: its stage on the pipeline, details, next step (a 督办 task), whether it counts, history, and the actions. */
export function LeadPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localName = useLocalName();
  const money = useMoney();
  const lead = useLead(Number(useParams().id));
  const [modal, setModal] = useState<'edit' | 'stage' | 'next' | 'convert' | null>(null);

  if (lead.error) return <Alert type="error" showIcon title={lead.error.message} />;
  if (!lead.data) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const l = lead.data;
  const current = stageIndex(l.stage);

  return (
    <PageContainer
      title={
        <Space wrap size={8}>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('leads.back')} onClick={() => navigate(-1)} />
          <span data-testid="lead-title">{l.name}</span>
          <StageTag stage={l.stage} />
          {l.stalled && <Tag color="error">{t('leads.stalled')}</Tag>}
        </Space>
      }
      extra={
        l.can.write && (
          <>
            <Button icon={<EditOutlined />} onClick={() => setModal('edit')}>
              {t('common.edit')}
            </Button>
            <Button icon={<FlagOutlined />} onClick={() => setModal('next')} data-testid="lead-next">
              {t('leads.setNextStep')}
            </Button>
            {l.stage !== 'producing' && (
              <Button type="primary" icon={<RightCircleOutlined />} onClick={() => setModal('stage')} data-testid="lead-move">
                {t('leads.move')}
              </Button>
            )}
            {l.can.convert && (
              <Button type="primary" icon={<ProjectOutlined />} onClick={() => setModal('convert')} data-testid="lead-convert">
                {t('leads.convert')}
              </Button>
            )}
          </>
        )
      }
    >
      <Card size="small" style={{ marginBottom: 16, overflowX: 'auto' }}>
        <Steps size="small" current={current} data-testid="lead-steps" items={LEAD_STAGES.map((s) => ({ title: t(`leads.stages.${s}`) }))} responsive />
      </Card>
      {l.projectId && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <Space wrap>
              {t('leads.converted')}
              <Link to={`/projects/${l.projectId}`} data-testid="lead-project-link">
                {t('leads.openProject')}
              </Link>
            </Space>
          }
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('leads.details')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('leads.investor')}>{l.investor}</Descriptions.Item>
              <Descriptions.Item label={t('leads.source')}>{t(`leads.sources.${l.source}`)}</Descriptions.Item>
              <Descriptions.Item label={t('leads.chain')}>
                <Link to={`/chains/${l.chain.id}`}>{localName(l.chain)}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.team')}>{localName(l.teamUnit)}</Descriptions.Item>
              <Descriptions.Item label={t('leads.industryCode')}>{l.industryCode || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('leads.township')}>{l.townshipUnit ? localName(l.townshipUnit) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('leads.planned')}>{money(l.plannedInvestmentFen)}</Descriptions.Item>
              <Descriptions.Item label={t('leads.contract')}>{money(l.contractInvestmentFen)}</Descriptions.Item>
              <Descriptions.Item label={t('leads.signedDate')}>{l.signedDate ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('leads.contact')}>{l.contact || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('leads.nextStep')} span={2}>
                {l.nextStep ? t('leads.stepWithDate', { step: l.nextStep, date: l.nextStepDate ?? '' }) : '—'}
                {l.task && (
                  <Link to={`/tasks/${l.task.id}`} style={{ marginLeft: 8 }}>
                    {t('leads.task')}
                  </Link>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.note')} span={2}>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{l.note || '—'}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Tag color={l.countsInYear ? 'success' : 'default'} data-testid="lead-counts">
              {l.countsInYear ? t('leads.counts', { year: l.countsInYear }) : t('leads.notCounted')}
            </Tag>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('leads.history')} style={{ marginBottom: 16 }}>
            <Timeline
              data-testid="lead-history"
              items={l.history.map((e) => ({
                content: (
                  <>
                    <Typography.Text>
                      {e.kind === 'stage' && e.toStage
                        ? t('leads.stageChange', {
                            event: t('leads.events.stage'),
                            from: e.fromStage ? t(`leads.stages.${e.fromStage}`) : '',
                            to: t(`leads.stages.${e.toStage}`),
                          })
                        : t(`leads.events.${e.kind as 'created'}`)}
                    </Typography.Text>
                    <br />
                    <Typography.Text type="secondary">
                      {e.date} · {e.user?.displayName ?? '—'} · {formatDateTime(e.at)}
                    </Typography.Text>
                    {e.note && e.kind !== 'updated' && <div>{e.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {modal === 'edit' && <LeadFormDrawer lead={l} onClose={() => setModal(null)} />}
      {modal === 'stage' && <StageModal lead={l} onClose={() => setModal(null)} />}
      {modal === 'next' && <NextStepModal lead={l} onClose={() => setModal(null)} />}
      {modal === 'convert' && <ConvertModal lead={l} onClose={() => setModal(null)} />}
    </PageContainer>
  );
}
