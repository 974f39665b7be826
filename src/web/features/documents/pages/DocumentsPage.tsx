import { FileAddOutlined, MailOutlined, NotificationOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps, Checkbox, Form, Input, Modal, Radio, Select, Space, Spin, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DOC_STATUSES, DOC_TYPES, type DocumentListItem, NOTICE_SUBJECTS, type NoticeSubject } from '../../../../shared/modules/documents.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { DateRangeFilter } from '../../../components/DateRangeFilter';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useCan } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { usePlanYears } from '../../indicators';
import { type DocumentFilters, useDocuments, useDraftLetters, useDraftMonthly, useLaggingUnits } from '../api';
import { TemplatesDrawer } from '../components/TemplatesDrawer';
import { EnumSelect } from '../../../components/EnumSelect';
import { useSaveForm } from '../../../lib/save-form';

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

/** The locked months the user can draft about, newest first: January to the last locked month of each plan year. */
function useLockedMonths(): string[] {
  const years = usePlanYears();
  return (years.data?.items ?? [])
    .flatMap((p) =>
      p.latestLockedMonth ? Array.from({ length: Number(p.latestLockedMonth.slice(5)) }, (_, i) => `${p.year}-${String(i + 1).padStart(2, '0')}`) : [],
    )
    .sort((a, b) => b.localeCompare(a));
}

/**
 * Asks for a locked month (the last one preselected) and a notice's subject, then drafts the brief or the notice
 * (opens it), or the letters to the red units the office ticks (all of them to start with), and says what it drafted.
 */
function DraftModal({ kind, onClose }: { kind: Drafting; onClose: (month?: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localName = useLocalName();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ month: string; subject: NoticeSubject; unitIds: number[] }>();
  const subject = Form.useWatch('subject', form);
  const months = useLockedMonths();
  const month = Form.useWatch('month', form);
  // The last locked month is preselected once the plan years have arrived.
  useEffect(() => {
    if (months[0] && !form.getFieldValue('month')) form.setFieldValue('month', months[0]);
  }, [months[0], form]);
  const lagging = useLaggingUnits(kind === 'letters' ? month : undefined);
  const monthly = useDraftMonthly();
  const letters = useDraftLetters();
  const submit = useSaveForm(form, async ({ month, subject, unitIds }: { month: string; subject: NoticeSubject; unitIds: number[] }) => {
    if (kind !== 'letters') {
      const doc = await monthly.mutateAsync(kind === 'brief' ? { kind, month } : { kind, month, subject });
      navigate(`/documents/${doc.id}`);
    } else {
      const res = await letters.mutateAsync({ month, unitIds });
      message.success(t('documents.lettersDrafted', { count: res.items.length, units: res.items.map((d) => d.addressee).join('、') }));
      onClose(month);
    }
  }).onFinish;
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
          rules={[{ required: true, message: t('documents.monthFormat') }]}
        >
          <Select
            showSearch
            style={{ width: 160 }}
            data-testid="draft-month"
            options={months.map((m) => ({ value: m, label: m }))}
            notFoundContent={t('documents.noLockedMonth')}
            onChange={() => form.setFieldValue('unitIds', undefined)}
          />
        </Form.Item>
        {kind === 'letters' && (
          <Form.Item
            name="unitIds"
            label={t('documents.letterUnits')}
            extra={t('documents.letterUnitsHint')}
            rules={[{ required: true, type: 'array', min: 1, message: t('documents.letterUnitsRequired') }]}
          >
            <LetterUnits units={lagging.data ?? []} loading={lagging.isFetching} localName={localName} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The red units of the month as ticks, all ticked when the month's list arrives. */
function LetterUnits({
  units,
  loading,
  localName,
  value,
  onChange,
}: {
  units: { id: number; nameZh: string; nameEn: string }[];
  loading: boolean;
  localName: (u: { nameZh: string; nameEn: string }) => string;
  value?: number[];
  onChange?: (ids: number[]) => void;
}) {
  const { t } = useTranslation();
  const ids = units.map((u) => u.id).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick every unit once per list of units, not on each change
  useEffect(() => {
    if (!loading) onChange?.(units.map((u) => u.id));
  }, [ids, loading]);
  if (loading) return <Spin size="small" />;
  if (units.length === 0) return <Typography.Text type="secondary">{t('documents.noLaggingUnits')}</Typography.Text>;
  return (
    <Checkbox.Group
      data-testid="letter-units"
      value={value}
      onChange={(v) => onChange?.(v as number[])}
      options={units.map((u) => ({ value: u.id, label: localName(u) }))}
    />
  );
}

/** 公文登记: every brief, letter and notice the user may see, searchable by type, number, date and unit. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const localName = useLocalName();
  const [filterForm] = Form.useForm<DocumentFilters>();
  const list = useListParams<DocumentFilters>({}, { sort: 'createdAt', order: 'desc' });
  const documents = useDocuments(list.query);
  const [drafting, setDrafting] = useState<Drafting | null>(null);
  const [editingTemplates, setEditingTemplates] = useState(false);

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
      <FilterBar form={filterForm} onSearch={list.setFilters} testId="documents-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('documents.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="docType">
          <EnumSelect allowClear placeholder={t('documents.type')} style={{ width: 120 }} values={DOC_TYPES} label={(v) => t(`documents.types.${v}`)} />
        </Form.Item>
        <Form.Item name="subject">
          <EnumSelect
            allowClear
            placeholder={t('documents.subject')}
            style={{ width: 130 }}
            values={NOTICE_SUBJECTS}
            label={(v) => t(`documents.subjects.${v}`)}
            data-testid="filter-subject"
          />
        </Form.Item>
        <Form.Item name="status">
          <EnumSelect
            allowClear
            placeholder={t('documents.statusLabel')}
            style={{ width: 110 }}
            values={DOC_STATUSES}
            label={(v) => t(`documents.status.${v}`)}
          />
        </Form.Item>
        <Form.Item name="month" rules={[{ pattern: MONTH, message: t('documents.monthFormat') }]}>
          <Input allowClear placeholder={t('documents.month')} style={{ width: 110 }} data-testid="filter-month" />
        </Form.Item>
        <Form.Item name="unitId">
          <UnitTreeSelect allowInactive placeholder={t('documents.unit')} style={{ width: 180 }} />
        </Form.Item>
        <DateRangeFilter placeholder={[t('documents.issuedFrom'), t('documents.issuedTo')]} style={{ width: 260 }} />
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
