import { FileAddOutlined, MailOutlined, NotificationOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps, DatePicker, Form, Input, Modal, Radio, Select, Space, type TableColumnsType, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DOC_STATUSES, DOC_TYPES, type DocumentListItem, NOTICE_SUBJECTS, type NoticeSubject } from '../../../../shared/modules/documents.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useCan } from '../../../lib/auth';
import { useShowError } from '../../../lib/errors';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { type DocumentFilters, useDocuments, useDraftLetters, useDraftMonthly } from '../api';
import { TemplatesDrawer } from '../components/TemplatesDrawer';

type FilterValues = Omit<DocumentFilters, 'from' | 'to'> & { issued?: [Dayjs | null, Dayjs | null] | null };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
type Drafting = 'brief' | 'notice' | 'letters';
const DRAFT_TITLES = { brief: 'documents.draftBrief', notice: 'documents.draftNotice', letters: 'documents.draftLetters' } as const;

/** Status of a document as a tag: drafts stand out, issued ones are quiet. */
export function DocumentStatusTag({ status }: { status: DocumentListItem['status'] }) {
  const { t } = useTranslation();
  return <Tag color={status === 'draft' ? 'gold' : 'green'}>{t(`documents.status.${status}`)}</Tag>;
}

/** A notice's subject as a tag: criticism in red, praise in blue; nothing for briefs and letters. */
export function NoticeSubjectTag({ subject }: { subject: NoticeSubject | null }) {
  const { t } = useTranslation();
  if (!subject) return null;
  return (
    <Tag color={subject === 'praise' ? 'blue' : 'volcano'} data-testid="notice-subject">
      {t(`documents.subjects.${subject}`)}
    </Tag>
  );
}

