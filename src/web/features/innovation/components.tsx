import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Drawer, Empty, Flex, Form, InputNumber, Modal, Progress, Select, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InnovationEntry, InnovationTargets } from '../../../shared/modules/innovation.schemas';
import { PIPELINES, STAGES } from '../../../shared/rules/innovation-pipelines';
import { useCan } from '../../lib/auth';
import { useLocalName } from '../../lib/names';
import { useEntry, useSaveTargets } from './api';
import { EnumSelect } from '../../components/EnumSelect';
import { useSaveForm } from '../../lib/save-form';

type Pipeline = InnovationEntry['pipeline'];
const STATUS_COLORS = { valid: 'green', renewal_due: 'orange', expired: 'red' } as const;
const TARGET_COLORS = { achieved: 'green', in_progress: 'blue', missed: 'red' } as const;

/** A stage's name within its pipeline. */
export function useStageName() {
  const { t } = useTranslation();
  return (pipeline: Pipeline, stage: string) => t(`innovation.stages.${pipeline}.${stage}` as never) as string;
}

/** A 高新 certificate: number, last valid day and its state (有效 / 复审期 / 已过期). */
export function CertCell({ e }: { e: InnovationEntry }) {
  const { t } = useTranslation();
  if (!e.certNo && !e.validTo) return <>—</>;
  return (
    <Flex vertical gap={2}>
      <span>{e.certNo}</span>
      {e.validTo && (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary">
            {t('innovation.validTo')} {e.validTo}
          </Typography.Text>{' '}
          {e.certStatus && (
            <Tag color={STATUS_COLORS[e.certStatus]} data-testid="cert-status">
              {t(`innovation.certStatus.${e.certStatus}`)}
            </Tag>
          )}
        </span>
      )}
    </Flex>
  );
}

