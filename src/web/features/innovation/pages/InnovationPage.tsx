import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, type TableColumnsType, Tabs, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { INCUBATOR_KINDS, type InnovationEntry, PIPELINES } from '../../../../shared/modules/innovation.schemas';
import { STAGES, canMove, isPromotion, needsCertificate } from '../../../../shared/rules/innovation-pipelines';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { useUnits } from '../../../lib/units';
import { type EntryFilters, useChangeStage, useCreateEntry, useEntries, useInnovationFirms, useTargets } from '../api';
import { CertCell, EntryDrawer, TargetsPanel, useStageName } from '../components';
import { EnumSelect } from '../../../components/EnumSelect';
import { useSaveForm } from '../../../lib/save-form';

type Pipeline = InnovationEntry['pipeline'];
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

interface StageValues {
  stage: string;
  changedOn: Dayjs;
  certNo?: string;
  certDate?: Dayjs | null;
  note?: string;
}

/** The stage-change dialog: the moves the rules allow from here, the day, the certificate for 认定/复审, a note; confirmed. */
function StageModal({ entry, onClose }: { entry: InnovationEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const stageName = useStageName();
  const change = useChangeStage();
  const [form] = Form.useForm<StageValues>();
  const save = useSaveForm(
    form,
    (v: StageValues) =>
      change.mutateAsync({
        id: entry.id,
        stage: v.stage as never,
        changedOn: v.changedOn.format('YYYY-MM-DD'),
        certNo: v.certNo ?? '',
        certDate: day(v.certDate),
        note: v.note ?? '',
      }),
    {
      onDone: () => {
        void message.success(t('innovation.changed'));
        onClose();
      },
    },
  );
  const stage = Form.useWatch('stage', form);
  // The promotions first (申报 → 认定 before 申报 → 培育库), so the default is the step up.
  const allowed = (STAGES[entry.pipeline] as readonly string[]).filter((s) => canMove(entry.pipeline, entry.stage, s));
  const options = [
    ...allowed.filter((s) => isPromotion(entry.pipeline, entry.stage, s)),
    ...allowed.filter((s) => !isPromotion(entry.pipeline, entry.stage, s)).reverse(),
  ];
  const ok = async () => {
    const v = await form.validateFields();
    modal.confirm({
      title: t('innovation.confirmChange', { name: entry.name, from: stageName(entry.pipeline, entry.stage), to: stageName(entry.pipeline, v.stage) }),
      okButtonProps: { 'data-testid': 'stage-confirm' } as never,
      onOk: () => save.onFinish(v),
    });
  };
  return (
    <Modal
      open
      title={t('innovation.changeStageOf', { name: entry.name })}
      onCancel={onClose}
      onOk={ok}
      okButtonProps={{ loading: change.isPending, disabled: options.length === 0, 'data-testid': 'stage-ok' } as never}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="stage-change" initialValues={{ stage: options[0], changedOn: dayjs(), certDate: dayjs() }}>
        <Form.Item label={t('innovation.stage')}>
          <Tag color="blue">{stageName(entry.pipeline, entry.stage)}</Tag> {entry.stageDate}
        </Form.Item>
        <Form.Item
          name="stage"
          label={t('innovation.newStage')}
          rules={[{ required: true, message: t('common.required') }]}
          extra={options.length === 0 ? t('innovation.noMoves') : undefined}
        >
          <Select data-testid="stage-select" options={options.map((s) => ({ value: s, label: stageName(entry.pipeline, s) }))} />
        </Form.Item>
        <Form.Item name="changedOn" label={t('innovation.changedOn')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(entry.stageDate), 'day')} />
        </Form.Item>
        {stage && needsCertificate(entry.pipeline, stage) && (
          <Space wrap>
            <Form.Item name="certNo" label={t('innovation.certNo')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={40} data-testid="cert-no" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="certDate" label={t('innovation.certDate')} rules={[{ required: true, message: t('common.required') }]}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="note" label={t('innovation.note')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="stage-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface NewValues {
  enterpriseId?: number;
  standalone?: boolean;
  name?: string;
  operator?: string;
  townshipUnitId?: number;
  kind?: string;
  stage: string;
  stageDate: Dayjs;
  certNo?: string;
  certDate?: Dayjs | null;
  note?: string;
}

/** Files a firm (or an institution, or a standalone incubator) into the pipeline at a stage. */
function NewEntryModal({ pipeline, onClose }: { pipeline: Pipeline; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const stageName = useStageName();
  const localName = useLocalName();
  const create = useCreateEntry();
  const [q, setQ] = useState('');
  const firms = useInnovationFirms(q, true);
  const townships = useUnits({ kind: 'township' });
  const [form] = Form.useForm<NewValues>();
  const save = useSaveForm(
    form,
    async (v: NewValues) => {
      await create.mutateAsync({
        pipeline,
        enterpriseId: v.standalone ? null : (v.enterpriseId ?? null),
        name: v.name ?? '',
        operator: v.operator ?? '',
        townshipUnitId: v.standalone ? (v.townshipUnitId ?? null) : null,
        kind: pipeline === 'incubator' ? ((v.kind as 'incubator' | 'maker_space' | undefined) ?? null) : null,
        stage: v.stage as never,
        stageDate: v.stageDate.format('YYYY-MM-DD'),
        certNo: v.certNo ?? '',
        certDate: day(v.certDate),
        note: v.note ?? '',
      });
    },
    {
      onDone: () => {
        void message.success(t('innovation.added'));
        onClose();
      },
    },
  );
  const standalone = Form.useWatch('standalone', form);
  const stage = Form.useWatch('stage', form);
  const firmOnly = pipeline === 'high_tech' || pipeline === 'sme';
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal
      open
      title={`${t('innovation.addTitle')} · ${t(`innovation.pipelines.${pipeline}`)}`}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      onOk={async () => save.onFinish(await form.validateFields())}
    >
      <Form form={form} layout="vertical" name="new-entry" initialValues={{ stage: STAGES[pipeline][0], stageDate: dayjs(), standalone: false }}>
        {!firmOnly && (
          <Form.Item name="standalone" label={t('innovation.standalone')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        {!standalone && (
          <Form.Item name="enterpriseId" label={t('innovation.enterprise')} rules={required}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setQ}
              options={(firms.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.name}（${localName(f.township)}）` }))}
            />
          </Form.Item>
        )}
        {!firmOnly && (
          <Form.Item name="name" label={t('innovation.name')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        {standalone && (
          <>
            <Form.Item name="operator" label={t('innovation.operator')} rules={required}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="townshipUnitId" label={t('innovation.township')} rules={required}>
              <Select options={(townships.data ?? []).map((u) => ({ value: u.id, label: localName(u) }))} />
            </Form.Item>
          </>
        )}
        {pipeline === 'incubator' && (
          <Form.Item name="kind" label={t('innovation.kind')} rules={required}>
            <EnumSelect values={INCUBATOR_KINDS} label={(k) => t(`innovation.kinds.${k}`)} />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="stage" label={t('innovation.stage')} rules={required}>
            <Select style={{ width: 220 }} options={STAGES[pipeline].map((s) => ({ value: s, label: stageName(pipeline, s) }))} />
          </Form.Item>
          <Form.Item name="stageDate" label={t('innovation.stageDate')} rules={required}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Space>
        {stage && needsCertificate(pipeline, stage) && (
          <Space wrap>
            <Form.Item name="certNo" label={t('innovation.certNo')} rules={required}>
              <Input maxLength={40} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="certDate" label={t('innovation.certDate')} rules={required}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="note" label={t('innovation.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One pipeline's list: filters, export, the stage change and the history drawer. */
function PipelineList({ pipeline, onOpen }: { pipeline: Pipeline; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const localName = useLocalName();
  const stageName = useStageName();
  const [form] = Form.useForm<EntryFilters>();
  const list = useListParams<EntryFilters & { pipeline: Pipeline }>({ pipeline }, { sort: 'stageDate', order: 'desc' });
  const items = useEntries(list.query);
  const townships = useUnits({ kind: 'township' }, can('unit:read'));
  const [changing, setChanging] = useState<InnovationEntry | null>(null);
  const [adding, setAdding] = useState(false);
  const columns: TableColumnsType<InnovationEntry> = [
    {
      title: t('innovation.name'),
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (_, e) => (
        <div style={{ maxWidth: 260, whiteSpace: 'normal' }}>
          <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onOpen(e.id)}>
            {e.name}
          </Button>
          {e.enterprise && e.name !== e.enterprise.name && <div style={{ color: 'rgba(0,0,0,0.45)' }}>{e.enterprise.name}</div>}
          {!e.enterprise && e.operator && <div style={{ color: 'rgba(0,0,0,0.45)' }}>{e.operator}</div>}
        </div>
      ),
    },
    { title: t('innovation.township'), key: 'township', render: (_, e) => (e.township ? localName(e.township) : '—') },
    ...(pipeline === 'incubator'
      ? [{ title: t('innovation.kind'), key: 'kind', render: (_: unknown, e: InnovationEntry) => (e.kind ? t(`innovation.kinds.${e.kind}`) : '—') }]
      : []),
    {
      title: t('innovation.stage'),
      key: 'stage',
      sorter: true,
      sortOrder: list.sortOrderOf('stage'),
      render: (_, e) => (
        <Tag color="blue" data-testid="entry-stage">
          {stageName(e.pipeline, e.stage)}
        </Tag>
      ),
    },
    { title: t('innovation.stageDate'), dataIndex: 'stageDate', key: 'stageDate', sorter: true, sortOrder: list.sortOrderOf('stageDate') },
    ...(pipeline === 'high_tech'
      ? [
          {
            title: t('innovation.cert'),
            key: 'validTo',
            sorter: true,
            sortOrder: list.sortOrderOf('validTo'),
            render: (_: unknown, e: InnovationEntry) => <CertCell e={e} />,
          },
        ]
      : []),
    {
      title: '',
      key: 'actions',
      render: (_, e) => (
        <Space wrap>
          {e.writable && (
            <Button size="small" type="primary" ghost onClick={() => setChanging(e)} data-testid="change-stage">
              {t('innovation.changeStage')}
            </Button>
          )}
          {e.enterprise && can('enterprise:read') && (
            <Link to={`/enterprises/${e.enterprise.id}`}>
              <Button size="small">{t('innovation.viewProfile')}</Button>
            </Link>
          )}
        </Space>
      ),
    },
  ];
  const thisYear = dayjs().year();
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <ExportButton url="/api/innovation/entries/export.xlsx" query={list.exportQuery} />
        {can('innovation:manage') && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-entry">
            {t('innovation.add')}
          </Button>
        )}
      </Space>
      <FilterBar form={form} onSearch={(f) => list.setFilters({ ...f, pipeline })} testId={`filters-${pipeline}`}>
        <Form.Item name="q">
          <Input allowClear placeholder={t('innovation.search')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="stage">
          <Select
            allowClear
            placeholder={t('innovation.stage')}
            style={{ width: 180 }}
            options={STAGES[pipeline].map((s) => ({ value: s, label: stageName(pipeline, s) }))}
          />
        </Form.Item>
        {can('unit:read') && (
          <Form.Item name="townshipUnitId">
            <Select
              allowClear
              placeholder={t('innovation.township')}
              style={{ width: 140 }}
              options={(townships.data ?? []).map((u) => ({ value: u.id, label: localName(u) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="year">
          <InputNumber placeholder={t('innovation.year')} min={2000} max={thisYear} style={{ width: 100 }} />
        </Form.Item>
        {pipeline === 'high_tech' && (
          <Form.Item name="certStatus">
            <Select
              allowClear
              placeholder={t('innovation.cert')}
              style={{ width: 120 }}
              options={(['valid', 'renewal_due', 'expired'] as const).map((s) => ({ value: s, label: t(`innovation.certStatus.${s}`) }))}
            />
          </Form.Item>
        )}
      </FilterBar>
      <ListTable list={list} result={items} columns={columns} testId={`entries-${pipeline}`} />
      {changing && <StageModal entry={changing} onClose={() => setChanging(null)} />}
      {adding && <NewEntryModal pipeline={pipeline} onClose={() => setAdding(false)} />}
    </>
  );
}

/** 创新培育: a tab per pipeline, this year's targets and the 零突破 goals above. */
export function InnovationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const pipeline = (PIPELINES as readonly string[]).includes(params.get('pipeline') ?? '') ? (params.get('pipeline') as Pipeline) : 'high_tech';
  const opened = Number(params.get('entry')) || null;
  const targets = useTargets(dayjs().year());
  const set = (changes: Record<string, string | null>) =>
    setParams((old) => {
      const next = new URLSearchParams(old);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      return next;
    });
  return (
    <PageContainer title={t('nav.innovation')}>
      <TargetsPanel data={targets.data} />
      <Tabs
        activeKey={pipeline}
        onChange={(k) => set({ pipeline: k, entry: null })}
        items={PIPELINES.map((p) => ({
          key: p,
          label: t(`innovation.pipelines.${p}`),
          children: p === pipeline ? <PipelineList pipeline={p} onOpen={(id) => set({ entry: String(id) })} /> : null,
        }))}
      />
      <EntryDrawer id={opened} onClose={() => set({ entry: null })} />
    </PageContainer>
  );
}
