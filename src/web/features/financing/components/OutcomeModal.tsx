import { App, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DECLINE_REASONS, MATCH_OUTCOMES, type Need } from '../../../../shared/modules/financing.schemas';
import { FormModal } from '../../../components/FormModal';
import { useSaveForm } from '../../../lib/save-form';
import { type OutcomeBody, useOutcome, useProducts } from '../api';
import { fenOfWan, wan } from './bits';
import { EnumSelect } from '../../../components/EnumSelect';

interface Values {
  outcome: OutcomeBody['outcome'];
  amount?: number;
  rate?: number;
  loanDay?: Dayjs;
  declineReason?: OutcomeBody['declineReason'];
  meetingId?: number;
  productId?: number;
  note?: string;
}
const RENAME: Record<string, string> = { amountFen: 'amount', rateBp: 'rate', loanDate: 'loanDay' };

/** A bank records its outcome for a need: intention, credit, loan (amount, rate, date) or declined (reason). */
export function OutcomeModal({ need, onClose }: { need: Need; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useOutcome(need.id);
  const products = useProducts({ pageSize: 200 });
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const mine = need.matches[0];
  const money = outcome === 'credit' || outcome === 'loan';
  const required = [{ required: true, message: t('common.required') }];

  const save = useSaveForm(
    form,
    async (v: Values) => {
      await record.mutateAsync({
        outcome: v.outcome,
        meetingId: v.meetingId ?? null,
        productId: v.productId ?? null,
        amountFen: money && v.amount ? fenOfWan(v.amount) : null,
        rateBp: money && v.rate ? Math.round(v.rate * 100) : null,
        loanDate: v.outcome === 'loan' && v.loanDay ? v.loanDay.format('YYYY-MM-DD') : null,
        declineReason: v.outcome === 'declined' ? (v.declineReason ?? null) : null,
        note: v.note ?? '',
      });
      void message.success(t('financing.saved'));
    },
    { onDone: onClose, rename: RENAME },
  );

  return (
    <FormModal
      title={t('financing.outcomeTitle')}
      form={form}
      save={save}
      onClose={onClose}
      okTestId="outcome-save"
      formTestId="outcome-form"
      header={
        <p>
          {need.enterprise.name} · {t('financing.amount')} {wan(need.amountFen)}
        </p>
      }
      initialValues={{
        outcome: mine?.outcome ?? 'intention',
        meetingId: mine?.meeting?.id ?? need.meetings.at(-1)?.id,
        productId: mine?.product?.id,
        note: mine?.note,
      }}
    >
      <Form.Item name="outcome" label={t('financing.outcomeColumn')} rules={required}>
        <Radio.Group
          optionType="button"
          options={MATCH_OUTCOMES.map((o) => ({ value: o, label: t(`financing.outcomes.${o}`) }))}
          data-testid="outcome-choice"
        />
      </Form.Item>
      {money && (
        <>
          <Form.Item name="amount" label={t('financing.outcomeAmount')} rules={required}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="outcome-amount" />
          </Form.Item>
          <Form.Item name="rate" label={t('financing.rate')} rules={outcome === 'loan' ? required : []}>
            <InputNumber min={0.01} max={36} precision={2} style={{ width: '100%' }} data-testid="outcome-rate" />
          </Form.Item>
        </>
      )}
      {outcome === 'loan' && (
        <Form.Item name="loanDay" label={t('financing.loanDate')} rules={required}>
          <DatePicker style={{ width: '100%' }} data-testid="outcome-date" />
        </Form.Item>
      )}
      {outcome === 'declined' && (
        <Form.Item name="declineReason" label={t('financing.declineReason')} rules={required}>
          <EnumSelect values={DECLINE_REASONS} label={(r) => t(`financing.declineReasons.${r}`)} data-testid="outcome-reason" />
        </Form.Item>
      )}
      <Form.Item name="productId" label={t('financing.product')}>
        <Select allowClear options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
      <Form.Item name="meetingId" label={t('financing.meeting')}>
        <Select allowClear options={need.meetings.map((m) => ({ value: m.id, label: `${m.title}（${m.meetingDate}）` }))} />
      </Form.Item>
      <Form.Item name="note" label={t('financing.note')}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="outcome-note" />
      </Form.Item>
    </FormModal>
  );
}
