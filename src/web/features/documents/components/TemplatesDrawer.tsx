import { Button, Drawer, Form, Input, Segmented, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOC_TYPES, type DocType } from '../../../../shared/modules/documents.schemas';
import { useShowError } from '../../../lib/errors';
import { type TemplateValues, useTemplates, useUpdateTemplate } from '../api';

type FormValues = Omit<TemplateValues, 'footerLines'> & { footerLines: string };

/** The office edits the templates: red header text, number prefix, issuer (signature), default addressee, footer lines. */
export function TemplatesDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const templates = useTemplates();
  const update = useUpdateTemplate();
  const [docType, setDocType] = useState<DocType>('brief');
  const [form] = Form.useForm<FormValues>();
  const current = templates.data?.items.find((x) => x.docType === docType);

  useEffect(() => {
    if (current) form.setFieldsValue({ ...current, footerLines: current.footerLines.join('\n') });
  }, [current, form]);

  const save = async (values: FormValues) => {
    try {
      await update.mutateAsync({
        docType,
        body: {
          ...values,
          footerLines: values.footerLines
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
        },
      });
      onClose();
    } catch (error) {
      showError(error, form);
    }
  };

  return (
    <Drawer
      open
      size={Math.min(560, window.innerWidth)}
      title={t('documents.templates')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()} data-testid="template-save">
            {t('documents.save')}
          </Button>
        </Space>
      }
    >
      <Segmented<DocType>
        block
        value={docType}
        onChange={setDocType}
        options={DOC_TYPES.map((v) => ({ value: v, label: t(`documents.types.${v}`) }))}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" onFinish={save} data-testid="template-form">
        <Form.Item name="headerText" label={t('documents.headerText')} rules={[{ required: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="numberPrefix" label={t('documents.numberPrefix')} extra={t('documents.numberPrefixHint')} rules={[{ required: true, max: 20 }]}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="issuer" label={t('documents.issuer')} rules={[{ required: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="addressee" label={t('documents.defaultAddressee')} rules={[{ max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="footerLines" label={t('documents.footerLines')} extra={t('documents.footerLinesHint')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
