import { App, Button, Form, Input, Modal, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Registration } from '../../../../shared/modules/services.schemas';
import { INDUSTRY_CODES } from '../../../../shared/industry-codes';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { formatDateTime } from '../../../lib/format';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { useConfirmRegistration, useRefuseCorrection, useRefuseRegistration, useRegistrations } from '../api';
import { useSaveForm } from '../../../lib/save-form';

const STATUS_COLORS = { pending: 'processing', confirmed: 'success', refused: 'default' } as const;

/** 企业注册审核: the township confirms (opening the account, filing a new firm) or refuses its firms' self-registrations. */
export function RegistrationsPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const [form] = Form.useForm<{ status?: string; q?: string }>();
  const list = useListParams<{ status?: string; q?: string }>({}, { sort: 'id', order: 'desc' });
  const result = useRegistrations(list.query);
  const [confirming, setConfirming] = useState<Registration | null>(null);
  const [refusing, setRefusing] = useState<Registration | null>(null);
  // The firm (its code and whether it is on file), the status and the actions come first: on a phone they are what
  // the township needs, and the table scrolls sideways for the rest.
  const columns: TableColumnsType<Registration> = [
    {
      title: t('services.portal.firmName'),
      key: 'firm',
      width: 220,
      render: (_, r) => (
        <Space direction="vertical" size={2}>
          <Typography.Text strong style={{ wordBreak: 'break-all' }}>
            {r.firmName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {r.uscc}
          </Typography.Text>
          {r.enterprise ? <Tag color="blue">{t('services.portal.linked')}</Tag> : <Tag>{t('services.portal.newFirm')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS_COLORS[r.status]}>{t(`services.portal.status.${r.status}`)}</Tag>
          {r.reason && <Typography.Text type="secondary">{r.reason}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.status === 'pending' && (
          <Space wrap>
            <Button size="small" type="primary" onClick={() => setConfirming(r)} data-testid={`confirm-registration-${r.id}`}>
              {t('services.portal.confirm')}
            </Button>
            <Button size="small" danger onClick={() => setRefusing(r)}>
              {t('services.portal.refuse')}
            </Button>
          </Space>
        ),
    },
    { title: t('services.portal.township'), key: 'township', render: (_, r) => localName(r.township) },
    { title: t('services.portal.contactName'), key: 'contact', render: (_, r) => `${r.contactName} ${r.contactPhone}` },
    { title: t('services.portal.username'), dataIndex: 'username', key: 'username' },
    { title: t('services.portal.createdAt'), key: 'createdAt', render: (_, r) => formatDateTime(r.createdAt) },
  ];
  return (
    <PageContainer title={t('nav.serviceRegistrations')}>
      <FilterBar form={form} onSearch={list.setFilters} testId="registration-filters">
        <Form.Item name="status">
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('common.status')}
            options={(['pending', 'confirmed', 'refused'] as const).map((s) => ({ value: s, label: t(`services.portal.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="q">
          <Input allowClear placeholder={t('services.portal.firmName')} style={{ width: 200 }} />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} testId="registrations-table" />
      {confirming && <ConfirmModal r={confirming} onClose={() => setConfirming(null)} />}
      {refusing && <RefuseModal id={refusing.id} onClose={() => setRefusing(null)} />}
    </PageContainer>
  );
}

function ConfirmModal({ r, onClose }: { r: Registration; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ industryCode?: string; address?: string }>();
  const confirm = useConfirmRegistration();
  const save = useSaveForm(form, (values: { industryCode?: string; address?: string }) => confirm.mutateAsync({ id: r.id, ...values }), {
    onDone: () => {
      void message.success(t('services.portal.confirmed'));
      onClose();
    },
  });
  const ok = async () => save.onFinish(r.enterprise ? {} : await form.validateFields());
  return (
    <Modal
      open
      title={`${t('services.portal.confirm')}：${r.firmName}`}
      onCancel={onClose}
      onOk={ok}
      okButtonProps={{ loading: confirm.isPending }}
      destroyOnHidden
    >
      {r.enterprise ? (
        <Typography.Paragraph>
          {t('services.portal.linked')}：{r.enterprise.name}
        </Typography.Paragraph>
      ) : (
        <Form form={form} layout="vertical">
          <Typography.Paragraph type="secondary">{t('services.portal.confirmNewFirm')}</Typography.Paragraph>
          <Form.Item name="industryCode" label={t('services.portal.industry')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={INDUSTRY_CODES.map((c) => ({ value: c.code, label: `${c.code} ${i18n.language === 'en-US' ? c.en : c.zh}` }))}
              data-testid="confirm-industry"
            />
          </Form.Item>
          <Form.Item name="address" label={t('services.portal.address')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** Asks for the reason of a refusal (a registration or a correction). */
export function RefuseModal({ id, onClose, correction = false }: { id: number; onClose: () => void; correction?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const registration = useRefuseRegistration();
  const corr = useRefuseCorrection();
  const mutation = correction ? corr : registration;
  const save = useSaveForm(
    form,
    async ({ reason }: { reason: string }) => {
      // A registration or a correction: the two answers differ, and neither is needed.
      await mutation.mutateAsync({ id, reason });
    },
    {
      onDone: () => {
        void message.success(t('services.portal.refused'));
        onClose();
      },
    },
  );
  const ok = async () => save.onFinish(await form.validateFields());
  return (
    <Modal open title={t('services.portal.refuse')} onCancel={onClose} onOk={ok} okButtonProps={{ danger: true, loading: mutation.isPending }} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('services.portal.refuseReason')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
