import { App, Form, Input, InputNumber, Modal, Switch, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportForm } from '../../../../shared/modules/reports.schemas';
import { api } from '../../../lib/api';
import { useSaveForm } from '../../../lib/save-form';
import { useReportForm } from '../api';

interface Props {
  form: ReportForm | null;
  onClose: () => void;
}

/** The office changes a form's due working day, first month and whether it is in use. */
export function FormSettingsModal({ form, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [fields] = Form.useForm<{ nameZh: string; nameEn: string; dueWorkingDay: number; startMonth: string; active: boolean }>();
  const save = useMutation({
    mutationFn: (body: object) => api.patch(`/api/report-forms/${form?.id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports'] }),
  });
  const saveForm = useSaveForm(fields, (body: object) => save.mutateAsync(body), {
    onDone: () => {
      void message.success(t('reports.settingsSaved'));
      onClose();
    },
  });
  useEffect(() => {
    if (form) fields.setFieldsValue(form);
  }, [form, fields]);
  return (
    <Modal
      open={form !== null}
      title={t('reports.settingsTitle')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saveForm.saving}
      onOk={() => fields.submit()}
    >
      <Form form={fields} layout="vertical" onFinish={saveForm.onFinish}>
        <Form.Item name="nameZh" label={t('reports.nameZh')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('reports.nameEn')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="dueWorkingDay" label={t('reports.dueWorkingDay')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} max={20} precision={0} />
        </Form.Item>
        <Form.Item
          name="startMonth"
          label={t('reports.startMonth')}
          rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('reports.monthFormat') }]}
        >
          <Input placeholder="2021-01" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="active" label={t('reports.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The office publishes a new version of a form's definition, edited as JSON; reports already started keep theirs. */
export function NewVersionModal({ form, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const detail = useReportForm(form?.id ?? null);
  const [fields] = Form.useForm<{ definition: string; note: string }>();
  const publish = useMutation({
    mutationFn: (body: object) => api.post(`/api/report-forms/${form?.id}/versions`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports'] }),
  });
  const saveForm = useSaveForm(
    fields,
    (v: { definition: string; note: string }) => publish.mutateAsync({ definition: JSON.parse(v.definition), note: v.note }),
    {
      onDone: () => {
        void message.success(t('reports.published'));
        onClose();
      },
    },
  );
  useEffect(() => {
    if (detail.data) fields.setFieldsValue({ definition: JSON.stringify(detail.data.definition, null, 2), note: '' });
  }, [detail.data, fields]);
  return (
    <Modal
      open={form !== null}
      width={860}
      title={t('reports.newVersionTitle', { version: (form?.currentVersion ?? 0) + 1 })}
      onCancel={onClose}
      okText={t('reports.publish')}
      cancelText={t('common.cancel')}
      confirmLoading={saveForm.saving}
      onOk={() => fields.submit()}
    >
      <Typography.Paragraph type="secondary">{t('reports.newVersionHint')}</Typography.Paragraph>
      <Form form={fields} layout="vertical" onFinish={saveForm.onFinish}>
        <Form.Item
          name="definition"
          label={t('reports.definition')}
          rules={[
            { required: true, message: t('common.required') },
            { validator: (_, text: string) => (parsesAsJson(text) ? Promise.resolve() : Promise.reject(new Error(t('reports.badJson')))) },
          ]}
        >
          <Input.TextArea rows={18} style={{ fontFamily: 'monospace', fontSize: 12 }} />
        </Form.Item>
        <Form.Item name="note" label={t('reports.versionNote')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Whether a definition's text is JSON at all (an empty field is the `required` rule's to report). */
function parsesAsJson(text: string | undefined): boolean {
  if (!text) return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
