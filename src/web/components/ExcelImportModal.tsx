import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, download, uploadFile } from '../lib/api';
import { useShowError } from '../lib/errors';

interface Problem {
  row: number;
  column: string;
  message: string;
}

interface Props {
  title: string;
  templateUrl: string;
  importUrl: string;
  /** What this import's template holds and what importing it does, beyond the general instructions. */
  hint?: string;
  onClose: () => void;
  onImported: (count: number) => void;
}

/** Base64 → a downloadable file, for the annotated error report the server returns with a refused import. */
function saveBase64(base64: string, fileName: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const href = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(href);
}

/**
 * The one import dialog of every list: download the template, upload the filled file with progress, and either
 * see how many rows came in or the problems by row and column with the annotated sheet to download. All or nothing.
 */
export function ExcelImportModal({ title, templateUrl, importUrl, hint, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [progress, setProgress] = useState<number | null>(null);
  const [problems, setProblems] = useState<{ list: Problem[]; report: string | null; message: string } | null>(null);

  const send = async (file: File) => {
    setProblems(null);
    setProgress(0);
    try {
      const result = await uploadFile<{ imported: number }>(importUrl, file, (p) => setProgress(p));
      onImported(result.imported);
    } catch (error) {
      const body = error instanceof ApiError ? error : null;
      const details = body?.details as { errors?: Problem[]; report?: string } | undefined;
      setProblems({
        list: details?.errors ?? [],
        report: details?.report ?? null,
        message: body ? (body.fields?.file ?? body.message) : t('error.unexpected'),
      });
    } finally {
      setProgress(null);
    }
  };

  return (
    <Modal open title={title} onCancel={onClose} footer={<Button onClick={onClose}>{t('common.close')}</Button>} width={760}>
      <Typography.Paragraph>{t('import.intro')}</Typography.Paragraph>
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <Button icon={<DownloadOutlined />} onClick={() => download(templateUrl).catch(showError)} data-testid="import-template" style={{ marginBottom: 16 }}>
        {t('import.template')}
      </Button>
      <Upload.Dragger
        accept=".xlsx"
        showUploadList={false}
        disabled={progress !== null}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
        data-testid="import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.drop')}</p>
      </Upload.Dragger>
      {progress !== null && (
        <div style={{ marginTop: 16 }}>
          <Progress percent={progress < 100 ? progress : 99} status="active" />
          <Typography.Text type="secondary">{progress < 100 ? t('import.uploading') : t('import.checking')}</Typography.Text>
        </div>
      )}
      {problems && (
        <div style={{ marginTop: 16 }} data-testid="import-problems">
          <Alert type="error" showIcon title={problems.message} style={{ marginBottom: 12 }} />
          {problems.report && (
            <Button icon={<DownloadOutlined />} onClick={() => saveBase64(problems.report as string, t('import.reportName'))} style={{ marginBottom: 12 }}>
              {t('import.report')}
            </Button>
          )}
          {problems.list.length > 0 && (
            <Table<Problem>
              size="small"
              rowKey={(p) => `${p.row}:${p.column}:${p.message}`}
              dataSource={problems.list}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('import.row'), dataIndex: 'row', width: 70 },
                { title: t('import.column'), dataIndex: 'column', width: 160 },
                { title: t('import.problem'), dataIndex: 'message' },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