/** One entry with its stage history (who, when, from and to, note). */
export function EntryDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const stageName = useStageName();
  const entry = useEntry(id);
  const e = entry.data;
  return (
    <Drawer open={id !== null} onClose={onClose} title={e?.name ?? t('innovation.detail')} size="min(640px, 100vw)">
      {!e ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t(`innovation.pipelines.${e.pipeline}`)}>
              <Tag color="blue">{stageName(e.pipeline, e.stage)}</Tag> {e.stageDate}
            </Descriptions.Item>
            {e.enterprise ? <Descriptions.Item label={t('innovation.enterprise')}>{e.enterprise.name}</Descriptions.Item> : null}
            {e.operator ? <Descriptions.Item label={t('innovation.operator')}>{e.operator}</Descriptions.Item> : null}
            {e.kind ? <Descriptions.Item label={t('innovation.kind')}>{t(`innovation.kinds.${e.kind}`)}</Descriptions.Item> : null}
            {e.township ? <Descriptions.Item label={t('innovation.township')}>{localName(e.township)}</Descriptions.Item> : null}
            {e.pipeline === 'high_tech' && (
              <Descriptions.Item label={t('innovation.cert')}>
                <CertCell e={e} />
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('innovation.responsibleUnit')}>{localName(e.responsibleUnit)}</Descriptions.Item>
            {e.note ? <Descriptions.Item label={t('innovation.note')}>{e.note}</Descriptions.Item> : null}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('innovation.history')}
          </Typography.Title>
          <Timeline
            data-testid="entry-history"
            items={e.history.map((h) => ({
              content: (
                <div>
                  <div>
                    <strong>{h.changedOn}</strong> {h.fromStage ? `${stageName(e.pipeline, h.fromStage)} → ` : `${t('innovation.filedAt')} · `}
                    {stageName(e.pipeline, h.toStage)}
                    {h.certNo && ` · ${h.certNo}`}
                  </div>
                  {(h.user || h.note) && (
                    <Typography.Text type="secondary">
                      {h.user ? `${t('innovation.by')}：${h.user}` : ''} {h.note}
                    </Typography.Text>
                  )}
                </div>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}

/** The year's targets as progress bars (the office sets them), and the 零突破 goals with their state. */
export function TargetsPanel({ data }: { data: InnovationTargets | undefined }) {
  const { t } = useTranslation();
  const stageName = useStageName();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  if (!data) return null;
  return (
    <Flex gap={16} wrap style={{ marginBottom: 16 }}>
      <Card
        size="small"
        title={t('innovation.targets', { year: data.year })}
        extra={
          can('innovation:targets') && (
            <Button size="small" onClick={() => setEditing(true)} data-testid="edit-targets">
              {t('innovation.editTargets')}
            </Button>
          )
        }
        style={{ flex: '1 1 420px', minWidth: 0 }}
        data-testid="targets-panel"
      >
        {editing && <TargetsModal data={data} onClose={() => setEditing(false)} />}
        {data.targets.length === 0 ? (
          <Empty description={t('innovation.noTargets')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          data.targets.map((x) => (
            <div key={`${x.pipeline}/${x.stage}`} data-testid={`target-${x.pipeline}-${x.stage}`} style={{ marginBottom: 8 }}>
              <Flex justify="space-between" wrap gap={4}>
                <span>{t('innovation.targetLine', { pipeline: t(`innovation.pipelines.${x.pipeline}`), stage: stageName(x.pipeline, x.stage) })}</span>
                <span>
                  <Typography.Text type="secondary" data-testid="target-progress">
                    {t('innovation.progress', { achieved: x.achieved, target: x.target, remaining: x.remaining })}
                  </Typography.Text>{' '}
                  <Tag color={TARGET_COLORS[x.status]}>{t(`innovation.targetStatus.${x.status}`)}</Tag>
                </span>
              </Flex>
              <Progress
                percent={x.target > 0 ? Math.min(100, Math.round((x.achieved / x.target) * 100)) : 100}
                size="small"
                status={x.status === 'achieved' ? 'success' : x.status === 'missed' ? 'exception' : 'active'}
                showInfo={false}
              />
            </div>
          ))
        )}
      </Card>
      {data.breakthroughs.length > 0 && (
        <Card size="small" title={t('innovation.breakthrough')} style={{ flex: '1 1 320px', minWidth: 0 }} data-testid="breakthrough-panel">
          {data.breakthroughs.map((b) => (
            <div key={`${b.pipeline}/${b.stage}`} style={{ marginBottom: 12 }}>
              <Flex justify="space-between" gap={8} wrap>
                <span>
                  {t('innovation.breakthroughLine', {
                    from: b.from,
                    to: b.to,
                    stage: stageName(b.pipeline, b.stage),
                    pipeline: t(`innovation.pipelines.${b.pipeline}`),
                  })}
                </span>
                <Tag color={TARGET_COLORS[b.status]}>{t(`innovation.targetStatus.${b.status}`)}</Tag>
              </Flex>
              <Typography.Text type="secondary">
                {b.achievedOn && b.entry ? t('innovation.achievedBy', { date: b.achievedOn, name: b.entry.name }) : t('innovation.notYet')}
              </Typography.Text>
            </div>
          ))}
        </Card>
      )}
    </Flex>
  );
}

/** The office sets the year's targets: a pipeline, the stage counted, and how many. */
function TargetsModal({ data, onClose }: { data: InnovationTargets; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const stageName = useStageName();
  const save = useSaveTargets(data.year);
  const [form] = Form.useForm<{ items: { pipeline: Pipeline; stage: string; target: number }[] }>();
  const items = Form.useWatch('items', form) ?? [];
  const submit = useSaveForm(form, (v: { items: { pipeline: Pipeline; stage: string; target: number }[] }) => save.mutateAsync(v.items ?? []), {
    onDone: () => {
      void message.success(t('innovation.targetsSaved'));
      onClose();
    },
  }).onFinish;
  return (
    <Modal open title={t('innovation.targets', { year: data.year })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} width={640}>
      <Form
        form={form}
        onFinish={submit}
        initialValues={{ items: data.targets.map((x) => ({ pipeline: x.pipeline, stage: x.stage, target: x.target })) }}
        data-testid="targets-form"
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap align="start">
                  <Form.Item name={[field.name, 'pipeline']} rules={[{ required: true, message: t('common.required') }]}>
                    <EnumSelect
                      style={{ width: 170 }}
                      aria-label={t('innovation.pipeline')}
                      values={PIPELINES}
                      label={(p) => t(`innovation.pipelines.${p}`)}
                      onChange={() => form.setFieldValue(['items', field.name, 'stage'], undefined)}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'stage']} rules={[{ required: true, message: t('common.required') }]}>
                    <Select
                      style={{ width: 190 }}
                      aria-label={t('innovation.stage')}
                      options={(items[field.name]?.pipeline ? STAGES[items[field.name].pipeline] : []).map((s) => ({
                        value: s,
                        label: stageName(items[field.name].pipeline, s),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'target']} rules={[{ required: true, message: t('common.required') }]}>
                    <InputNumber min={0} max={10_000} precision={0} style={{ width: 110 }} aria-label={t('innovation.targetCount')} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ target: 1 })} data-testid="add-target">
                {t('innovation.addTarget')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
