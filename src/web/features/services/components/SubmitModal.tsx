import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { REQUEST_CHANNELS } from '../../../../shared/modules/services.schemas';
import { FormModal } from '../../../components/FormModal';
import { useLocalName } from '../../../lib/names';
import { useSaveForm } from '../../../lib/save-form';
import { useCategories, useCreateRequest, useFirmSearch } from '../api';

interface Values {
  enterpriseId?: number;
  channel?: string;
  categoryId: number;
  title: string;
  content: string;
}

/** A firm submits its request; staff enter one received by visit, hotline or meeting (`onBehalf`). */
export function SubmitModal({ onBehalf, onClose }: { onBehalf: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const localName = useLocalName();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const categories = useCategories();
  const firms = useFirmSearch(q);
  const create = useCreateRequest();
  const save = useSaveForm(form, (values: Values) => create.mutateAsync(onBehalf ? values : { ...values, channel: 'portal' }), {
    onDone: (created) => {
      void message.success(t(onBehalf ? 'services.created' : 'services.submitted'));
      onClose();
      navigate(`/services/requests/${created.id}`);
    },
  });
  return (
    <FormModal
      title={t(onBehalf ? 'services.enterOnBehalf' : 'services.submit')}
      okText={t(onBehalf ? 'services.enterOnBehalf' : 'services.submit')}
      width={560}
      form={form}
      save={save}
      onClose={onClose}
      initialValues={{ channel: 'visit' }}
      formTestId="request-form"
    >
      {onBehalf && (
        <>
          <Form.Item name="enterpriseId" label={t('services.enterprise')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              options={(firms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
              data-testid="request-enterprise"
            />
          </Form.Item>
          <Form.Item name="channel" label={t('services.channel')} rules={[{ required: true }]}>
            <Select options={REQUEST_CHANNELS.filter((c) => c !== 'portal').map((c) => ({ value: c, label: t(`services.channels.${c}`) }))} />
          </Form.Item>
        </>
      )}
      <Form.Item name="categoryId" label={t('services.category')} rules={[{ required: true, message: t('common.required') }]}>
        <Select
          data-testid="request-category"
          options={(categories.data?.items ?? [])
            .filter((c) => c.active)
            .map((c) => ({ value: c.id, label: t('services.categoryLimit', { name: localName(c), days: c.limitDays }) }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('services.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={100} data-testid="request-title" />
      </Form.Item>
      <Form.Item
        name="content"
        label={t('services.content')}
        extra={t('services.contentHint')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea rows={5} maxLength={4000} data-testid="request-content" />
      </Form.Item>
    </FormModal>
  );
}
