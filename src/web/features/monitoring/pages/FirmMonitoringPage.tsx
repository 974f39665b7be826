import { ArrowLeftOutlined, ProfileOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Grid, Row, Space, Spin, Table } from 'antd';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { FirmMonitoring } from '../../../../shared/modules/monitoring.schemas';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useLocalName } from '../../../lib/names';
import { useFirmMonitoring } from '../api';
import { FlagTags, kwh, wan } from '../components/bits';

const FirmCurve = lazy(() => import('../components/FirmCurves'));
const MEASURES = ['output', 'electricity', 'taxes'] as const;

/** A firm's operation: output, electricity and taxes over 24 months (the last 12 against the 12 before) and its flags. */
export function FirmMonitoringPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const localName = useLocalName();
  const screens = Grid.useBreakpoint();
  const id = Number(useParams().id);
  const firm = useFirmMonitoring(id);

  if (firm.error) return <Alert type="error" showIcon title={firm.error.message} />;
  if (!firm.data) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const d = firm.data;
  const latest = d.months[d.months.length - 1];
  const hasFigures = d.months.some((m) => m.outputFen !== null || m.electricityKwh !== null || m.taxesFen !== null);

  return (
    <PageContainer
      title={
        <Space wrap size={8}>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('monitoring.back')} onClick={() => navigate(-1)} />
          <span data-testid="monitoring-firm-name">{d.enterprise.name}</span>
          <FlagTags flags={latest?.flags ?? []} />
        </Space>
      }
      extra={
        can('enterprise:read') && (
          <Link to={`/enterprises/${d.enterprise.id}`}>
            <Button icon={<ProfileOutlined />}>{t('monitoring.profile')}</Button>
          </Link>
        )
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={screens.md ? 4 : 1} size="small">
          <Descriptions.Item label={t('monitoring.uscc')}>
            <span style={{ fontFamily: 'monospace' }}>{d.enterprise.uscc}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.township')}>{localName(d.townshipUnit)}</Descriptions.Item>
          <Descriptions.Item label={t('monitoring.serviceTeam')}>{d.serviceTeamUnit ? localName(d.serviceTeamUnit) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('monitoring.month')}>{d.lastMonth}</Descriptions.Item>
        </Descriptions>
      </Card>
      {!hasFigures ? (
        <Alert type="info" showIcon title={t('monitoring.noFigures')} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {MEASURES.map((m) => (
              <Col xs={24} xl={8} key={m}>
                <Card size="small" title={t(`monitoring.${m}`)}>
                  <Suspense fallback={<Spin />}>
                    <FirmCurve data={d} measure={m} />
                  </Suspense>
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('monitoring.figures')}>
            <Table<FirmMonitoring['months'][number]>
              rowKey="month"
              size="small"
              data-testid="monitoring-figures"
              dataSource={[...d.months].reverse()}
              pagination={{ pageSize: 12, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('monitoring.month'), dataIndex: 'month', key: 'month' },
                { title: t('monitoring.output'), key: 'output', align: 'right', render: (_, m) => wan(m.outputFen) },
                { title: t('monitoring.electricity'), key: 'electricity', align: 'right', render: (_, m) => kwh(m.electricityKwh) },
                { title: t('monitoring.taxes'), key: 'taxes', align: 'right', render: (_, m) => wan(m.taxesFen) },
                { title: t('monitoring.flag'), key: 'flags', render: (_, m) => <FlagTags flags={m.flags} /> },
              ]}
            />
          </Card>
        </>
      )}
    </PageContainer>
  );
}
