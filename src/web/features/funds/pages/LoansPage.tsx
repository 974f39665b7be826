import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Select, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LOAN_STATUSES, type LoanListItem, REPAYMENT_METHODS } from '../../../../shared/modules/funds.schemas';
import { type RepaymentMethod, repaymentSchedule } from '../../../../shared/rules/funds-loans';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useMe } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { type LoanFilters, useCreateLoan, useFirmSearch, useLoanOptions, useLoans } from '../api';
import { toFen, yuan } from '../components/bits';
import { EnumSelect } from '../../../components/EnumSelect';
import { FormModal } from '../../../components/FormModal';
import { useSaveForm } from '../../../lib/save-form';

/** A loan's 逾期 flag and status, coloured. */
export function LoanStatus({ loan }: { loan: Pick<LoanListItem, 'overdue' | 'status'> }) {
  const { t } = useTranslation();
  return (
    <>
      {loan.overdue && (
        <Tag color="error" data-testid="loan-overdue">
          {t('loans.overdue')}
        </Tag>
      )}
      <Tag color={loan.status === 'settled' ? 'success' : 'processing'}>{t(`loans.statuses.${loan.status}`)}</Tag>
    </>
  );
}

export const ratePercent = (bp: number) => `${(bp / 100).toFixed(2)}%`;

/**
 * Guaranteed loans (小额担保贷款): for the office and leaders every loan, for a bank its own, for a firm on its portal
 * its own (`portal`): filters, sorting, paging, export, and the office records a loan with its schedule previewed.
 */
