import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Flex, Form, Input, InputNumber, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { FundLoan } from '../../../../shared/modules/funds.schemas';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { useLocalName } from '../../../lib/names';
import { useLoan, useRepay } from '../api';
import { toFen, yuan } from '../components/bits';
import { LoanStatus, ratePercent } from './LoansPage';
import { useSaveForm } from '../../../lib/save-form';

const STATE_COLOURS = { paid: 'success', partial: 'warning', due: 'default', missed: 'error' } as const;

/** One loan: terms, the repayment schedule with each instalment's state, repayments; the office records one. */
export function LoanPage({ portal = false }: { portal?: boolean }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const loan = useLoan(Number(id));
  const navigate = useNavigate();
  if (loan.error) return <Alert type="error" showIcon title={loan.error.message} />;
  if (!loan.data) return <FullPageSpin />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="loan-page">
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(portal ? '/portal/loans' : '/funds/loans')}>
        {t('loans.back')}
      </Button>
      <LoanView l={loan.data} portal={portal} />
    </Space>
  );
}

function LoanView({ l, portal }: { l: FundLoan; portal: boolean }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const [repaying, setRepaying] = useState(false);
  const owed = l.schedule.reduce((s, i) => s + i.totalFen, 0) - l.repaidFen;
  return (
    <>
      <Card
        size="small"
        title={
          <Typography.Title level={5} style={{ margin: 0, whiteSpace: 'normal' }} data-testid="loan-title">
            {portal ? localName(l.bank) : l.enterprise.name} · {yuan(l.amountFen)}
          </Typography.Title>
        }
        extra={
          l.canManage &&
          l.status === 'active' && (
            <Button type="primary" onClick={() => setRepaying(true)} data-testid="loan-repay">
              {t('loans.repay')}
            </Button>
          )
        }
      >
        <Flex wrap gap={4} style={{ marginBottom: 12 }}>
          <LoanStatus loan={l} />
        </Flex>
        {l.overdue && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('loans.overdueAlert')} />}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          {!portal && <Descriptions.Item label={t('loans.enterprise')}>{l.enterprise.name}</Descriptions.Item>}
          <Descriptions.Item label={t('loans.bank')}>{localName(l.bank)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.guarantor')}>{l.guarantorUnit ? localName(l.guarantorUnit) : l.guarantor}</Descriptions.Item>
          <Descriptions.Item label={t('loans.contractNo')}>{l.contractNo || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('loans.amount')}>{yuan(l.amountFen)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.rate')}>{ratePercent(l.annualRateBp)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.term')}>{t('loans.months', { count: l.termMonths })}</Descriptions.Item>
          <Descriptions.Item label={t('loans.method')}>{t(`loans.methods.${l.method}`)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.startDate')}>{l.startDate}</Descriptions.Item>
          <Descriptions.Item label={t('loans.maturityDate')}>{l.maturityDate}</Descriptions.Item>
          <Descriptions.Item label={t('loans.repaid')}>{yuan(l.repaidFen)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.outstanding')}>
            <span data-testid="loan-detail-outstanding">{yuan(l.outstandingFen)}</span>
          </Descriptions.Item>
        </Descriptions>
        {l.note && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {l.note}
          </Typography.Paragraph>
        )}
      </Card>
      <Card size="small" title={t('loans.schedule')}>
        <Table
          rowKey="seq"
          size="small"
          data-testid="loan-schedule"
          pagination={l.schedule.length > 24 ? { pageSize: 24 } : false}
          scroll={{ x: 'max-content' }}
          dataSource={l.schedule}
          columns={[
            { title: t('loans.seq'), dataIndex: 'seq', key: 'seq', width: 60 },
            { title: t('loans.dueDate'), dataIndex: 'dueDate', key: 'dueDate' },
            { title: t('loans.principal'), key: 'principal', align: 'right', render: (_, i) => yuan(i.principalFen) },
            { title: t('loans.interest'), key: 'interest', align: 'right', render: (_, i) => yuan(i.interestFen) },
            { title: t('loans.total'), key: 'total', align: 'right', render: (_, i) => yuan(i.totalFen) },
            { title: t('loans.paid'), key: 'paid', align: 'right', render: (_, i) => yuan(i.paidFen) },
            {
              title: t('loans.state'),
              key: 'state',
              render: (_, i) => (
                <>
                  <Tooltip title={i.state === 'paid' ? undefined : `${t('loans.deadline')} ${i.deadline}`}>
                    <Tag color={STATE_COLOURS[i.state]} data-testid="instalment-state">
                      {t(`loans.states.${i.state}`)}
                    </Tag>
                  </Tooltip>
                  {i.missedOn && i.state === 'paid' && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('loans.wasMissed', { date: i.missedOn })}
                    </Typography.Text>
                  )}
                </>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('loans.repayments')} data-testid="loan-repayments">
        {l.repayments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('loans.noRepayments')} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={l.repayments}
            columns={[
              { title: t('loans.paidDate'), dataIndex: 'paidDate', key: 'paidDate' },
              { title: t('loans.repayAmount'), key: 'amount', align: 'right', render: (_, r) => yuan(r.amountFen) },
              { title: t('loans.note'), dataIndex: 'note', key: 'note' },
            ]}
          />
        )}
      </Card>
      {repaying && <RepayModal l={l} owed={owed} onClose={() => setRepaying(false)} />}
    </>
  );
}

function RepayModal({ l, owed, onClose }: { l: FundLoan; owed: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const repay = useRepay(l.id);
  const [form] = Form.useForm<{ amount: number; paid: Dayjs; note?: string }>();
  const next = l.schedule.find((i) => i.paidFen < i.totalFen);
  const save = useSaveForm(
    form,
    ({ amount, paid, note }: { amount: number; paid: Dayjs; note?: string }) =>
      repay.mutateAsync({ amountFen: toFen(amount), paidDate: paid.format('YYYY-MM-DD'), note: note ?? '' }),
    {
      rename: { amountFen: 'amount', paidDate: 'paid' },
      onDone: () => {
        void message.success(t('loans.repaidSaved'));
        onClose();
      },
    },
  );
  const ok = async () => {
    const { amount, paid, note } = await form.validateFields();
    modal.confirm({
      title: t('loans.confirmRepay', { amount: yuan(toFen(amount)) }),
      okButtonProps: { 'data-testid': 'repay-confirm' } as never,
      onOk: () => save.onFinish({ amount, paid, note }),
    });
  };
  return (
    <Modal open title={t('loans.repay')} onCancel={onClose} onOk={ok} okButtonProps={{ loading: repay.isPending, 'data-testid': 'repay-ok' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ amount: next ? (next.totalFen - next.paidFen) / 100 : undefined, paid: dayjs() }}>
        <Form.Item name="amount" label={t('loans.repayAmount')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0.01} max={owed / 100} precision={2} style={{ width: 220 }} data-testid="repay-amount" />
        </Form.Item>
        <Form.Item name="paid" label={t('loans.paidDate')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(l.startDate), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('loans.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One of the firm's own loans on its portal. */
export function PortalLoanPage() {
  return <LoanPage portal />;
}
