import { ArrowLeftOutlined, DownloadOutlined, FilePdfOutlined, FileWordOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Space, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { DocumentBlockData, DocumentDto } from '../../../../shared/modules/documents.schemas';
import { PageContainer } from '../../../components/PageContainer';
import { download } from '../../../lib/api';
import { useShowError } from '../../../lib/errors';
import { useLocalName } from '../../../lib/names';
import { useDeleteDraft, useDocument, useIssueDocument, useUpdateDraft } from '../api';
import { DocumentStatusTag, NoticeSubjectTag } from './DocumentsPage';

const DocumentChartView = lazy(() => import('../components/DocumentChartView'));

/** The body as it will print: headings, paragraphs and tables; the narrative paragraphs are text areas while a draft is edited. */
function DocumentBody({ doc, edits, onEdit }: { doc: DocumentDto; edits: Record<number, string>; onEdit?: (index: number, text: string) => void }) {
  return (
    <div style={{ fontFamily: '"FangSong", "Noto Serif CJK SC", serif', fontSize: 16, lineHeight: 1.9, maxWidth: 760 }} data-testid="document-body">
      {doc.blocks.map((block: DocumentBlockData, index) => {
        const key = `${block.kind}-${index}`;
        if (block.kind === 'heading')
          return (
            <Typography.Title key={key} level={block.level === 1 ? 5 : 5} style={{ margin: '12px 0 4px', fontWeight: block.level === 1 ? 700 : 500 }}>
              {block.text}
            </Typography.Title>
          );
        if (block.kind === 'paragraph') {
          if (block.editable && onEdit)
            return (
              <Input.TextArea
                key={key}
                autoSize={{ minRows: 2, maxRows: 12 }}
                value={edits[index] ?? block.text}
                onChange={(e) => onEdit(index, e.target.value)}
                style={{ margin: '4px 0', fontSize: 15 }}
                data-testid={`narrative-${index}`}
              />
            );
          return (
            <p key={key} style={{ textIndent: '2em', margin: '4px 0' }}>
              {edits[index] ?? block.text}
            </p>
          );
        }
        if (block.kind === 'chart')
          return (
            <Suspense key={key} fallback={<Spin />}>
              <DocumentChartView chart={block} />
            </Suspense>
          );
        return (
          <div key={key} style={{ margin: '8px 0' }}>
            {block.caption && <div style={{ textAlign: 'center', fontWeight: 600 }}>{block.caption}</div>}
            <Table
              size="small"
              bordered
              pagination={false}
              rowKey={(_, i) => String(i)}
              // A line break in a cell is a new line in the .docx too.
              columns={block.columns.map((c, i) => ({
                title: c,
                key: String(i),
                render: (_: unknown, row: string[]) => <span style={{ whiteSpace: 'pre-line' }}>{row[i]}</span>,
              }))}
              dataSource={block.rows}
              scroll={{ x: true }}
            />
          </div>
        );
      })}
    </div>
  );
}

/** One document: its particulars, its body (narrative editable while a draft), issuing with confirmation, download. */
export function DocumentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const localName = useLocalName();
  const id = Number(useParams().id);
  const doc = useDocument(id);
  const update = useUpdateDraft(id);
  const issue = useIssueDocument(id);
  const remove = useDeleteDraft(id);
  const [edits, setEdits] = useState<Record<number, string>>({});

  if (doc.error) return <Alert type="error" showIcon title={doc.error.message} />;
  if (!doc.data) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const d = doc.data;
  const editing = d.actions.includes('edit');
  const dirty = Object.keys(edits).length > 0;

  const save = async () => {
    try {
      await update.mutateAsync({ paragraphs: Object.entries(edits).map(([index, text]) => ({ index: Number(index), text })) });
      setEdits({});
      message.success(t('documents.saved'));
    } catch (error) {
      showError(error);
    }
  };
  const confirmIssue = () => {
    // The issue date is chosen in the dialog (today to start with); the number's year is taken from it.
    let issueDate = dayjs().format('YYYY-MM-DD');
    modal.confirm({
      title: t('documents.issueConfirmTitle'),
      content: (
        <Flex vertical gap={12}>
          <span>{t('documents.issueConfirm', { title: d.title })}</span>
          <Form layout="vertical">
            <Form.Item label={t('documents.issueDate')} extra={t('documents.issueDateHint')} style={{ marginBottom: 0 }}>
              <DatePicker
                defaultValue={dayjs()}
                allowClear={false}
                disabledDate={(day) => day.isAfter(dayjs(), 'day')}
                onChange={(day) => {
                  if (day) issueDate = day.format('YYYY-MM-DD');
                }}
                data-testid="issue-date"
              />
            </Form.Item>
          </Form>
        </Flex>
      ),
      okText: t('documents.issue'),
      onOk: async () => {
        try {
          if (dirty) await update.mutateAsync({ paragraphs: Object.entries(edits).map(([index, text]) => ({ index: Number(index), text })) });
          setEdits({});
          const issued = await issue.mutateAsync(issueDate);
          message.success(t('documents.issued', { number: issued.number }));
        } catch (error) {
          showError(error);
        }
      },
    });
  };
  const confirmDelete = () =>
    modal.confirm({
      title: t('documents.deleteConfirm'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await remove.mutateAsync(undefined);
          navigate('/documents');
        } catch (error) {
          showError(error);
        }
      },
    });
  const fetchFile = async (kind: 'docx' | 'pdf' = 'docx') => {
    try {
      await download(`/api/documents/${id}/file.${kind}`);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <PageContainer
      title={
        <Space wrap size={8}>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('documents.back')} onClick={() => navigate(-1)} />
          <span data-testid="document-title">{d.title}</span>
          <NoticeSubjectTag subject={d.subject} />
          <DocumentStatusTag status={d.status} />
        </Space>
      }
      extra={
        <Space wrap>
          {d.actions.includes('download') ? (
            <Button icon={<DownloadOutlined />} onClick={() => fetchFile()} data-testid="download-docx">
              {t('documents.download')}
            </Button>
          ) : (
            <Button icon={<FileWordOutlined />} onClick={() => fetchFile()} data-testid="preview-docx">
              {t('documents.preview')}
            </Button>
          )}
          {d.pdf && (
            <Button icon={<FilePdfOutlined />} onClick={() => fetchFile('pdf')} data-testid="download-pdf">
              {t('documents.downloadPdf')}
            </Button>
          )}
          {editing && (
            <Button icon={<SaveOutlined />} disabled={!dirty} loading={update.isPending} onClick={save} data-testid="save-draft">
              {t('documents.save')}
            </Button>
          )}
          {d.actions.includes('delete') && (
            <Button danger onClick={confirmDelete} data-testid="delete-draft">
              {t('documents.delete')}
            </Button>
          )}
          {d.actions.includes('issue') && (
            <Button type="primary" icon={<SendOutlined />} loading={issue.isPending} onClick={confirmIssue} data-testid="issue-document">
              {t('documents.issue')}
            </Button>
          )}
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('documents.number')}>
            <span data-testid="document-number">{d.number ?? t('documents.noNumber')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('documents.type')}>
            {t(`documents.types.${d.docType}`)}
            {d.subject && ` · ${t(`documents.subjects.${d.subject}`)}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('documents.month')}>{d.month ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('documents.addressee')}>{d.unit ? localName(d.unit) : d.addressee || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('documents.issueDate')}>{d.issueDate ?? '—'}</Descriptions.Item>
          {d.taskId && (
            <Descriptions.Item label={t('documents.task')}>
              <Link to={`/tasks/${d.taskId}`} data-testid="document-task">
                {t('documents.openTask')}
              </Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {editing && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('documents.editHint')} />}
      <Card>
        <DocumentBody doc={d} edits={edits} onEdit={editing ? (index, text) => setEdits((old) => ({ ...old, [index]: text })) : undefined} />
      </Card>
    </PageContainer>
  );
}
