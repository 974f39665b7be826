import { App, Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { URGENCIES } from '../../../../shared/modules/financing.schemas';
import { FormModal } from '../../../components/FormModal';
import { useLocalName } from '../../../lib/names';
import { useSaveForm } from '../../../lib/save-form';
import { type NeedBody, useBanks, useCreateNeed, useFirmSearch } from '../api';
import { fenOfWan } from './bits';

interface Values {
  enterpriseId?: number;
  amount: number;
  termMonths: number;
  purpose: string;
  collateral?: string;
  urgency: NeedBody['urgency'];
  contact: string;
  share: 'all' | 'chosen';
  bankUnitIds?: number[];
  consent: boolean;
}

const RENAME: Record<string, string> = { amountFen: 'amount', shareWithAll: 'share' };

/** Records a financing need: a firm its own (on a phone, too), staff one for a firm in their scope. */
export function NeedModal({ forFirm, onClose }: { forFirm: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const localName = useLocalName();
  const banks = useBanks();
  const [q, setQ] = useState('');
  const firms = useFirmSearch(q);
  const create = useCreateNeed();
  const [form] = Form.useForm<Values>();
  const share = Form.useWatch('share', form);
  const required = [{ required: true, message: t('common.required') }];

  const save = useSaveForm(
    form,
    async ({ amount, share: s, bankUnitIds, consent, collateral, ...rest }: Values) => {
      await create.mutateAsync({
        ...rest,
        collateral: collateral ?? '',
        amountFen: fenOfWan(amount),
        shareWithAll: s === 'all',
        bankUnitIds: s === 'all' ? [] : (bankUnitIds ?? []),
        consent: consent as true,
      });
      void message.success(t('financing.created'));
    },
    { onDone: onClose, rename: RENAME },
  );

  return (
    <FormModal
      title={t('financing.create')}
      okText={t('financing.create')}
      style={{ top: 16, maxWidth: 'calc(100vw - 16px)' }}
      form={form}
      save={save}
      onClose={onClose}
      okTestId="need-save"
      initialValues={{ urgency: 'normal', share: 'chosen', termMonths: 12 }}
      formTestId="need-form"
    >
      {!forFirm && (
        <Form.Item name="enterpriseId" label={t('financing.enterprise')} rules={required}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            options={(firms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
            data-testid="need-enterprise"
          />
        </Form.Item>
      )}
      <Form.Item name="amount" label={t('financing.amount')} rules={required}>
        <InputNumber min={0.01} max={1_000_000} precision={2} style={{ width: '100%' }} inputMode="decimal" data-testid="need-amount" />
      </Form.Item>
      <Form.Item name="termMonths" label={t('financing.term')} rules={required}>
        <InputNumber min={1} max={360} precision={0} style={{ width: '100%' }} inputMode="numeric" data-testid="need-term" />
      </Form.Item>
      <Form.Item name="purpose" label={t('financing.purpose')} rules={[...required, { whitespace: true, message: t('common.required') }]}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="need-purpose" />
      </Form.Item>
      <Form.Item name="collateral" label={t('financing.collateral')}>
        <Input placeholder={t('financing.collateralPlaceholder')} maxLength={1000} />
      </Form.Item>
      <Form.Item name="urgency" label={t('financing.urgency')}>
        <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: t(`financing.urgencies.${u}`) }))} />
      </Form.Item>
      <Form.Item name="contact" label={t('financing.contact')} rules={[...required, { whitespace: true, message: t('common.required') }]}>
        <Input maxLength={100} data-testid="need-contact" />
      </Form.Item>
      <Form.Item name="share" label={t('financing.share')}>
        <Radio.Group
          options={[
            { value: 'chosen', label: t('financing.shareChosen') },
            { value: 'all', label: t('financing.shareAll') },
          ]}
        />
      </Form.Item>
      {share !== 'all' && (
        <Form.Item name="bankUnitIds" label={t('financing.banks')} rules={required}>
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={(banks.data?.items ?? []).map((b) => ({ value: b.id, label: localName(b) }))}
            data-testid="need-banks"
          />
        </Form.Item>
      )}
      <Form.Item
        name="consent"
        valuePropName="checked"
        rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('common.required')))) }]}
      >
        <Checkbox data-testid="need-consent">{t('financing.consent')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
