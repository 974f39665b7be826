import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Popconfirm, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_STATUSES, type Delivery, type Webhook } from '../../../../shared/modules/notifications.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useShowError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { useDeliveries, useSaveWebhook, useTestWebhook, useWebhooks } from '../api';
import { AllowedHostsModal } from '../components/AllowedHostsModal';
import { WebhookFormModal } from '../components/WebhookFormModal';
import { EnumSelect } from '../../../components/EnumSelect';

const DELIVERY_COLOR = { pending: 'processing', sent: 'success', failed: 'error' } as const;

/**
 * 消息推送: each unit's group-robot addresses (sysadmin), the internal hosts allowed as targets, and the delivery queue
 * with its retries and failures: status only, never the messages (business content) or the receivers' answers.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const localName = useLocalName();
  const showError = useShowError();
  const list = useListParams<object>({});
  const webhooks = useWebhooks(list.query);
  const [deliveryForm] = Form.useForm<{ status?: string }>();
  const deliveriesList = useListParams<{ status?: string }>({});
  const deliveries = useDeliveries(deliveriesList.query);
  const save = useSaveWebhook();
  const test = useTestWebhook();
  const [editing, setEditing] = useState<{ webhook?: Webhook } | null>(null);
  const [hosts, setHosts] = useState(false);
  const can = useCan();

  const runTest = (id: number) =>
    test.mutate(id, {
      onSuccess: (r) => (r.ok ? void message.success(t('webhooks.testOk')) : void message.error(t('webhooks.testFailed', { error: r.error }))),
      onError: (error) => showError(error),
    });

  const columns: TableColumnsType<Webhook> = [
    { title: t('webhooks.unit'), key: 'unit', sorter: true, sortOrder: list.sortOrderOf('unit'), render: (_, w) => localName(w.unit) },
    { title: t('webhooks.name'), dataIndex: 'name', key: 'name', sorter: true, sortOrder: list.sortOrderOf('name') },
    {
      title: t('webhooks.url'),
      dataIndex: 'url',
      key: 'url',
      render: (url: string) => (
        <Typography.Text ellipsis={{ tooltip: url }} style={{ maxWidth: 280 }}>
          {url}
        </Typography.Text>
      ),
    },
    {
      title: t('common.status'),
      key: 'active',
      render: (_, w) => (w.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    { title: t('webhooks.pending'), dataIndex: 'pending', key: 'pending' },
    { title: t('webhooks.failed'), dataIndex: 'failed', key: 'failed', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0) },
    { title: t('webhooks.lastSentAt'), dataIndex: 'lastSentAt', key: 'lastSentAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, w) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setEditing({ webhook: w })}>
            {t('common.edit')}
          </Button>
          <Button size="small" loading={test.isPending && test.variables === w.id} onClick={() => runTest(w.id)}>
            {t('webhooks.test')}
          </Button>
          {w.active ? (
            <Popconfirm
              title={t('webhooks.confirmDisable')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => save.mutate({ id: w.id, values: { active: false } })}
            >
              <Button size="small" danger>
                {t('common.disable')}
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" onClick={() => save.mutate({ id: w.id, values: { active: true } })}>
              {t('common.enable')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const deliveryColumns: TableColumnsType<Delivery> = [
    {
      title: t('webhooks.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: deliveriesList.sortOrderOf('createdAt'),
      render: formatDateTime,
    },
    { title: t('webhooks.unit'), key: 'unit', render: (_, d) => `${localName({ nameZh: d.unitNameZh, nameEn: d.unitNameEn })} · ${d.webhookName}` },
    { title: t('common.status'), key: 'status', render: (_, d) => <Tag color={DELIVERY_COLOR[d.status]}>{t(`webhooks.deliveryStatus.${d.status}`)}</Tag> },
    { title: t('webhooks.attempts'), dataIndex: 'attempts', key: 'attempts' },
    { title: t('webhooks.nextAttemptAt'), key: 'next', render: (_, d) => (d.status === 'pending' ? formatDateTime(d.nextAttemptAt) : '—') },
    { title: t('webhooks.sentAt'), dataIndex: 'sentAt', key: 'sentAt', render: formatDateTime },
    {
      title: t('webhooks.lastError'),
      dataIndex: 'lastError',
      key: 'lastError',
      render: (e: string | null) =>
        e ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: e }} style={{ maxWidth: 240 }}>
            {e}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <PageContainer
      title={t('webhooks.title')}
      extra={
        <>
          <ExportButton url="/api/webhooks/export.xlsx" query={list.exportQuery} />
          {can('settings:manage') && (
            <Button onClick={() => setHosts(true)} data-testid="allowed-hosts">
              {t('webhooks.allowedHosts')}
            </Button>
          )}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="create-webhook">
            {t('webhooks.create')}
          </Button>
        </>
      }
    >
      <Alert type="info" showIcon title={t('webhooks.intro')} style={{ marginBottom: 16 }} />
      <ListTable list={list} result={webhooks} columns={columns} testId="webhooks-table" />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 24, marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('webhooks.deliveries')}
        </Typography.Title>
        <ExportButton url="/api/webhooks/deliveries/export.xlsx" query={deliveriesList.exportQuery} />
      </Flex>
      <FilterBar form={deliveryForm} onSearch={deliveriesList.setFilters} testId="deliveries-filters">
        <Form.Item name="status">
          <EnumSelect
            allowClear
            placeholder={t('common.status')}
            style={{ width: 140 }}
            values={DELIVERY_STATUSES}
            label={(s) => t(`webhooks.deliveryStatus.${s}`)}
          />
        </Form.Item>
      </FilterBar>
      <ListTable list={deliveriesList} result={deliveries} columns={deliveryColumns} testId="deliveries-table" />
      {editing && <WebhookFormModal webhook={editing.webhook} onClose={() => setEditing(null)} />}
      {hosts && <AllowedHostsModal onClose={() => setHosts(false)} />}
    </PageContainer>
  );
}
