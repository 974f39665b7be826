import { DeleteOutlined, DownloadOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Empty, Flex, List, Popconfirm, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_EXTENSIONS, type Attachment, type AttachmentPage, formatBytes } from '../../shared/modules/attachments.schemas';
import { api, download, toQuery, uploadFile } from '../lib/api';
import { useShowError } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { ExportButton } from './ExportButton';

interface Props {
  /** The owner type the server registered, e.g. `task`, `enterprise`, `calendar_year`. */
  ownerType: string;
  /** The owning record's key. */
  ownerId: string | number;
  /** Whether the page offers uploading and deleting; the server's own answer (`canWrite`) must agree as well. */
  canWrite: boolean;
}

const PAGE_SIZE = 10;

/** The files attached to one record: list, upload with progress, download and delete (with confirmation). */
export function AttachmentsPanel({ ownerType, ownerId, canWrite }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [uploading, setUploading] = useState<{ name: string; percent: number } | null>(null);
  const key = ['attachments', ownerType, String(ownerId)] as const;
  const list = useQuery({
    queryKey: [...key, page],
    queryFn: () => api.get<AttachmentPage>(`/api/attachments${toQuery({ ownerType, ownerId, page, pageSize: PAGE_SIZE, sort: 'createdAt', order: 'desc' })}`),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/api/attachments/${id}`),
    onSuccess: () => {
      void message.success(t('attachments.deleted'));
      return queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error) => showError(error),
  });
  const writable = canWrite && !!list.data?.canWrite;
  const maxBytes = list.data?.maxBytes ?? 0;

  async function send(file: File) {
    if (maxBytes && file.size > maxBytes) {
      void message.error(t('attachments.tooLarge', { max: formatBytes(maxBytes) }));
      return;
    }
    setUploading({ name: file.name, percent: 0 });
    try {
      await uploadFile<Attachment>(`/api/attachments/${encodeURIComponent(ownerType)}/${encodeURIComponent(String(ownerId))}`, file, (percent) =>
        setUploading({ name: file.name, percent }),
      );
      void message.success(t('attachments.uploaded', { name: file.name }));
      setPage(1);
      await queryClient.invalidateQueries({ queryKey: key });
    } catch (error) {
      // The server's reason (type, size) is in the field message; show that rather than the general one.
      const fields = (error as { fields?: Record<string, string> }).fields;
      if (fields?.file) void message.error(fields.file);
      else showError(error);
    } finally {
      setUploading(null);
    }
  }

  return (
    <Flex vertical gap={12} data-testid="attachments-panel">
      <Flex vertical gap={4}>
        <Flex gap={8} wrap>
          {writable && (
            <Upload
              accept={ATTACHMENT_EXTENSIONS.map((ext) => `.${ext}`).join(',')}
              showUploadList={false}
              disabled={!!uploading}
              customRequest={({ file }) => void send(file as File)}
            >
              <Button icon={<UploadOutlined />} loading={!!uploading}>
                {t('attachments.upload')}
              </Button>
            </Upload>
          )}
          {(list.data?.total ?? 0) > 0 && <ExportButton url="/api/attachments/export.xlsx" query={{ ownerType, ownerId, sort: 'createdAt', order: 'desc' }} />}
        </Flex>
        {writable && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('attachments.hint', { max: maxBytes ? formatBytes(maxBytes) : '—' })}
          </Typography.Text>
        )}
        {uploading && (
          <div>
            <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
              {uploading.name}
            </Typography.Text>
            <Progress percent={uploading.percent} size="small" />
          </div>
        )}
      </Flex>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <List<Attachment>
        size="small"
        bordered
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.empty')} /> }}
        pagination={
          (list.data?.total ?? 0) > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: list.data?.total, onChange: setPage, size: 'small', showSizeChanger: false }
            : false
        }
        renderItem={(item) => (
          <List.Item
            actions={[
              <Button
                key="download"
                type="link"
                size="small"
                icon={<DownloadOutlined />}
                aria-label={t('attachments.download')}
                onClick={() => download(`/api/attachments/${item.id}/download`).catch(showError)}
              />,
              ...(writable
                ? [
                    <Popconfirm
                      key="delete"
                      title={t('attachments.confirmDelete', { name: item.fileName })}
                      okText={t('common.delete')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove.mutateAsync(item.id)}
                    >
                      <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              avatar={<FileOutlined style={{ fontSize: 20, color: '#1677ff' }} />}
              title={
                <Typography.Link onClick={() => download(`/api/attachments/${item.id}/download`).catch(showError)} style={{ wordBreak: 'break-all' }}>
                  {item.fileName}
                </Typography.Link>
              }
              description={`${formatBytes(item.sizeBytes)} · ${item.uploadedBy.displayName} · ${formatDateTime(item.createdAt)}`}
            />
          </List.Item>
        )}
      />
    </Flex>
  );
}
