import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { formatDateTime } from '../../../lib/format';
import { useListParams } from '../../../lib/list';
import { type FirmAccount, useAccounts, useCreateAccount, useFirmSearch } from '../api';
import { FormModal } from '../../../components/FormModal';
import { useSaveForm } from '../../../lib/save-form';

/** 企业账号: the office or the township opens an account for a firm; the one-time password is shown once. */
export function AccountsPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ q?: string }>();
  const list = useListParams<{ q?: string }>({}, { sort: 'id', order: 'desc' });
  const accounts = useAccounts(list.query);
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<FirmAccount> = [
    { title: t('services.username'), dataIndex: 'username', key: 'username' },
    { title: t('services.enterprise'), key: 'enterprise', render: (_, a) => a.enterprise.name },
    { title: t('services.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('services.phone'), key: 'phone', render: (_, a) => a.phone ?? '—' },
    {
      title: t('common.status'),
      key: 'active',
      render: (_, a) => (a.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    { title: t('services.lastLoginAt'), key: 'lastLoginAt', render: (_, a) => (a.lastLoginAt ? formatDateTime(a.lastLoginAt) : '—') },
  ];
  return (
    <PageContainer
      title={t('nav.serviceAccounts')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-account">
          {t('services.accountCreate')}
        </Button>
      }
    >
      <FilterBar form={form} onSearch={list.setFilters} testId="account-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('services.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={accounts} columns={columns} testId="accounts-table" />
      {creating && <AccountModal onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}

function AccountModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [q, setQ] = useState('');
  const firms = useFirmSearch(q);
  const create = useCreateAccount();
  const [form] = Form.useForm<{ enterpriseId: number; username: string; displayName: string; phone?: string }>();
  const save = useSaveForm(form, async (values) => {
    const created = await create.mutateAsync({ ...values, phone: values.phone || null });
    onClose();
    modal.success({
      title: t('services.accountCreated'),
      content: (
        <Typography.Paragraph copyable={{ text: created.temporaryPassword }}>
          {t('services.temporaryPassword', { password: created.temporaryPassword })}
        </Typography.Paragraph>
      ),
    });
  });
  return (
    <FormModal
      title={t('services.accountCreate')}
      form={form}
      save={save}
      onClose={onClose}
      header={<Alert type="info" showIcon title={t('services.accountHint')} style={{ marginBottom: 16 }} />}
    >
      <Form.Item name="enterpriseId" label={t('services.enterprise')} rules={[{ required: true, message: t('common.required') }]}>
        <Select showSearch={{ filterOption: false, onSearch: setQ }} options={(firms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))} />
      </Form.Item>
      <Form.Item name="username" label={t('services.username')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="displayName" label={t('services.displayName')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="phone" label={t('services.phone')}>
        <Input maxLength={20} />
      </Form.Item>
    </FormModal>
  );
}
