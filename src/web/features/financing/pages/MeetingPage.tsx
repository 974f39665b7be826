import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Modal, Popconfirm, Select, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { FinancingMeeting, NeedListItem } from '../../../../shared/modules/financing.schemas';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useShowError } from '../../../lib/errors';
import { useLocalName } from '../../../lib/names';
import { useAddMeetingNeeds, useBanks, useCarryOver, useFinancingMeeting, useMeetingBanks, useNeeds, useRemoveMeetingNeed } from '../api';
import { NeedStatusTag, wan } from '../components/bits';
import { MatchesTable } from './NeedPage';

/** One 政银企对接会: its list of needs, participating banks and firms, and the outcomes recorded at it. */
export function MeetingPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const localName = useLocalName();
  const meeting = useFinancingMeeting(id);
  const carry = useCarryOver(id);
  const remove = useRemoveMeetingNeed(id);
  const [dialog, setDialog] = useState<'needs' | 'banks' | null>(null);
  if (meeting.isLoading) return <Skeleton active />;
  if (meeting.error || !meeting.data) return <Alert type="error" showIcon title={meeting.error?.message ?? t('common.empty')} />;
  const m = meeting.data;
  const manage = can('financing:manage');
  const carryOver = async () => {
    try {
      const { added } = await carry.mutateAsync(undefined);
      void message.success(t('financing.meetingList.carried', { count: added }));
    } catch (error) {
      showError(error);
    }
  };
  return (
    <PageContainer
      title={
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/financing/meetings')} aria-label={t('financing.back')} />
          {m.title}
          <Tag>{t(`financing.meetingList.statuses.${m.status as 'planned' | 'held'}`)}</Tag>
        </Space>
      }
      extra={
        manage && (
          <>
            <Button onClick={carryOver} loading={carry.isPending} data-testid="carry-over">
              {t('financing.meetingList.carryOver')}
            </Button>
            <Button onClick={() => setDialog('banks')}>{t('financing.meetingList.editBanks')}</Button>
            <Button type="primary" onClick={() => setDialog('needs')} data-testid="add-needs">
              {t('financing.meetingList.addNeeds')}
            </Button>
          </>
        )
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('financing.meetingList.date')}>{m.meetingDate}</Descriptions.Item>
          <Descriptions.Item label={t('financing.meetingList.location')}>{m.location || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('financing.meetingList.loans')}>{m.loans}</Descriptions.Item>
          <Descriptions.Item label={t('financing.meetingList.banks')} span={3}>
            {m.bankList.map((b) => localName(b)).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('financing.meetingList.firms')} span={3}>
            {m.firms.map((f) => f.name).join('、') || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={`${t('financing.meetingList.needList')}（${m.needList.length}）`} style={{ marginBottom: 16 }}>
        <Table<NeedListItem>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={m.needList}
          locale={{ emptyText: t('financing.meetingList.noNeeds') }}
          data-testid="meeting-needs"
          columns={[
            { title: t('financing.enterprise'), key: 'e', render: (_, n) => <Link to={`/financing/needs/${n.id}`}>{n.enterprise.name}</Link> },
            { title: t('financing.amount'), key: 'a', align: 'right', render: (_, n) => wan(n.amountFen) },
            {
              title: t('financing.purpose'),
              dataIndex: 'purpose',
              key: 'p',
              render: (v: string) => <div style={{ maxWidth: 260, whiteSpace: 'normal' }}>{v}</div>,
            },
            { title: t('financing.township'), key: 'tw', render: (_, n) => localName(n.townshipUnit) },
            { title: t('financing.status'), key: 's', render: (_, n) => <NeedStatusTag status={n.status} /> },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'x',
                    render: (_: unknown, n: NeedListItem) => (
                      <Popconfirm title={t('financing.meetingList.removeConfirm')} onConfirm={() => remove.mutateAsync(n.id).catch(showError)}>
                        <Button size="small" danger>
                          {t('financing.meetingList.remove')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('financing.matches')}>
        <MatchesTable matches={m.matches} showNeed />
      </Card>
      {dialog === 'needs' && <AddNeedsModal meeting={m} onClose={() => setDialog(null)} />}
      {dialog === 'banks' && <BanksModal meeting={m} onClose={() => setDialog(null)} />}
    </PageContainer>
  );
}

function AddNeedsModal({ meeting, onClose }: { meeting: FinancingMeeting; onClose: () => void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const open = useNeeds({ open: 'true', pageSize: 200, sort: 'id', order: 'desc' });
  const on = new Set(meeting.needList.map((n) => n.id));
  const [chosen, setChosen] = useState<number[]>([]);
  const add = useAddMeetingNeeds(meeting.id);
  const ok = async () => {
    try {
      await add.mutateAsync(chosen);
      onClose();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Modal
      open
      title={t('financing.meetingList.addNeedsTitle')}
      onCancel={onClose}
      onOk={ok}
      okButtonProps={{ disabled: !chosen.length, loading: add.isPending }}
    >
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        value={chosen}
        onChange={setChosen}
        optionFilterProp="label"
        data-testid="add-needs-choice"
        options={(open.data?.items ?? [])
          .filter((n) => !on.has(n.id))
          .map((n) => ({ value: n.id, label: `#${n.id} ${n.enterprise.name} ${t('financing.wan', { n: wan(n.amountFen) })}` }))}
      />
    </Modal>
  );
}

function BanksModal({ meeting, onClose }: { meeting: FinancingMeeting; onClose: () => void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const localName = useLocalName();
  const banks = useBanks();
  const save = useMeetingBanks(meeting.id);
  const [chosen, setChosen] = useState<number[]>(meeting.bankList.map((b) => b.id));
  const ok = async () => {
    try {
      await save.mutateAsync(chosen);
      onClose();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Modal open title={t('financing.meetingList.editBanks')} onCancel={onClose} onOk={ok} okButtonProps={{ loading: save.isPending }}>
      <Checkbox.Group
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        value={chosen}
        onChange={(v) => setChosen(v as number[])}
        options={(banks.data?.items ?? []).map((b) => ({ value: b.id, label: localName(b) }))}
      />
    </Modal>
  );
}
