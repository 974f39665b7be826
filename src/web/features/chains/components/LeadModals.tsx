import { Alert, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LEAD_STAGES, type Lead } from '../../../../shared/modules/chains.schemas';
import { stageIndex } from '../../../../shared/rules/chains-attraction';
import { useLocalName } from '../../../lib/names';
import { useChainOptions, useConvertLead, useMoveStage, useNextStep } from '../api';
import { fenOfWan } from '../money';
import { FormModal } from '../../../components/FormModal';
import { useSaveForm } from '../../../lib/save-form';

const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : undefined);

/** Moves a lead forward (skipping allowed) on a day; signing asks for the contract amount. */
export function StageModal({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ stage: string; date?: Dayjs; contractWan?: number; note?: string }>();
  const move = useMoveStage(lead.id);
  const stage = Form.useWatch('stage', form) as Lead['stage'] | undefined;
  const signing = !!stage && stageIndex(stage) >= stageIndex('signed') && stageIndex(lead.stage) < stageIndex('signed');
  const next = LEAD_STAGES.filter((s) => stageIndex(s) > stageIndex(lead.stage));
  const saveForm = useSaveForm(
    form,
    async (v: { stage: string; date?: Dayjs; contractWan?: number; note?: string }) => {
      await move.mutateAsync({
        stage: v.stage,
        date: day(v.date),
        ...(signing && v.contractWan !== undefined && v.contractWan !== null ? { contractInvestmentFen: fenOfWan(v.contractWan) } : {}),
        note: v.note ?? '',
      });
    },
    { onDone: onClose, rename: { contractInvestmentFen: 'contractWan' } },
  );
  return (
    <FormModal
      title={t('leads.move')}
      okId="stage-save"
      form={form}
      save={saveForm}
      onClose={onClose}
      initialValues={{ stage: next[0], date: dayjs() }}
      name="stage-form"
    >
      <Form.Item name="stage" label={t('leads.moveTo')} rules={[{ required: true }]}>
        <Select data-testid="stage-select" options={next.map((s) => ({ value: s, label: t(`leads.stages.${s}`) }))} />
      </Form.Item>
      <Form.Item name="date" label={t('leads.moveDate')} rules={[{ required: true }]}>
        <DatePicker data-testid="stage-date" />
      </Form.Item>
      {signing && (
        <Form.Item name="contractWan" label={t('leads.contract')} extra={t('leads.contractHint')}>
          <InputNumber min={0} precision={2} style={{ width: 220 }} data-testid="stage-contract" />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('leads.moveNote')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

/** Sets the next step with its date: a 督办 task of the responsible team. */
export function NextStepModal({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ nextStep: string; nextStepDate: Dayjs }>();
  const save = useNextStep(lead.id);
  const saveForm = useSaveForm(
    form,
    async (v: { nextStep: string; nextStepDate: Dayjs }) => {
      await save.mutateAsync({ nextStep: v.nextStep, nextStepDate: v.nextStepDate.format('YYYY-MM-DD') });
    },
    { onDone: onClose },
  );
  return (
    <FormModal
      title={t('leads.setNextStep')}
      form={form}
      save={saveForm}
      onClose={onClose}
      name="next-step-form"
      header={<Alert type="info" showIcon title={t('leads.nextStepHint')} style={{ marginBottom: 12 }} />}
    >
      <Form.Item name="nextStep" label={t('leads.nextStep')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="nextStepDate" label={t('leads.nextStepDate')} rules={[{ required: true }]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}

interface ConvertValues {
  code: string;
  library: 'three_transformations' | 'strong_county';
  townshipUnitId: number;
  responsibleUnitId: number;
  annualWan?: number;
  plannedStart: Dayjs;
  plannedCompletion: Dayjs;
  plannedProduction: Dayjs;
}

/** Adds a signed lead to the project library in one action; what the lead knows is carried over. */
export function ConvertModal({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const options = useChainOptions();
  const [form] = Form.useForm<ConvertValues>();
  const convert = useConvertLead(lead.id);
  const unitOptions = (kind?: string) => (options.data?.units ?? []).filter((u) => !kind || u.kind === kind).map((u) => ({ value: u.id, label: localName(u) }));
  const saveForm = useSaveForm(
    form,
    async (v: ConvertValues) => {
      await convert.mutateAsync({
        code: v.code,
        library: v.library,
        townshipUnitId: v.townshipUnitId,
        responsibleUnitId: v.responsibleUnitId,
        annualPlanFen: fenOfWan(v.annualWan ?? 0),
        plannedStart: v.plannedStart.format('YYYY-MM-DD'),
        plannedCompletion: v.plannedCompletion.format('YYYY-MM-DD'),
        plannedProduction: v.plannedProduction.format('YYYY-MM-DD'),
      });
    },
    { onDone: onClose, rename: { annualPlanFen: 'annualWan' } },
  );
  const start = dayjs().add(2, 'month').startOf('month');
  return (
    <FormModal
      title={t('leads.convert')}
      okId="convert-save"
      form={form}
      save={saveForm}
      onClose={onClose}
      name="convert-form"
      initialValues={{
        library: 'strong_county',
        townshipUnitId: lead.townshipUnit?.id,
        responsibleUnitId: lead.townshipUnit?.id,
        plannedStart: start,
        plannedCompletion: start.add(12, 'month'),
        plannedProduction: start.add(15, 'month'),
      }}
      header={<Alert type="info" showIcon title={t('leads.convertHint')} style={{ marginBottom: 12 }} />}
    >
      <Form.Item name="code" label={t('leads.projectCode')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={40} data-testid="convert-code" />
      </Form.Item>
      <Form.Item name="library" label={t('leads.library')} rules={[{ required: true }]}>
        <Select options={(['strong_county', 'three_transformations'] as const).map((v) => ({ value: v, label: t(`leads.libraries.${v}`) }))} />
      </Form.Item>
      <Form.Item name="townshipUnitId" label={t('leads.township')} rules={[{ required: true }]}>
        <Select data-testid="convert-township" options={unitOptions('township')} />
      </Form.Item>
      <Form.Item name="responsibleUnitId" label={t('leads.responsibleUnit')} rules={[{ required: true }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} data-testid="convert-unit" options={unitOptions()} />
      </Form.Item>
      <Form.Item name="annualWan" label={t('leads.annualPlan')}>
        <InputNumber min={0} precision={2} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="plannedStart" label={t('leads.plannedStart')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="plannedCompletion" label={t('leads.plannedCompletion')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="plannedProduction" label={t('leads.plannedProduction')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