/** Asks for a locked month (and a notice's subject), then drafts the brief or the notice (opens it) or the letters (lists them). */
function DraftModal({ kind, onClose }: { kind: Drafting; onClose: (month?: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ month: string; subject: NoticeSubject }>();
  const subject = Form.useWatch('subject', form);
  const monthly = useDraftMonthly();
  const letters = useDraftLetters();
  const submit = async ({ month, subject }: { month: string; subject: NoticeSubject }) => {
    try {
      if (kind !== 'letters') {
        const doc = await monthly.mutateAsync(kind === 'brief' ? { kind, month } : { kind, month, subject });
        navigate(`/documents/${doc.id}`);
      } else {
        const res = await letters.mutateAsync(month);
        message.success(t('documents.lettersDrafted', { count: res.items.length }));
        onClose(month);
      }
    } catch (error) {
      showError(error, form);
    }
  };
  return (
    <Modal
      open
      title={t(DRAFT_TITLES[kind])}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okText={t('documents.draft')}
      okButtonProps={{ 'data-testid': 'draft-ok' } as ButtonProps}
      confirmLoading={monthly.isPending || letters.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ subject: 'criticism' }} data-testid="draft-form">
        {kind === 'notice' && (
          <Form.Item name="subject" label={t('documents.subject')} extra={subject && t(`documents.subjectHints.${subject}`)}>
            <Radio.Group
              optionType="button"
              options={NOTICE_SUBJECTS.map((v) => ({ value: v, label: t(`documents.subjects.${v}`) }))}
              data-testid="draft-subject"
            />
          </Form.Item>
        )}
        <Form.Item
          name="month"
          label={t('documents.lockedMonth')}
          extra={t('documents.lockedMonthHint')}
          rules={[{ required: true, pattern: MONTH, message: t('documents.monthFormat') }]}
        >
          <Input placeholder="2021-09" style={{ width: 160 }} data-testid="draft-month" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 公文登记: every brief, letter and notice the user may see, searchable by type, number, date and unit. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const localName = useLocalName();
  const [filterForm] = Form.useForm<FilterValues>();
  const list = useListParams<DocumentFilters>({}, { sort: 'createdAt', order: 'desc' });
  const documents = useDocuments(list.query);
  const [drafting, setDrafting] = useState<Drafting | null>(null);
  const [editingTemplates, setEditingTemplates] = useState(false);

  const onSearch = ({ issued, ...rest }: FilterValues) =>
    list.setFilters({ ...rest, from: issued?.[0]?.format('YYYY-MM-DD'), to: issued?.[1]?.format('YYYY-MM-DD') });

  // The columns of the .xlsx export (server: modules/documents/documents.routes.ts).
  const columns: TableColumnsType<DocumentListItem> = [
    { title: t('documents.number'), key: 'number', sorter: true, sortOrder: list.sortOrderOf('number'), render: (_, d) => d.number ?? '—' },
    {
      title: t('documents.type'),
      key: 'docType',
      render: (_, d) => (
        <Space size={4} wrap>
          {t(`documents.types.${d.docType}`)}
          <NoticeSubjectTag subject={d.subject} />
        </Space>
      ),
    },
    {
      title: t('documents.title'),
      key: 'title',
      sorter: true,
      sortOrder: list.sortOrderOf('title'),
      render: (_, d) => <Link to={`/documents/${d.id}`}>{d.title}</Link>,
    },
    { title: t('documents.month'), dataIndex: 'month', key: 'month', render: (m) => m ?? '—' },
    { title: t('documents.unit'), key: 'unit', render: (_, d) => (d.unit ? localName(d.unit) : d.addressee || '—') },
    { title: t('documents.issueDate'), key: 'issueDate', sorter: true, sortOrder: list.sortOrderOf('issueDate'), render: (_, d) => d.issueDate ?? '—' },
    { title: t('documents.statusLabel'), key: 'status', render: (_, d) => <DocumentStatusTag status={d.status} /> },
  ];

  return (
    <PageContainer
      title={t('nav.documents')}
      extra={
        <>
          <ExportButton url="/api/documents/export.xlsx" query={list.exportQuery} />
          {can('document:template') && (
            <Button icon={<SettingOutlined />} onClick={() => setEditingTemplates(true)} data-testid="edit-templates">
              {t('documents.templates')}
            </Button>
          )}
          {can('document:draft') && (
            <>
              <Button icon={<NotificationOutlined />} onClick={() => setDrafting('notice')} data-testid="draft-notice">
                {t('documents.draftNotice')}
              </Button>
              <Button icon={<MailOutlined />} onClick={() => setDrafting('letters')} data-testid="draft-letters">
                {t('documents.draftLetters')}
              </Button>
              <Button type="primary" icon={<FileAddOutlined />} onClick={() => setDrafting('brief')} data-testid="draft-brief">
                {t('documents.draftBrief')}
              </Button>
            </>
          )}
        </>
      }
    >
      <FilterBar form={filterForm} onSearch={onSearch} testId="documents-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('documents.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="docType">
          <Select
            allowClear
            placeholder={t('documents.type')}
            style={{ width: 120 }}
            options={DOC_TYPES.map((v) => ({ value: v, label: t(`documents.types.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="subject">
          <Select
            allowClear
            placeholder={t('documents.subject')}
            style={{ width: 130 }}
            options={NOTICE_SUBJECTS.map((v) => ({ value: v, label: t(`documents.subjects.${v}`) }))}
            data-testid="filter-subject"
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('documents.statusLabel')}
            style={{ width: 110 }}
            options={DOC_STATUSES.map((v) => ({ value: v, label: t(`documents.status.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="month" rules={[{ pattern: MONTH, message: t('documents.monthFormat') }]}>
          <Input allowClear placeholder={t('documents.month')} style={{ width: 110 }} data-testid="filter-month" />
        </Form.Item>
        <Form.Item name="unitId">
          <UnitTreeSelect allowInactive placeholder={t('documents.unit')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="issued">
          <DatePicker.RangePicker placeholder={[t('documents.issuedFrom'), t('documents.issuedTo')]} style={{ width: 260 }} />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={documents} columns={columns} testId="documents-table" />
      {editingTemplates && <TemplatesDrawer onClose={() => setEditingTemplates(false)} />}
      {drafting && (
        <DraftModal
          kind={drafting}
          onClose={(month) => {
            setDrafting(null);
            if (month) {
              filterForm.setFieldsValue({ docType: 'letter', month });
              list.setFilters({ docType: 'letter', month });
            }
          }}
        />
      )}
    </PageContainer>
  );
}
