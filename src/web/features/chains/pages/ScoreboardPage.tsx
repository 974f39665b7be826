import { SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Form, InputNumber, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COUNTING_STAGES, type Scoreboard } from '../../../../shared/modules/chains.schemas';
import { FormModal } from '../../../components/FormModal';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useLocalName } from '../../../lib/names';
import { useSaveForm } from '../../../lib/save-form';
import { useSaveSettings, useScoreboard } from '../api';
import { fenOfWan, useMoney } from '../money';
import { EnumSelect } from '../../../components/EnumSelect';

type Row = Scoreboard['rows'][number];

/** The office changes the amount, the target, the counting stage and the stalled days. */
function SettingsModal({ settings, onClose }: { settings: Scoreboard['settings']; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ minWan: number; targetCount: number; countingStage: Scoreboard['settings']['countingStage']; stalledDays: number }>();
  const saveSettings = useSaveSettings();
  const save = useSaveForm(form, ({ minWan, ...v }) => saveSettings.mutateAsync({ ...v, minAmountFen: fenOfWan(minWan) }), {
    onDone: onClose,
    rename: { minAmountFen: 'minWan' },
  });
  return (
    <FormModal
      title={t('scoreboard.settings')}
      form={form}
      save={save}
      onClose={onClose}
      name="attraction-settings"
      initialValues={{ ...settings, minWan: settings.minAmountFen / 1_000_000 }}
    >
      <Form.Item name="minWan" label={t('scoreboard.minAmount')} rules={[{ required: true }]}>
        <InputNumber min={0} precision={2} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="targetCount" label={t('scoreboard.targetCount')} rules={[{ required: true }]}>
        <InputNumber min={0} max={100} precision={0} />
      </Form.Item>
      <Form.Item name="countingStage" label={t('scoreboard.countingStage')} rules={[{ required: true }]}>
        <EnumSelect style={{ width: 160 }} values={COUNTING_STAGES} label={(s) => t(`leads.stages.${s}`)} />
      </Form.Item>
      <Form.Item name="stalledDays" label={t('scoreboard.stalledDays')} rules={[{ required: true }]}>
        <InputNumber min={1} max={365} precision={0} />
      </Form.Item>
    </FormModal>
  );
}

/** 招商目标考核: each service team's projects of ≥ 1亿 counted in a year against its target, with open and stalled leads. */
export function ScoreboardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const localName = useLocalName();
  const money = useMoney();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState(false);
  const board = useScoreboard(year);
  const s = board.data?.settings;

  return (
    <PageContainer
      title={t('nav.leadScoreboard')}
      extra={
        <Space wrap>
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            aria-label={t('scoreboard.year')}
            options={[0, 1, 2, 3].map((k) => ({ value: thisYear - k, label: String(thisYear - k) }))}
          />
          {can('chain:manage') && s && (
            <Button icon={<SettingOutlined />} onClick={() => setEditing(true)}>
              {t('scoreboard.settings')}
            </Button>
          )}
        </Space>
      }
    >
      {board.error && <Alert type="error" showIcon title={board.error.message} style={{ marginBottom: 16 }} />}
      {s && (
        <Typography.Paragraph type="secondary">
          {t('scoreboard.hint', { count: s.targetCount, amount: money(s.minAmountFen), stage: t(`scoreboard.countingStages.${s.countingStage}`) })}
        </Typography.Paragraph>
      )}
      <Table<Row>
        rowKey={(r) => r.teamUnit.id}
        size="middle"
        loading={board.isFetching}
        dataSource={board.data?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('scoreboard.empty') }}
        data-testid="scoreboard"
        columns={[
          { title: t('scoreboard.team'), key: 'team', render: (_, r) => localName(r.teamUnit) },
          {
            title: t('scoreboard.chains'),
            key: 'chains',
            render: (_, r) =>
              r.chains.map((c) => (
                <Link key={c.id} to={`/chains/${c.id}`} style={{ marginRight: 8 }}>
                  {localName(c)}
                </Link>
              )),
          },
          {
            title: t('scoreboard.progress'),
            key: 'progress',
            render: (_, r) => (
              <Space>
                <Progress
                  type="circle"
                  size={36}
                  percent={r.target ? Math.min(100, (r.counted / r.target) * 100) : 100}
                  format={() => `${r.counted}/${r.target}`}
                  status={r.met ? 'success' : 'normal'}
                />
                <Tag color={r.met ? 'success' : 'warning'} data-testid={`met-${r.teamUnit.id}`}>
                  {r.met ? t('scoreboard.met') : t('scoreboard.notMet')}
                </Tag>
              </Space>
            ),
          },
          { title: t('scoreboard.counted'), dataIndex: 'counted', key: 'counted', align: 'right' },
          { title: t('scoreboard.countedAmount'), key: 'countedFen', align: 'right', render: (_, r) => money(r.countedFen) },
          { title: t('scoreboard.open'), dataIndex: 'open', key: 'open', align: 'right' },
          {
            title: t('scoreboard.stalled'),
            key: 'stalled',
            align: 'right',
            render: (_, r) => (r.stalled ? <Tag color="error">{r.stalled}</Tag> : 0),
          },
        ]}
      />
      {editing && s && <SettingsModal settings={s} onClose={() => setEditing(false)} />}
    </PageContainer>
  );
}
