import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Grid,
  InputNumber,
  List,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { COVERAGE_PERIODS, type Coverage } from '../../../../shared/modules/visits.schemas';
import { PageContainer } from '../../../components/PageContainer';
import { api } from '../../../lib/api';
import { useCan } from '../../../lib/auth';
import { useLocalName } from '../../../lib/names';
import { useCoverage } from '../api';
import { EnumSelect } from '../../../components/EnumSelect';
import { useSaveForm } from '../../../lib/save-form';

const pct = (rate: number) => Math.round(rate * 1000) / 10;
const color = (rate: number) => (rate >= 1 ? '#52c41a' : rate >= 0.6 ? '#faad14' : '#ff4d4f');

function SettingsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['visits', 'settings'],
    queryFn: () => api.get<{ period: string; remindWorkingDays: number; editDays: number }>('/api/visits/settings'),
  });
  const [form] = Form.useForm();
  const save = useSaveForm(form, (values: unknown) => api.put('/api/visits/settings', values), {
    onDone: () => {
      void queryClient.invalidateQueries({ queryKey: ['visits'] });
      void message.success(t('visits.coverage.saved'));
      onClose();
    },
  });
  if (!settings.data) return null;
  return (
    <Modal open title={t('visits.coverage.settings')} onCancel={onClose} onOk={async () => save.onFinish(await form.validateFields())}>
      <Form form={form} layout="vertical" initialValues={settings.data}>
        <Form.Item name="period" label={t('visits.coverage.period')}>
          <EnumSelect values={COVERAGE_PERIODS} label={(p) => t(`visits.coverage.periods.${p}`)} />
        </Form.Item>
        <Form.Item name="remindWorkingDays" label={t('visits.coverage.remindDays')}>
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        <Form.Item name="editDays" label={t('visits.coverage.editDays')} extra={t('visits.coverage.editDaysHint')}>
          <InputNumber min={0} max={90} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Unvisited({ firms }: { firms: { id: number; name: string }[] }) {
  const { t } = useTranslation();
  if (firms.length === 0) return <Tag color="green">{t('visits.coverage.allVisited')}</Tag>;
  return (
    <div style={{ maxWidth: 420, whiteSpace: 'normal' }} data-testid="coverage-unvisited">
      {firms.map((f) => (
        <Tag key={f.id} color="orange" style={{ marginBottom: 4, whiteSpace: 'normal' }}>
          {f.name}
        </Tag>
      ))}
    </div>
  );
}

/** 走访覆盖: per team and per officer for a period, with each officer's firms not yet visited. */
export function CoveragePage() {
  const { t } = useTranslation();
  const can = useCan();
  const localName = useLocalName();
  const [period, setPeriod] = useState<string | undefined>();
  const [editing, setEditing] = useState(false);
  const coverage = useCoverage({ period });
  const phone = !Grid.useBreakpoint().md;
  const c = coverage.data;
  type OfficerRow = Coverage['officers'][number];

  return (
    <PageContainer
      title={t('nav.visitCoverage')}
      extra={
        <Space wrap>
          <Select
            style={{ width: 130 }}
            value={c?.period.key}
            onChange={setPeriod}
            data-testid="coverage-period"
            options={(c?.periods ?? []).map((p) => ({ value: p, label: p }))}
          />
          {can('visit:manage') && <Button onClick={() => setEditing(true)}>{t('visits.coverage.settings')}</Button>}
        </Space>
      }
    >
      {coverage.error && <Alert type="error" showIcon title={coverage.error.message} style={{ marginBottom: 16 }} />}
      {c && (
        <>
          <Typography.Paragraph type="secondary">
            {c.period.start} – {c.period.end}
            {c.asOf && ` · ${t('visits.coverage.asOf', { date: c.asOf })}`} ·{' '}
            {t('visits.coverage.rule', { period: t(`visits.coverage.periods.${c.period.kind}`) })}
          </Typography.Paragraph>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={8}>
              <Card size="small">
                <Statistic title={t('visits.coverage.total')} value={c.total.firms} />
              </Card>
            </Col>
            <Col xs={8}>
              <Card size="small">
                <Statistic title={t('visits.coverage.visited')} value={c.total.visited} data-testid="coverage-visited" />
              </Card>
            </Col>
            <Col xs={8}>
              <Card size="small">
                <Statistic title={t('visits.coverage.rate')} value={pct(c.total.rate)} suffix="%" valueStyle={{ color: color(c.total.rate) }} />
              </Card>
            </Col>
          </Row>
          {c.officers.length === 0 ? (
            <Empty description={t('visits.coverage.empty')} />
          ) : (
            <>
              <Card title={t('visits.coverage.teams')} size="small" style={{ marginBottom: 16 }}>
                <Table
                  rowKey={(r) => r.team.id}
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={c.teams}
                  data-testid="coverage-teams"
                  columns={[
                    { title: t('visits.team'), key: 'team', render: (_, r) => localName(r.team) },
                    ...(phone
                      ? []
                      : [
                          { title: t('visits.coverage.officerCount'), dataIndex: 'officers', align: 'right' as const },
                          { title: t('visits.coverage.firms'), dataIndex: 'firms', align: 'right' as const },
                        ]),
                    {
                      title: t('visits.coverage.visited'),
                      key: 'visited',
                      align: 'right',
                      render: (_: unknown, r: Coverage['teams'][number]) => `${r.visited} / ${r.firms}`,
                    },
                    {
                      title: t('visits.coverage.rate'),
                      key: 'rate',
                      width: phone ? 110 : 160,
                      render: (_, r) => <Progress percent={pct(r.rate)} size="small" strokeColor={color(r.rate)} />,
                    },
                  ]}
                />
              </Card>
              <Card title={t('visits.coverage.officers')} size="small">
                {phone ? (
                  <List
                    data-testid="coverage-officers"
                    dataSource={c.officers}
                    renderItem={(r) => (
                      <List.Item data-testid="officer-row">
                        <div style={{ width: '100%' }}>
                          <Flex justify="space-between" align="center">
                            <span>
                              <Typography.Text strong>{r.officer.displayName}</Typography.Text>{' '}
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                {localName(r.team)}
                              </Typography.Text>
                            </span>
                            <span data-testid="officer-visited">{`${r.visited} / ${r.firms}`}</span>
                          </Flex>
                          <Progress percent={pct(r.rate)} size="small" strokeColor={color(r.rate)} />
                          <Unvisited firms={r.unvisited} />
                        </div>
                      </List.Item>
                    )}
                  />
                ) : (
                  <Table<OfficerRow>
                    onRow={() => ({ 'data-testid': 'officer-row' }) as object}
                    rowKey={(r) => r.officer.id}
                    size="small"
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    dataSource={c.officers}
                    data-testid="coverage-officers"
                    columns={[
                      {
                        title: t('visits.officer'),
                        key: 'officer',
                        render: (_, r) => (
                          <>
                            <div>{r.officer.displayName}</div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {localName(r.team)}
                            </Typography.Text>
                          </>
                        ),
                      },
                      {
                        title: t('visits.coverage.visited'),
                        key: 'visited',
                        align: 'right',
                        render: (_, r) => <span data-testid="officer-visited">{`${r.visited} / ${r.firms}`}</span>,
                      },
                      {
                        title: t('visits.coverage.rate'),
                        key: 'rate',
                        width: 120,
                        render: (_, r) => <Progress percent={pct(r.rate)} size="small" strokeColor={color(r.rate)} />,
                      },
                      {
                        title: t('visits.coverage.unvisited'),
                        key: 'unvisited',
                        render: (_, r) => <Unvisited firms={r.unvisited} />,
                      },
                    ]}
                  />
                )}
              </Card>
            </>
          )}
        </>
      )}
      {editing && <SettingsModal onClose={() => setEditing(false)} />}
    </PageContainer>
  );
}
