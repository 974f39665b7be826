import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, List, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ServiceRequest } from '../../../../shared/modules/services.schemas';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { useMe } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useLocalName } from '../../../lib/names';
import { useComment, useNote, usePartReply, useRate, useReply, useRequest, useTransfer, useLift } from '../api';
import { LiftCard, LiftModals } from '../components/Lift';
import { AttachmentsPanel } from '../../../components/AttachmentsPanel';
import { RateModal, TextModal, TransferModal } from '../components/ActionModals';
import { RatingTag, StatusTags } from '../components/bits';

type Dialog = null | 'note' | 'transfer' | 'reply' | 'rate' | 'comment' | 'lift' | 'schedule' | 'decide' | { part: number };

/** One request: what the firm asked, who owns it, the parts, the history, and what the caller may do now. */
export function RequestPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const request = useRequest(Number(id));
  const { data: me } = useMe();
  const navigate = useNavigate();
  if (request.error) return <Alert type="error" showIcon title={request.error.message} />;
  if (!request.data) return <FullPageSpin />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="request-page">
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(me?.enterprise ? '/portal/requests' : '/services/requests')}>
        {t('services.back')}
      </Button>
      <RequestView r={request.data} portal={!!me?.enterprise} />
    </Space>
  );
}

function RequestView({ r, portal }: { r: ServiceRequest; portal: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const localName = useLocalName();
  const [dialog, setDialog] = useState<Dialog>(null);
  const note = useNote(r.id);
  const transfer = useTransfer(r.id);
  const partReply = usePartReply(r.id);
  const reply = useReply(r.id);
  const rate = useRate(r.id);
  const comment = useComment(r.id);
  const lift = useLift(r.id);
  const close = () => setDialog(null);
  const done = (key: 'services.commented' | 'services.replied' | 'services.transferred' | 'services.rated') => () => void message.success(t(key));

  const eventText = (e: ServiceRequest['events'][number]) => {
    if (e.kind === 'rating') {
      const [code, ...rest] = e.text.split('：');
      const label = code && code in { satisfied: 1, basic: 1, unsatisfied: 1 } ? t(`services.ratings.${code as 'satisfied'}`) : code;
      return rest.length ? `${label}：${rest.join('：')}` : label;
    }
    return e.text;
  };

  return (
    <>
      <Card
        title={
          <Typography.Title level={5} style={{ margin: 0, whiteSpace: 'normal' }} data-testid="request-title">
            {r.title}
          </Typography.Title>
        }
        size="small"
      >
        <Flex wrap gap={4} style={{ marginBottom: 12 }} data-testid="request-status">
          <StatusTags r={r} />
          <RatingTag rating={r.rating} />
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          {!portal && <Descriptions.Item label={t('services.enterprise')}>{r.enterprise.name}</Descriptions.Item>}
          <Descriptions.Item label={t('services.category')}>
            {t('services.categoryLimit', { name: localName(r.category), days: r.category.limitDays })}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.channel')}>{t(`services.channels.${r.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('services.ownerUnit')}>
            <span data-testid="owner-unit">{localName(r.ownerUnit)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('services.receivedDate')}>{r.receivedDate}</Descriptions.Item>
          <Descriptions.Item label={t('services.dueDate')}>
            <span data-testid="due-date">{r.dueDate}</span>
          </Descriptions.Item>
          {r.closedDate && <Descriptions.Item label={t('services.closedDate')}>{r.closedDate}</Descriptions.Item>}
          {r.workingDays !== null && <Descriptions.Item label={t('services.workingDays')}>{r.workingDays}</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{r.content}</Typography.Paragraph>
        {r.reply && (
          <Alert
            type="success"
            title={t('services.reply')}
            description={<span style={{ whiteSpace: 'pre-wrap' }}>{r.reply}</span>}
            data-testid="request-reply"
          />
        )}
        {r.actions.length > 0 && (
          <Flex wrap gap={8} style={{ marginTop: 12 }} data-testid="request-actions">
            {r.actions.includes('rate') && (
              <Button type="primary" onClick={() => setDialog('rate')} data-testid="action-rate">
                {t('services.rate')}
              </Button>
            )}
            {r.actions.includes('reply') && (
              <Button type="primary" onClick={() => setDialog('reply')} data-testid="action-reply">
                {t('services.replyAndClose')}
              </Button>
            )}
            {r.actions.includes('transfer') && (
              <Button onClick={() => setDialog('transfer')} data-testid="action-transfer">
                {t('services.transfer')}
              </Button>
            )}
            {r.actions.includes('note') && (
              <Button onClick={() => setDialog('note')} data-testid="action-note">
                {t('services.addNote')}
              </Button>
            )}
            {r.actions.includes('lift') && (
              <Button onClick={() => setDialog('lift')} data-testid="action-lift">
                {t('services.lift.action')}
              </Button>
            )}
            {r.actions.includes('schedule') && (
              <Button onClick={() => setDialog('schedule')} data-testid="action-schedule">
                {t('services.lift.schedule')}
              </Button>
            )}
            {r.actions.includes('decide') && (
              <Button onClick={() => setDialog('decide')} data-testid="action-decide">
                {t('services.lift.decide')}
              </Button>
            )}
            {r.actions.includes('comment') && (
              <Button onClick={() => setDialog('comment')} data-testid="action-comment">
                {t('services.comment')}
              </Button>
            )}
          </Flex>
        )}
      </Card>

      {r.lift && <LiftCard r={r} />}
      <Card title={t('services.files')} size="small" data-testid="request-files">
        <AttachmentsPanel ownerType="service_request" ownerId={r.id} canWrite={r.canAddFiles} />
      </Card>

      {!portal && (
        <Card title={t('services.parts')} size="small" data-testid="request-parts">
          {r.parts.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <List
              dataSource={r.parts}
              renderItem={(p) => (
                <List.Item
                  actions={
                    p.canReply
                      ? [
                          <Button key="reply" size="small" type="primary" onClick={() => setDialog({ part: p.id })} data-testid="action-part-reply">
                            {t('services.partReply')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        {localName(p.unit)}
                        <Tag color={p.status === 'open' ? 'processing' : 'success'}>
                          {t(p.status === 'open' ? 'services.partOpen' : 'services.partReplied')}
                        </Tag>
                        <Typography.Text type="secondary">
                          {t('services.dueDate')} {p.dueDate}
                        </Typography.Text>
                        {p.taskId && <Link to={`/tasks/${p.taskId}`}>#{p.taskId}</Link>}
                      </Space>
                    }
                    description={
                      <>
                        <div>
                          {t('services.transferReason')}：{p.reason}
                        </div>
                        {p.reply && <div style={{ whiteSpace: 'pre-wrap' }}>{p.reply}</div>}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      )}

      <Card title={t('services.history')} size="small">
        <Timeline
          data-testid="request-history"
          items={r.events.map((e) => ({
            key: e.id,
            content: (
              <div>
                <Typography.Text strong>{t(`services.events.${e.kind}`)}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                  {[e.unit ? localName(e.unit) : null, e.user, formatDateTime(e.at)].filter(Boolean).join(' · ')}
                </Typography.Text>
                {e.text && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{eventText(e)}</Typography.Paragraph>}
              </div>
            ),
          }))}
        />
      </Card>

      {dialog === 'lift' && (
        <TextModal
          title={t('services.lift.action')}
          label={t('services.lift.reason')}
          okText={t('services.lift.action')}
          onSubmit={(text) => lift.mutateAsync(text)}
          onClose={close}
          testId="lift"
        />
      )}
      {(dialog === 'schedule' || dialog === 'decide') && <LiftModals r={r} dialog={dialog} onClose={close} />}
      {dialog === 'note' && (
        <TextModal
          title={t('services.addNote')}
          label={t('services.note')}
          okText={t('services.addNote')}
          onSubmit={(text) => note.mutateAsync(text)}
          onClose={close}
          testId="note"
        />
      )}
      {dialog === 'comment' && (
        <TextModal
          title={t('services.commentTitle')}
          label={t('services.comment')}
          okText={t('services.comment')}
          onSubmit={(text) => comment.mutateAsync(text).then(done('services.commented'))}
          onClose={close}
          testId="comment"
        />
      )}
      {dialog === 'reply' && (
        <TextModal
          title={t('services.replyAndClose')}
          label={t('services.reply')}
          placeholder={t('services.replyPlaceholder')}
          okText={t('services.replyAndClose')}
          confirm={t('services.replyConfirm')}
          onSubmit={(text) => reply.mutateAsync(text).then(done('services.replied'))}
          onClose={close}
          testId="reply"
        />
      )}
      {dialog !== null && typeof dialog === 'object' && (
        <TextModal
          title={t('services.partReplyTitle')}
          label={t('services.partReply')}
          okText={t('services.partReply')}
          onSubmit={(text) => partReply.mutateAsync({ partId: dialog.part, text })}
          onClose={close}
          testId="part-reply"
        />
      )}
      {dialog === 'transfer' && (
        <TransferModal ownerUnitId={r.ownerUnit.id} onSubmit={(body) => transfer.mutateAsync(body).then(done('services.transferred'))} onClose={close} />
      )}
      {dialog === 'rate' && <RateModal onSubmit={(body) => rate.mutateAsync(body).then(done('services.rated'))} onClose={close} />}
    </>
  );
}
