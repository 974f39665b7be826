import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Select, type TableColumnsType, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../../../shared/modules/visits.schemas';
import { ExcelImportModal } from '../../../components/ExcelImportModal';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { type AssignmentFilters, useAssign, useAssignments, useEndAssignment, useFirmSearch, useOfficers } from '../api';
import { useSaveForm } from '../../../lib/save-form';

function AssignModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const localName = useLocalName();
  const officers = useOfficers();
  const [q, setQ] = useState('');
  const firms = useFirmSearch(q, { pageSize: 50 });
  const assign = useAssign();
  const [form] = Form.useForm<{ enterpriseIds: number[]; officerUserId: number; fromDate: Dayjs; note?: string }>();
  const save = useSaveForm(
    form,
    async (v: { enterpriseIds: number[]; officerUserId: number; fromDate: Dayjs; note?: string }) => {
      return assign.mutateAsync({ ...v, fromDate: v.fromDate.format('YYYY-MM-DD'), note: v.note ?? '' });
    },
    {
      onDone: (r) => {
        void message.success(t('visits.assignments.assigned', { count: r.assigned }));
        onClose();
      },
    },
  );
  const required = [{ required: true, message: t('common.required') }];
  const group = (serviceOfficer: boolean) =>
    (officers.data?.items ?? [])
      .filter((o) => o.serviceOfficer === serviceOfficer)
      .map((o) => ({ value: o.id, label: `${o.displayName} · ${localName(o.unit)}` }));
  return (
    <Modal
      open
      title={t('visits.assignments.assign')}
      onCancel={onClose}
      confirmLoading={assign.isPending}
      onOk={async () => save.onFinish(await form.validateFields())}
    >
      <Form form={form} layout="vertical" initialValues={{ fromDate: dayjs() }} name="assign">
        <Form.Item name="enterpriseIds" label={t('visits.assignments.firms')} rules={required}>
          <Select
            mode="multiple"
            showSearch
            filterOption={false}
            onSearch={setQ}
            placeholder={t('visits.assignments.firmsPlaceholder')}
            options={(firms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
            data-testid="assign-firms"
          />
        </Form.Item>
        <Form.Item name="officerUserId" label={t('visits.assignments.officer')} rules={required} extra={t('visits.assignments.officerHint')}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="assign-officer"
            options={[
              { label: t('visits.assignments.serviceOfficer'), options: group(true) },
              { label: t('visits.assignments.staff'), options: group(false) },
            ]}
          />
        </Form.Item>
        <Form.Item name="fromDate" label={t('visits.assignments.from')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('visits.assignments.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EndModal({ assignment, onClose }: { assignment: Assignment; onClose: () => void }) {
  const { t } = useTranslation();
  const end = useEndAssignment();
  const [form] = Form.useForm<{ toDate: Dayjs }>();
  const saveForm = useSaveForm(
    form,
    async (v: { toDate: Dayjs }) => {
      await end.mutateAsync({ id: assignment.id, toDate: v.toDate.format('YYYY-MM-DD') });
    },
    {
      onDone: () => {
        onClose();
      },
    },
  );
  return (
    <Modal
      open
      title={`${t('visits.assignments.endTitle')}：${assignment.enterprise.name}`}
      onCancel={onClose}
      okButtonProps={{ danger: true }}
      confirmLoading={end.isPending}
      onOk={async () => saveForm.onFinish(await form.validateFields())}
    >
      <p>{t('visits.assignments.endConfirm')}</p>
      <Form form={form} layout="vertical" initialValues={{ toDate: dayjs() }} name="end">
        <Form.Item name="toDate" label={t('visits.assignments.to')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 首席服务官: the firms' current chief officers (or the history), bulk assignment, ending one, export. */
export function AssignmentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const localName = useLocalName();
  const officers = useOfficers();
  const [form] = Form.useForm<AssignmentFilters>();
  const list = useListParams<AssignmentFilters>({}, { sort: 'enterprise', order: 'asc' });
  const items = useAssignments(list.query);
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<Assignment | null>(null);
  const [importing, setImporting] = useState(false);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const columns: TableColumnsType<Assignment> = [
    {
      title: t('visits.enterprise'),
      key: 'enterprise',
      sorter: true,
      sortOrder: list.sortOrderOf('enterprise'),
      render: (_, a) => <span style={{ display: 'block', maxWidth: 260, whiteSpace: 'normal' }}>{a.enterprise.name}</span>,
    },
    { title: t('visits.township'), key: 'township', render: (_, a) => localName(a.township) },
    { title: t('visits.officer'), key: 'officer', render: (_, a) => a.officer.displayName },
    {
      title: t('visits.team'),
      key: 'team',
      render: (_, a) => <span style={{ display: 'block', maxWidth: 200, whiteSpace: 'normal' }}>{localName(a.team)}</span>,
    },
    { title: t('visits.assignments.from'), dataIndex: 'fromDate', key: 'fromDate', sorter: true, sortOrder: list.sortOrderOf('fromDate') },
    {
      title: t('visits.assignments.to'),
      key: 'toDate',
      sorter: true,
      sortOrder: list.sortOrderOf('toDate'),
      render: (_, a) => (a.current ? (a.toDate ?? <Tag color="green">{t('visits.assignments.current')}</Tag>) : <Tag>{a.toDate}</Tag>),
    },
    { title: t('visits.assignments.note'), dataIndex: 'note', key: 'note' },
    ...(can('visit:manage')
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, a: Assignment) =>
              a.current && (
                <Button size="small" danger onClick={() => setEnding(a)}>
                  {t('visits.assignments.end')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <PageContainer
      title={t('nav.visitAssignments')}
      extra={
        <>
          <ExportButton url="/api/visits/assignments/export.xlsx" query={list.exportQuery} />
          {can('visit:manage') && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-assignments">
              {t('visits.assignments.import')}
            </Button>
          )}
          {can('visit:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssigning(true)} data-testid="assign">
              {t('visits.assignments.assign')}
            </Button>
          )}
        </>
      }
    >
      <FilterBar form={form} onSearch={list.setFilters} testId="assignment-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('visits.assignments.search')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="officerUserId">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('visits.officer')}
            style={{ width: 160 }}
            options={(officers.data?.items ?? []).filter((o) => o.serviceOfficer).map((o) => ({ value: o.id, label: o.displayName }))}
          />
        </Form.Item>
        <Form.Item name="current">
          <Select
            allowClear
            placeholder={t('visits.assignments.currentOnly')}
            style={{ width: 130 }}
            options={[
              { value: 'true', label: t('visits.assignments.currentOnly') },
              { value: 'false', label: t('visits.assignments.history') },
            ]}
          />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={items} columns={columns} testId="assignments-table" />
      {assigning && <AssignModal onClose={() => setAssigning(false)} />}
      {ending && <EndModal assignment={ending} onClose={() => setEnding(null)} />}
      {importing && (
        <ExcelImportModal
          title={t('visits.assignments.import')}
          hint={t('visits.assignments.importHint')}
          templateUrl="/api/visits/assignments/template.xlsx"
          importUrl="/api/visits/assignments/import"
          onClose={() => setImporting(false)}
          onImported={(count) => {
            void message.success(t('visits.assignments.assigned', { count }));
            void queryClient.invalidateQueries({ queryKey: ['visits'] });
            setImporting(false);
          }}
        />
      )}
    </PageContainer>
  );
}
