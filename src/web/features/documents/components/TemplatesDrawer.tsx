import { Form, Input, Segmented } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOC_TYPES, type DocType } from '../../../../shared/modules/documents.schemas';
import { FormDrawer } from '../../../components/FormDrawer';
import { useSaveForm } from '../../../lib/save-form';
import { type TemplateValues, useTemplates, useUpdateTemplate } from '../api';

type FormValues = Omit<TemplateValues, 'footerLines'> & { footerLines: string };

/** The office edits the templates: red header text, number prefix, issuer (signature), default addressee, footer lines. */
export function TemplatesDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const update = useUpdateTemplate();
  const [docType, setDocType] = useState<DocType>('brief');
  const [form] = Form.useForm<FormValues>();
  const current = templates.data?.items.find((x) => x.docType === docType);

  useEffect(() => {
    if (current) form.setFieldsValue({ ...current, footerLines: current.footerLines.join('\n') });
  }, [current, form]);

  const save = useSaveForm(
    form,
    (values: FormValues) =>
      update.mutateAsync({
        docType,
        body: {
          ...values,
          footerLines: values.footerLines
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
        },
      }),
    { onDone: onClose },
  );

  return (
    <FormDrawer
      title={t('documents.templates')}
      form={form}
      save={save}
      onClose={onClose}
      width={560}
      saveTestId="template-save"
      saveLabel={t('documents.save')}
      formTestId="template-form"
      header={
        <Segmented<DocType>
          block
          value={docType}
          onChange={setDocType}
          options={DOC_TYPES.map((v) => ({ value: v, label: t(`documents.types.${v}`) }))}
          style={{ marginBottom: 16 }}
        />
      }
    >
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
    </FormDrawer>
  );
}
