import { Badge, Button, Form, Select, Space, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Notification } from '../../../../shared/modules/notifications.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list';
import { useMarkRead, useNotifications, useUnreadCount } from '../api';

interface Filters {
  unread?: 'true' | 'false';
}

/** 消息中心: the user's own notices, newest first; opening one marks it read. */
export function InboxPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [filterForm] = Form.useForm<Filters>();
  const list = useListParams<Filters>({});
  const notifications = useNotifications(list.query);
  const unread = useUnreadCount().data?.unread ?? 0;
  const markRead = useMarkRead();

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) navigate(n.link);
  };

  const columns: TableColumnsType<Notification> = [
    {
      title: t('inbox.message'),
      key: 'title',
      render: (_, n) => (
        <Space size={8}>
          <Badge status={n.readAt ? 'default' : 'processing'} />
          {n.link ? (
            <Typography.Link strong={!n.readAt} onClick={() => open(n)}>
              {locale === 'en-US' ? n.titleEn : n.titleZh}
            </Typography.Link>
          ) : (
            <Typography.Text strong={!n.readAt}>{locale === 'en-US' ? n.titleEn : n.titleZh}</Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('inbox.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, sortOrder: list.sortOrderOf('createdAt'), render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, n) =>
        n.readAt ? (
          <Typography.Text type="secondary">{t('inbox.read')}</Typography.Text>
        ) : (
          <Button size="small" onClick={() => markRead.mutate(n.id)}>
            {t('inbox.markRead')}
          </Button>
        ),
    },
  ];

  return (
    <PageContainer
      title={t('inbox.title')}
      extra={
        <>
          <ExportButton url="/api/notifications/export.xlsx" query={list.exportQuery} />
          <Button
            disabled={unread === 0}
            loading={markRead.isPending && markRead.variables === undefined}
            onClick={() => markRead.mutate(undefined)}
            data-testid="mark-all-read"
          >
            {t('inbox.markAllRead')}
          </Button>
        </>
      }
    >
      <FilterBar form={filterForm} onSearch={list.setFilters} testId="inbox-filters">
        <Form.Item name="unread">
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 140 }}
            options={[
              { value: 'true', label: t('inbox.unread') },
              { value: 'false', label: t('inbox.read') },
            ]}
          />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={notifications} columns={columns} testId="inbox-table" />
    </PageContainer>
  );
}
