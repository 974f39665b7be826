import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, InputNumber, Modal, Radio, Select, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type Match, type Need, URGENCIES } from '../../../../shared/modules/financing.schemas';
import { AttachmentsPanel } from '../../../components/AttachmentsPanel';
import { PageContainer } from '../../../components/PageContainer';
import { useCan, useMe } from '../../../lib/auth';
import { useShowError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useLocalName } from '../../../lib/names';
import { type NeedBody, useAddMeetingNeeds, useBanks, useCloseNeed, useFinancingMeetings, useNeed, useNeedBanks, useUpdateNeed } from '../api';
import { OutcomeModal } from '../components/OutcomeModal';
import { NeedStatusTag, OutcomeTag, fenOfWan, pct, wan } from '../components/bits';
import { useSaveForm } from '../../../lib/save-form';

/** One financing need: particulars, banks, meetings and outcomes; the bank records its outcome, staff close or list it. */
export function NeedPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const need = useNeed(id);
  const can = useCan();
  const { data: me } = useMe();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (need.isLoading) return <Skeleton active />;
  if (need.error || !need.data) return <Alert type="error" showIcon title={need.error?.message ?? t('common.empty')} />;
  const n = need.data;
  return (
    <PageContainer
      title={
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('financing.back')} />
          {t('financing.detail')} #{n.id}
          <NeedStatusTag status={n.status} />
        </Space>
      }
      extra={<Actions need={n} open={setDialog} />}
    >
      <Particulars need={n} />
      <Card size="small" title={t('financing.matches')} style={{ marginTop: 16 }}>
        <MatchesTable matches={n.matches} />
      </Card>
      <Card size="small" title={t('financing.files')} style={{ marginTop: 16 }}>
        <AttachmentsPanel
          ownerType="financing_need"
          ownerId={n.id}
          canWrite={!can('financing:bank') && (me?.enterprise?.id === n.enterprise.id || can('financing:handle'))}
        />
      </Card>
      {dialog === 'banks' && <BanksModal need={n} onClose={() => setDialog(null)} />}
      {dialog === 'outcome' && <OutcomeModal need={n} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseModal need={n} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && <EditModal need={n} onClose={() => setDialog(null)} />}
      {dialog === 'meeting' && <MeetingModal need={n} onClose={() => setDialog(null)} />}
    </PageContainer>
  );
}

type Dialog = 'outcome' | 'close' | 'meeting' | 'edit' | 'banks';

