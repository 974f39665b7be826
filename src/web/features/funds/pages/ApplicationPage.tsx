import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Space,
  Table,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { FundApplication } from '../../../../shared/modules/funds.schemas';
import type { ReviewStep } from '../../../../shared/rules/funds-awards';
import { AttachmentsPanel } from '../../../components/AttachmentsPanel';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { useMe } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useLocalName } from '../../../lib/names';
import { useSaveForm } from '../../../lib/save-form';
import { useApplication, useDisburse, useReject, useResubmit, useReview } from '../api';
import { StatusTag, toFen, yuan } from '../components/bits';

/** One application: what the firm asked, where it is, its history and payments, and what the caller may do now. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const application = useApplication(Number(id));
  const { data: me } = useMe();
  const navigate = useNavigate();
  if (application.error) return <Alert type="error" showIcon title={application.error.message} />;
  if (!application.data) return <FullPageSpin />;
  const portal = !!me?.enterprise;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="application-page">
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(portal ? '/portal/funds' : '/funds/applications')}>
        {t('funds.back')}
      </Button>
      <ApplicationView a={application.data} portal={portal} />
    </Space>
  );
}

type Dialog = null | ReviewStep | 'disburse' | 'resubmit' | 'reject';

function ApplicationView({ a, portal }: { a: FundApplication; portal: boolean }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const [dialog, setDialog] = useState<Dialog>(null);
  const toPay = (a.approvedFen ?? 0) - a.disbursedFen;
  const step = (['preliminary', 'office', 'leader'] as const).find((s) => a.actions.includes(s));
  return (
    <>
      <Card
        size="small"
        title={
          <Typography.Title level={5} style={{ margin: 0, whiteSpace: 'normal' }} data-testid="application-title">
            {a.title}
          </Typography.Title>
        }
      >
        <Flex wrap gap={4} style={{ marginBottom: 12 }}>
          <StatusTag status={a.status} />
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          {!portal && <Descriptions.Item label={t('funds.enterprise')}>{a.enterprise.name}</Descriptions.Item>}
          <Descriptions.Item label={t('funds.programme')}>
            {a.programme.year} {a.programme.name}
          </Descriptions.Item>
          <Descriptions.Item label={t('funds.category')}>{a.category.name}</Descriptions.Item>
          {a.investmentFen !== null && <Descriptions.Item label={t('funds.investment')}>{yuan(a.investmentFen)}</Descriptions.Item>}
          <Descriptions.Item label={t('funds.requested')}>{yuan(a.requestedFen)}</Descriptions.Item>
          {a.recommendedFen !== null && <Descriptions.Item label={t('funds.recommended')}>{yuan(a.recommendedFen)}</Descriptions.Item>}
          <Descriptions.Item label={t('funds.approved')}>
            <span data-testid="approved-amount">{yuan(a.approvedFen)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('funds.disbursed')}>
            <span data-testid="disbursed-amount">{yuan(a.disbursedFen)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('funds.reviewUnit')}>{localName(a.reviewUnit)}</Descriptions.Item>
          <Descriptions.Item label={t('funds.submittedDate')}>{a.submittedDate}</Descriptions.Item>
          {a.dueDate && <Descriptions.Item label={t('funds.stepDue')}>{a.dueDate}</Descriptions.Item>}
        </Descriptions>
        {a.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{a.description}</Typography.Paragraph>}
        {a.actions.length > 0 && (
          <Flex wrap gap={8} style={{ marginTop: 12 }} data-testid="application-actions">
            {step && (
              <Button type="primary" onClick={() => setDialog(step)} data-testid={`action-${step}`}>
                {t(`funds.steps.${step}`)}
              </Button>
            )}
            {a.actions.includes('reject') && (
              <Button danger onClick={() => setDialog('reject')} data-testid="action-reject">
                {t('funds.reject')}
              </Button>
            )}
            {a.actions.includes('disburse') && (
              <Button type="primary" onClick={() => setDialog('disburse')} data-testid="action-disburse">
                {t('funds.disburse')}
              </Button>
            )}
            {a.actions.includes('resubmit') && (
              <Button type="primary" onClick={() => setDialog('resubmit')} data-testid="action-resubmit">
                {t('funds.resubmit')}
              </Button>
            )}
          </Flex>
        )}
      </Card>
      <Card size="small" title={t('funds.disbursements')} data-testid="disbursements">
        {a.disbursements.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('funds.noDisbursements')} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={a.disbursements}
            columns={[
              { title: t('funds.paidDate'), dataIndex: 'paidDate', key: 'paidDate' },
              { title: t('funds.amount'), key: 'amount', align: 'right', render: (_, d) => yuan(d.amountFen) },
              { title: t('funds.note'), dataIndex: 'note', key: 'note' },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('funds.history')}>
        <Timeline
          data-testid="application-history"
          items={a.events.map((e) => ({
            key: e.id,
            content: (
              <>
                <Typography.Text strong>{e.kind in EVENT_KINDS ? t(`funds.events.${e.kind as keyof typeof EVENT_KINDS}`) : e.kind}</Typography.Text>{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)}
                  {e.unit ? ` · ${localName(e.unit)}` : ''}
                  {e.user ? ` · ${e.user}` : ''}
                </Typography.Text>
                {e.text && <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>}
              </>
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t('funds.materialsFiles')}>
        <AttachmentsPanel ownerType="fund_application" ownerId={a.id} canWrite={['preliminary', 'returned'].includes(a.status)} />
      </Card>
      {dialog === 'disburse' && <DisburseModal a={a} toPay={toPay} onClose={() => setDialog(null)} />}
      {dialog === 'resubmit' && <ResubmitModal a={a} onClose={() => setDialog(null)} />}
      {dialog === 'reject' && <RejectModal a={a} onClose={() => setDialog(null)} />}
      {(dialog === 'preliminary' || dialog === 'office' || dialog === 'leader') && <ReviewModal a={a} step={dialog} onClose={() => setDialog(null)} />}
    </>
  );
}

const EVENT_KINDS = {
  submitted: 1,
  resubmitted: 1,
  preliminary_pass: 1,
  preliminary_return: 1,
  office_pass: 1,
  office_return: 1,
  leader_return: 1,
  preliminary_reject: 1,
  office_reject: 1,
  leader_reject: 1,
  approved: 1,
  disbursed: 1,
};

/** A review step's decision: pass (the office and the leader may lower the amount) or return with a reason, confirmed. */
function ReviewModal({ a, step, onClose }: { a: FundApplication; step: ReviewStep; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const review = useReview(a.id);
  const [form] = Form.useForm<{ decision: 'pass' | 'return'; reason?: string; amount?: number }>();
  const decision = Form.useWatch('decision', form);
  const withAmount = step !== 'preliminary';
  const send = useSaveForm(
    form,
    (values: { decision: 'pass' | 'return'; reason?: string; amount?: number }) =>
      review.mutateAsync({
        step,
        decision: values.decision,
        reason: values.reason ?? '',
        amountFen: values.decision === 'pass' && withAmount && values.amount ? toFen(values.amount) : undefined,
      }),
    {
      rename: { amountFen: 'amount' },
      onDone: () => {
        void message.success(t('funds.reviewed'));
        onClose();
      },
    },
  );
  const ok = async () => {
    const values = await form.validateFields();
    if (values.decision === 'return') modal.confirm({ title: t('funds.confirmReturn'), onOk: () => send.onFinish(values) });
    else await send.onFinish(values);
  };
  return (
    <Modal
      open
      title={t(`funds.steps.${step}`)}
      onCancel={onClose}
      onOk={ok}
      okButtonProps={{ loading: review.isPending, 'data-testid': 'review-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {a.title} · {t('funds.requested')} {yuan(a.requestedFen)}
        {a.recommendedFen !== null && ` · ${t('funds.recommended')} ${yuan(a.recommendedFen)}`}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ decision: 'pass' }}>
        <Form.Item name="decision">
          <Radio.Group
            optionType="button"
            data-testid="review-decision"
            options={[
              { value: 'pass', label: step === 'leader' ? t('funds.approve') : t('funds.pass') },
              { value: 'return', label: t('funds.returnIt') },
            ]}
          />
        </Form.Item>
        {decision !== 'return' && withAmount && (
          <Form.Item
            name="amount"
            label={step === 'leader' ? t('funds.approved') : t('funds.recommended')}
            extra={t('funds.amountHint', { base: t(step === 'leader' && a.recommendedFen !== null ? 'funds.baseRecommended' : 'funds.baseRequested') })}
          >
            <InputNumber min={0.01} max={a.requestedFen / 100} precision={2} style={{ width: 220 }} data-testid="review-amount" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('funds.reason')}
          rules={decision === 'return' ? [{ required: true, whitespace: true, message: t('funds.reasonRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="review-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DisburseModal({ a, toPay, onClose }: { a: FundApplication; toPay: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pay = useDisburse(a.id);
  const [form] = Form.useForm<{ amount: number; paid: Dayjs; note?: string }>();
  const save = useSaveForm(
    form,
    ({ amount, paid, note }: { amount: number; paid: Dayjs; note?: string }) =>
      pay.mutateAsync({ amountFen: toFen(amount), paidDate: paid.format('YYYY-MM-DD'), note: note ?? '' }),
    {
      rename: { amountFen: 'amount', paidDate: 'paid' },
      onDone: () => {
        void message.success(t('funds.disbursedSaved'));
        onClose();
      },
    },
  );
  const ok = async () => save.onFinish(await form.validateFields());
  return (
    <Modal
      open
      title={t('funds.disburseTitle')}
      onCancel={onClose}
      onOk={ok}
      okButtonProps={{ loading: pay.isPending, 'data-testid': 'disburse-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {a.title} · {t('funds.toPay')} {yuan(toPay)}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ amount: toPay / 100, paid: dayjs() }}>
        <Form.Item name="amount" label={t('funds.amount')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0.01} max={toPay / 100} precision={2} style={{ width: 220 }} data-testid="disburse-amount" />
        </Form.Item>
        <Form.Item name="paid" label={t('funds.paidDate')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('funds.note')}>
          <Input maxLength={500} data-testid="disburse-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResubmitModal({ a, onClose }: { a: FundApplication; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const resubmit = useResubmit(a.id);
  const [form] = Form.useForm<{ description?: string; investment?: number }>();
  const save = useSaveForm(
    form,
    ({ description, investment }: { description?: string; investment?: number }) =>
      resubmit.mutateAsync({ description: description ?? '', ...(a.investmentFen !== null && investment ? { investmentFen: toFen(investment) } : {}) }),
    {
      rename: { investmentFen: 'investment' },
      onDone: () => {
        void message.success(t('funds.resubmitted'));
        onClose();
      },
    },
  );
  const ok = async () => save.onFinish(await form.validateFields());
  return (
    <Modal open title={t('funds.resubmit')} onCancel={onClose} onOk={ok} okButtonProps={{ loading: resubmit.isPending }} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ description: a.description, investment: a.investmentFen === null ? undefined : a.investmentFen / 100 }}
      >
        {a.investmentFen !== null && (
          <Form.Item name="investment" label={t('funds.investment')}>
            <InputNumber min={0.01} precision={2} style={{ width: 220 }} />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('funds.description')}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A final refusal (不予支持) at the caller's step, with its reason for the firm; confirmed, since it cannot be undone. */
function RejectModal({ a, onClose }: { a: FundApplication; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const reject = useReject(a.id);
  const [form] = Form.useForm<{ reason: string }>();
  const save = useSaveForm(form, ({ reason }: { reason: string }) => reject.mutateAsync({ reason }), {
    onDone: () => {
      void message.success(t('funds.rejected'));
      onClose();
    },
  });
  const ok = async () => {
    const { reason } = await form.validateFields();
    modal.confirm({
      title: t('funds.confirmReject'),
      content: t('funds.rejectHint'),
      okButtonProps: { danger: true, 'data-testid': 'reject-confirm' } as never,
      onOk: () => save.onFinish({ reason }),
    });
  };
  return (
    <Modal
      open
      title={t('funds.reject')}
      onCancel={onClose}
      onOk={ok}
      okButtonProps={{ danger: true, loading: reject.isPending, 'data-testid': 'reject-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {a.title} · {a.enterprise.name}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('funds.reason')} rules={[{ required: true, whitespace: true, message: t('funds.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
