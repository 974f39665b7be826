import { App, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { INDUSTRY_CODES } from '../../../../shared/industry-codes';
import { LEAD_SOURCES, type Lead } from '../../../../shared/modules/chains.schemas';
import { FormDrawer } from '../../../components/FormDrawer';
import { useLocale } from '../../../lib/i18n';
import { useLocalName } from '../../../lib/names';
import { useSaveForm } from '../../../lib/save-form';
import { useChainOptions, useCreateLead, useUpdateLead } from '../api';
import { fenOfWan } from '../money';
import { EnumSelect } from '../../../components/EnumSelect';

interface Values {
  name: string;
  investor: string;
  source: string;
  industryCode?: string;
  chainId: number;
  teamUnitId?: number;
  townshipUnitId?: number;
  plannedWan: number;
  contact?: string;
  note?: string;
  nextStep?: string;
  nextStepDate?: Dayjs;
}

/** Records a new lead (with its first next step) or edits one; the server's per-field problems land on the fields. */
export function LeadFormDrawer({ lead, chainId, onClose }: { lead?: Lead; chainId?: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const localName = useLocalName();
  const en = useLocale() === 'en-US';
  const options = useChainOptions();
  const [form] = Form.useForm<Values>();
  const create = useCreateLead();
  const update = useUpdateLead(lead?.id ?? 0);
  const submit = async (v: Values) => {
    const body = {
      name: v.name,
      investor: v.investor,
      source: v.source as Lead['source'],
      industryCode: v.industryCode ?? '',
      chainId: v.chainId,
      townshipUnitId: v.townshipUnitId ?? null,
      plannedInvestmentFen: fenOfWan(v.plannedWan),
      contact: v.contact ?? '',
      note: v.note ?? '',
    };
    if (lead) {
      await update.mutateAsync({ ...body, ...(v.teamUnitId ? { teamUnitId: v.teamUnitId } : {}) });
      return undefined;
    }
    return create.mutateAsync({
      ...body,
      ...(v.teamUnitId ? { teamUnitId: v.teamUnitId } : {}),
      nextStep: v.nextStep ?? '',
      nextStepDate: v.nextStepDate ? v.nextStepDate.format('YYYY-MM-DD') : null,
    });
  };
  const save = useSaveForm(form, submit, {
    rename: { plannedInvestmentFen: 'plannedWan' },
    onDone: (created) => {
      if (!created) void message.success(t('leads.saved'));
      onClose();
      if (created) navigate(`/chains/leads/${created.id}`);
    },
  });
  return (
    <FormDrawer
      title={lead ? t('leads.edit') : t('leads.create')}
      form={form}
      save={save}
      onClose={onClose}
      width={560}
      saveTestId="lead-save"
      name="lead-form"
      initialValues={
        lead
          ? {
              ...lead,
              chainId: lead.chain.id,
              teamUnitId: lead.teamUnit.id,
              townshipUnitId: lead.townshipUnit?.id,
              plannedWan: lead.plannedInvestmentFen / 1_000_000,
              // Only a new lead is asked its next step (the form has no such field on an edit).
              nextStepDate: undefined,
            }
          : { source: 'visit', chainId }
      }
    >
      <Form.Item name="name" label={t('leads.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} data-testid="lead-name" />
      </Form.Item>
      <Form.Item name="investor" label={t('leads.investor')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} data-testid="lead-investor" />
      </Form.Item>
      <Space wrap style={{ display: 'flex' }}>
        <Form.Item name="source" label={t('leads.source')} rules={[{ required: true }]}>
          <EnumSelect style={{ width: 200 }} values={LEAD_SOURCES} label={(v) => t(`leads.sources.${v}`)} />
        </Form.Item>
        <Form.Item name="industryCode" label={t('leads.industryCode')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 240 }}
            options={INDUSTRY_CODES.map((c) => ({ value: c.code, label: `${c.code} ${en ? c.en : c.zh}` }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="chainId" label={t('leads.chain')} rules={[{ required: true }]}>
        <Select data-testid="lead-chain" options={(options.data?.chains ?? []).map((c) => ({ value: c.id, label: localName(c) }))} />
      </Form.Item>
      <Form.Item name="teamUnitId" label={t('leads.team')} extra={t('leads.teamHint')}>
        <Select allowClear options={(options.data?.teams ?? []).map((u) => ({ value: u.id, label: localName(u) }))} />
      </Form.Item>
      <Space wrap style={{ display: 'flex' }}>
        <Form.Item name="plannedWan" label={t('leads.planned')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} data-testid="lead-planned" />
        </Form.Item>
        <Form.Item name="townshipUnitId" label={t('leads.township')}>
          <Select allowClear style={{ width: 200 }} options={(options.data?.townships ?? []).map((u) => ({ value: u.id, label: localName(u) }))} />
        </Form.Item>
      </Space>
      <Form.Item name="contact" label={t('leads.contact')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="note" label={t('leads.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {!lead && (
        <Space wrap style={{ display: 'flex' }}>
          <Form.Item name="nextStep" label={t('leads.nextStep')}>
            <Input maxLength={200} style={{ width: 280 }} data-testid="lead-next-step" />
          </Form.Item>
          <Form.Item name="nextStepDate" label={t('leads.nextStepDate')}>
            <DatePicker data-testid="lead-next-date" />
          </Form.Item>
        </Space>
      )}
    </FormDrawer>
  );
}