function Actions({ need, open }: { need: Need; open: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const openNeed = need.status === 'pending' || need.status === 'matching' || need.status === 'credited';
  return (
    <>
      {need.actions.includes('outcome') && (
        <Button type="primary" onClick={() => open('outcome')} data-testid="need-outcome">
          {t('financing.outcome')}
        </Button>
      )}
      {can('financing:manage') && openNeed && (
        <Button onClick={() => open('meeting')} data-testid="need-put-on-meeting">
          {t('financing.putOnMeeting')}
        </Button>
      )}
      {need.actions.includes('edit') && (
        <Button onClick={() => open('edit')} data-testid="need-edit">
          {t('financing.edit')}
        </Button>
      )}
      {need.actions.includes('banks') && (
        <Button onClick={() => open('banks')} data-testid="need-banks-edit">
          {t('financing.banksEdit')}
        </Button>
      )}
      {need.actions.includes('close') && (
        <Button danger onClick={() => open('close')} data-testid="need-close">
          {t('financing.close')}
        </Button>
      )}
    </>
  );
}

function Particulars({ need: n }: { need: Need }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  return (
    <Card size="small">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="need-particulars">
        <Descriptions.Item label={t('financing.enterprise')}>{n.enterprise.name}</Descriptions.Item>
        <Descriptions.Item label={t('financing.amount')}>{wan(n.amountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('financing.term')}>{n.termMonths}</Descriptions.Item>
        <Descriptions.Item label={t('financing.purpose')}>{n.purpose}</Descriptions.Item>
        <Descriptions.Item label={t('financing.collateral')}>{n.collateral || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('financing.urgency')}>{t(`financing.urgencies.${n.urgency}`)}</Descriptions.Item>
        <Descriptions.Item label={t('financing.contact')}>{n.contact}</Descriptions.Item>
        <Descriptions.Item label={t('financing.township')}>{localName(n.townshipUnit)}</Descriptions.Item>
        <Descriptions.Item label={t('financing.ownerUnit')}>{localName(n.ownerUnit)}</Descriptions.Item>
        <Descriptions.Item label={t('financing.received')}>{n.receivedDate}</Descriptions.Item>
        {n.status === 'loaned' && (
          <>
            <Descriptions.Item label={t('financing.granted')}>{t('financing.wan', { n: wan(n.grantedFen) })}</Descriptions.Item>
            <Descriptions.Item label={t('financing.loanDate')}>{n.loanDate}</Descriptions.Item>
            <Descriptions.Item label={t('financing.workingDays')}>{n.workingDays}</Descriptions.Item>
          </>
        )}
        {n.failReason && <Descriptions.Item label={t('financing.failReason')}>{n.failReason}</Descriptions.Item>}
        {n.banks.length > 0 && (
          <Descriptions.Item label={t('financing.share')} span={2}>
            {n.shareWithAll ? t('financing.shareAll') : n.banks.map((b) => localName(b)).join('、')}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('financing.meetings')}>
          {n.meetings.length
            ? n.meetings.map((m) => (
                <Tag key={m.id}>
                  {m.title}（{m.meetingDate}）
                </Tag>
              ))
            : t('financing.noMeetings')}
        </Descriptions.Item>
        {n.taskId !== null && (
          <Descriptions.Item label={t('financing.task')}>
            <Link to={`/tasks/${n.taskId}`}>#{n.taskId}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      <div style={{ color: '#888', fontSize: 12, marginTop: 8 }}>
        {t('financing.consentBy', { who: n.consentBy ?? n.enterprise.name, at: formatDateTime(n.consentAt) })}
      </div>
    </Card>
  );
}

export function MatchesTable({ matches, showNeed = false }: { matches: Match[]; showNeed?: boolean }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  return (
    <Table<Match>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={matches}
      locale={{ emptyText: <Empty description={t('financing.noMatches')} /> }}
      data-testid="matches-table"
      columns={[
        ...(showNeed
          ? [
              {
                title: t('financing.enterprise'),
                key: 'need',
                render: (_: unknown, m: Match) => <Link to={`/financing/needs/${m.need.id}`}>{m.need.enterprise.name}</Link>,
              },
            ]
          : []),
        { title: t('financing.bank'), key: 'bank', render: (_, m) => localName(m.bank) },
        { title: t('financing.outcomeColumn'), key: 'outcome', render: (_, m) => <OutcomeTag outcome={m.outcome} /> },
        { title: t('financing.outcomeAmount'), key: 'amount', align: 'right', render: (_, m) => wan(m.amountFen) },
        { title: t('financing.rate'), key: 'rate', align: 'right', render: (_, m) => pct(m.rateBp) },
        { title: t('financing.loanDate'), key: 'loanDate', render: (_, m) => m.loanDate ?? '—' },
        { title: t('financing.declineReason'), key: 'reason', render: (_, m) => (m.declineReason ? t(`financing.declineReasons.${m.declineReason}`) : '—') },
        { title: t('financing.meeting'), key: 'meeting', render: (_, m) => m.meeting?.title ?? '—' },
        { title: t('financing.note'), dataIndex: 'note', key: 'note', render: (v: string) => v || '—' },
      ]}
    />
  );
}

function CloseModal({ need, onClose }: { need: Need; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const close = useCloseNeed(need.id);
  const [form] = Form.useForm<{ reason: string }>();
  const save = useSaveForm(
    form,
    async ({ reason }: { reason: string }) => {
      await close.mutateAsync(reason);
    },
    {
      onDone: () => {
        void message.success(t('financing.closed'));
        onClose();
      },
    },
  );
  const ok = async () => save.onFinish(await form.validateFields());
  return (
    <Modal open title={t('financing.closeTitle')} onCancel={onClose} onOk={ok} okButtonProps={{ danger: true, loading: close.isPending }} destroyOnHidden>
      <Alert type="warning" showIcon title={t('financing.closeHint')} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('financing.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="close-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MeetingModal({ need, onClose }: { need: Need; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const meetings = useFinancingMeetings();
  const on = new Set(need.meetings.map((m) => m.id));
  const options = (meetings.data?.items ?? []).filter((m) => !on.has(m.id)).map((m) => ({ value: m.id, label: `${m.title}（${m.meetingDate}）` }));
  const [meetingId, setMeetingId] = useState<number | undefined>(undefined);
  const add = useAddMeetingNeeds(meetingId ?? 0);
  const ok = async () => {
    if (!meetingId) return;
    try {
      await add.mutateAsync([need.id]);
      void message.success(t('financing.saved'));
      onClose();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Modal
      open
      title={t('financing.putOnMeetingTitle')}
      onCancel={onClose}
      onOk={ok}
      okButtonProps={{ disabled: !meetingId, loading: add.isPending }}
      destroyOnHidden
    >
      <Select
        style={{ width: '100%' }}
        placeholder={t('financing.chooseMeeting')}
        options={options}
        value={meetingId}
        onChange={setMeetingId}
        data-testid="meeting-choice"
      />
    </Modal>
  );
}

function EditModal({ need, onClose }: { need: Need; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateNeed(need.id);
  const [form] = Form.useForm<{ amount: number; termMonths: number; purpose: string; collateral: string; urgency: NeedBody['urgency']; contact: string }>();
  const saveForm = useSaveForm(
    form,
    async ({ amount, ...v }: { amount: number; termMonths: number; purpose: string; collateral: string; urgency: NeedBody['urgency']; contact: string }) => {
      await update.mutateAsync({ ...v, collateral: v.collateral ?? '', amountFen: fenOfWan(amount) });
    },
    {
      rename: (path) => (path === 'amountFen' ? 'amount' : path),
      onDone: () => {
        void message.success(t('financing.saved'));
        onClose();
      },
    },
  );
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const ok = async () => saveForm.onFinish(await form.validateFields());
  return (
    <Modal open title={t('financing.edit')} onCancel={onClose} onOk={ok} okButtonProps={{ loading: update.isPending }} destroyOnHidden style={{ top: 16 }}>
      <Alert type="info" showIcon title={t('financing.editHint')} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ ...need, amount: need.amountFen / 1_000_000 }}>
        <Form.Item name="amount" label={t('financing.amount')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0.01} max={1_000_000} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="termMonths" label={t('financing.term')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} max={360} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="purpose" label={t('financing.purpose')} rules={required}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="collateral" label={t('financing.collateral')}>
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item name="urgency" label={t('financing.urgency')}>
          <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: t(`financing.urgencies.${u}`) }))} />
        </Form.Item>
        <Form.Item name="contact" label={t('financing.contact')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The firm or its responsible unit changes the banks the need is shared with; the firm's consent is given again. */
function BanksModal({ need, onClose }: { need: Need; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const localName = useLocalName();
  const banks = useBanks();
  const save = useNeedBanks(need.id);
  const [form] = Form.useForm<{ share: 'all' | 'chosen'; bankUnitIds?: number[]; consent: boolean }>();
  const saveForm = useSaveForm(
    form,
    async (v: { share: 'all' | 'chosen'; bankUnitIds?: number[]; consent: boolean }) => {
      await save.mutateAsync({ shareWithAll: v.share === 'all', bankUnitIds: v.share === 'all' ? [] : (v.bankUnitIds ?? []), consent: true });
    },
    {
      rename: (path) => (path === 'shareWithAll' ? 'share' : path),
      onDone: () => {
        void message.success(t('financing.saved'));
        onClose();
      },
    },
  );
  const share = Form.useWatch('share', form);
  const ok = async () => saveForm.onFinish(await form.validateFields());
  return (
    <Modal open title={t('financing.banksEditTitle')} onCancel={onClose} onOk={ok} okButtonProps={{ loading: save.isPending }} destroyOnHidden>
      <Alert type="info" showIcon title={t('financing.banksEditHint')} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ share: need.shareWithAll ? 'all' : 'chosen', bankUnitIds: need.banks.map((b) => b.id), consent: false }}
        data-testid="need-banks-form"
      >
        <Form.Item name="share" label={t('financing.share')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'chosen', label: t('financing.shareChosen') },
              { value: 'all', label: t('financing.shareAll') },
            ]}
          />
        </Form.Item>
        {share !== 'all' && (
          <Form.Item name="bankUnitIds" label={t('financing.banks')} rules={[{ required: true, message: t('common.required') }]}>
            <Select mode="multiple" options={(banks.data?.items ?? []).map((b) => ({ value: b.id, label: localName(b) }))} data-testid="need-banks-choice" />
          </Form.Item>
        )}
        <Form.Item
          name="consent"
          valuePropName="checked"
          rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('common.required')))) }]}
        >
          <Checkbox data-testid="need-banks-consent">{t('financing.banksConsent')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