export function LoansPage({ portal = false }: { portal?: boolean }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const { data: me } = useMe();
  const [form] = Form.useForm<LoanFilters>();
  const list = useListParams<LoanFilters>({}, { sort: 'startDate', order: 'desc' });
  const items = useLoans(list.query);
  const options = useLoanOptions();
  const [creating, setCreating] = useState(false);
  const canManage = !!me?.permissions.includes('fund:loan_manage');
  const columns: TableColumnsType<LoanListItem> = [
    { title: t('funds.id'), dataIndex: 'id', key: 'id', sorter: true, sortOrder: list.sortOrderOf('id'), width: 70 },
    {
      title: portal ? t('loans.bank') : t('loans.enterprise'),
      key: 'enterprise',
      render: (_, l) => (
        <>
          <Link to={portal ? `/portal/loans/${l.id}` : `/funds/loans/${l.id}`} data-testid="loan-link">
            {portal ? localName(l.bank) : l.enterprise.name}
          </Link>
          <div style={{ color: '#888', fontSize: 12 }}>{portal ? l.contractNo : `${localName(l.bank)} · ${l.contractNo}`}</div>
        </>
      ),
    },
    { title: t('loans.amount'), key: 'amountFen', align: 'right', sorter: true, sortOrder: list.sortOrderOf('amountFen'), render: (_, l) => yuan(l.amountFen) },
    {
      title: t('loans.terms'),
      key: 'terms',
      render: (_, l) => (
        <>
          {ratePercent(l.annualRateBp)} · {t('loans.months', { count: l.termMonths })}
          <div style={{ color: '#888', fontSize: 12 }}>{t(`loans.methods.${l.method}`)}</div>
        </>
      ),
    },
    { title: t('loans.startDate'), dataIndex: 'startDate', key: 'startDate', sorter: true, sortOrder: list.sortOrderOf('startDate') },
    { title: t('loans.maturityDate'), dataIndex: 'maturityDate', key: 'maturityDate', sorter: true, sortOrder: list.sortOrderOf('maturityDate') },
    {
      title: t('loans.outstanding'),
      key: 'outstandingFen',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('outstandingFen'),
      render: (_, l) => <span data-testid="loan-outstanding">{yuan(l.outstandingFen)}</span>,
    },
    {
      title: t('loans.nextDue'),
      key: 'nextDue',
      render: (_, l) => (l.nextDue ? `${l.nextDue.dueDate} · ${yuan(l.nextDue.totalFen - l.nextDue.paidFen)}` : '—'),
    },
    { title: t('common.status'), key: 'status', render: (_, l) => <LoanStatus loan={l} /> },
  ];
  return (
    <PageContainer
      title={t(portal ? 'nav.myLoans' : 'nav.fundLoans')}
      extra={
        <>
          {canManage && !portal && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="loan-create">
              {t('loans.create')}
            </Button>
          )}
          <ExportButton url="/api/funds/loans/export.xlsx" query={list.exportQuery} />
        </>
      }
    >
      <FilterBar form={form} onSearch={(v) => list.setFilters(v)} testId="loan-filters">
        {!portal && (
          <Form.Item name="q">
            <Input allowClear placeholder={t('loans.searchPlaceholder')} style={{ width: 200 }} />
          </Form.Item>
        )}
        {!portal && (
          <Form.Item name="bankUnitId">
            <Select
              allowClear
              placeholder={t('loans.bank')}
              style={{ width: 220 }}
              options={(options.data?.banks ?? []).map((b) => ({ value: b.id, label: localName(b) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="method">
          <EnumSelect allowClear placeholder={t('loans.method')} style={{ width: 170 }} values={REPAYMENT_METHODS} label={(m) => t(`loans.methods.${m}`)} />
        </Form.Item>
        <Form.Item name="status">
          <EnumSelect allowClear placeholder={t('common.status')} style={{ width: 120 }} values={LOAN_STATUSES} label={(s) => t(`loans.statuses.${s}`)} />
        </Form.Item>
        <Form.Item name="overdue">
          <Select allowClear placeholder={t('loans.overdue')} style={{ width: 120 }} options={[{ value: 'true', label: t('loans.overdueOnly') }]} />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={items} columns={columns} testId="loans-table" />
      {creating && <CreateLoanModal onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}

interface LoanValues {
  enterpriseId: number;
  bankUnitId: number;
  guarantorName: string;
  contractNo?: string;
  amount: number;
  rate: number;
  termMonths: number;
  start: Dayjs;
  method: RepaymentMethod;
  note?: string;
}

/** The office records a loan; the schedule the server will store is previewed with the same rule. */
function CreateLoanModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateLoan();
  const options = useLoanOptions();
  const [q, setQ] = useState('');
  const firms = useFirmSearch(q);
  const [form] = Form.useForm<LoanValues>();
  const amount = Form.useWatch('amount', form);
  const rate = Form.useWatch('rate', form);
  const termMonths = Form.useWatch('termMonths', form);
  const method = Form.useWatch('method', form);
  const start = Form.useWatch('start', form);
  let preview: { count: number; interest: number; first: number } | null = null;
  if (amount && amount > 0 && termMonths && termMonths >= 1 && rate !== undefined && rate !== null && method && start) {
    const s = repaymentSchedule({ amountFen: toFen(amount), annualRateBp: Math.round(rate * 100), termMonths, startDate: start.format('YYYY-MM-DD'), method });
    preview = { count: s.length, interest: s.reduce((x, i) => x + i.interestFen, 0), first: s[0]?.totalFen ?? 0 };
  }
  const paths: Record<string, string> = { amountFen: 'amount', annualRateBp: 'rate', startDate: 'start' };
  const save = useSaveForm(
    form,
    async (v) => {
      const loan = await create.mutateAsync({
        enterpriseId: v.enterpriseId,
        bankUnitId: v.bankUnitId,
        guarantorName: v.guarantorName,
        contractNo: v.contractNo ?? '',
        amountFen: toFen(v.amount),
        annualRateBp: Math.round(v.rate * 100),
        termMonths: v.termMonths,
        startDate: v.start.format('YYYY-MM-DD'),
        method: v.method,
        note: v.note ?? '',
      });
      void message.success(t('loans.created'));
      onClose();
      navigate(`/funds/loans/${loan.id}`);
    },
    { rename: paths },
  );
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormModal
      title={t('loans.create')}
      okTestId="loan-ok"
      form={form}
      save={save}
      onClose={onClose}
      formTestId="loan-form"
      initialValues={{ method: 'annuity', start: dayjs(), termMonths: 12 }}
      after={
        preview && (
          <Typography.Paragraph type="secondary" data-testid="loan-preview">
            {t('loans.schedulePreview')}：{t('loans.schedulePreviewHint', { count: preview.count, interest: yuan(preview.interest) })}；{t('loans.dueDate')} 1：
            {yuan(preview.first)}
          </Typography.Paragraph>
        )
      }
    >
      <Form.Item name="enterpriseId" label={t('loans.enterprise')} rules={required}>
        <Select
          data-testid="loan-firm"
          showSearch={{ filterOption: false, onSearch: setQ }}
          options={(firms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
        />
      </Form.Item>
      <Form.Item name="bankUnitId" label={t('loans.bank')} rules={required}>
        <Select data-testid="loan-bank" options={(options.data?.banks ?? []).map((b) => ({ value: b.id, label: localName(b) }))} />
      </Form.Item>
      <Form.Item name="guarantorName" label={t('loans.guarantor')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={100} data-testid="loan-guarantor" />
      </Form.Item>
      <Form.Item name="contractNo" label={t('loans.contractNo')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="amount" label={t('loans.amount')} rules={required}>
        <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="loan-amount" />
      </Form.Item>
      <Form.Item name="rate" label={t('loans.ratePercent')} rules={required}>
        <InputNumber min={0} max={100} precision={2} step={0.05} style={{ width: '100%' }} data-testid="loan-rate" />
      </Form.Item>
      <Form.Item name="termMonths" label={t('loans.termMonths')} rules={required}>
        <InputNumber min={1} max={360} precision={0} style={{ width: '100%' }} data-testid="loan-term" />
      </Form.Item>
      <Form.Item name="start" label={t('loans.startDate')} rules={required}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="method" label={t('loans.method')} rules={required}>
        <EnumSelect values={REPAYMENT_METHODS} label={(m) => t(`loans.methods.${m}`)} />
      </Form.Item>
      <Form.Item name="note" label={t('loans.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

/** The firm's own loans on its portal. */
export function PortalLoansPage() {
  return <LoansPage portal />;
}
