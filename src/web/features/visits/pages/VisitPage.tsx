import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, List, Modal, Select, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../../shared/modules/visits.schemas';
import { Link, useNavigate, useParams } from 'react-router';
import { AttachmentsPanel } from '../../../components/AttachmentsPanel';
import { PageContainer } from '../../../components/PageContainer';
import { useLocalName } from '../../../lib/names';
import { useDeleteVisit, useOfficers, useUpdateVisit, useVisit } from '../api';
import { useSaveForm } from '../../../lib/save-form';

/** Edit what was recorded (the day, who went, whom they met, what was discussed); the problems stay as filed. */
function EditModal({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const localName = useLocalName();
  const officers = useOfficers();
  const update = useUpdateVisit();
  const [form] = Form.useForm<{ visitDate: Dayjs; officerUserIds: number[]; peopleMet: string; discussion: string }>();
  const save = useSaveForm(
    form,
    async (v: { visitDate: Dayjs; officerUserIds: number[]; peopleMet: string; discussion: string }) => {
      await update.mutateAsync({ id: visit.id, ...v, visitDate: v.visitDate.format('YYYY-MM-DD') });
    },
    {
      onDone: () => {
        void message.success(t('visits.saved'));
        onClose();
      },
    },
  );
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <Modal
      open
      title={t('visits.editTitle')}
      onCancel={onClose}
      confirmLoading={update.isPending}
      okButtonProps={{ 'data-testid': 'visit-edit-save' }}
      onOk={async () => save.onFinish(await form.validateFields())}
    >
      <Typography.Paragraph type="secondary">{t('visits.editHint', { date: visit.editableUntil })}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="visit_edit"
        initialValues={{
          visitDate: dayjs(visit.visitDate),
          officerUserIds: visit.officers.map((o) => o.id),
          peopleMet: visit.peopleMet,
          discussion: visit.discussion,
        }}
      >
        <Form.Item name="visitDate" label={t('visits.date')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="officerUserIds" label={t('visits.officers')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(officers.data?.items ?? visit.officers.map((o) => ({ ...o, unit: null }))).map((o) => ({
              value: o.id,
              label: o.unit ? `${o.displayName} · ${localName(o.unit)}` : o.displayName,
            }))}
          />
        </Form.Item>
        <Form.Item name="peopleMet" label={t('visits.peopleMet')} rules={required}>
          <Input maxLength={200} data-testid="visit-edit-people" />
        </Form.Item>
        <Form.Item name="discussion" label={t('visits.discussion')} rules={required}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Delete after confirming, with the reason the audit keeps. */
function DeleteModal({ visit, onClose, onDeleted }: { visit: Visit; onClose: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useDeleteVisit();
  const [form] = Form.useForm<{ reason: string }>();
  const saveForm = useSaveForm(
    form,
    async (v: { reason: string }) => {
      await remove.mutateAsync({ id: visit.id, reason: v.reason });
    },
    {
      onDone: () => {
        void message.success(t('visits.deleted'));
        onDeleted();
      },
    },
  );
  return (
    <Modal
      open
      title={t('visits.deleteTitle')}
      onCancel={onClose}
      confirmLoading={remove.isPending}
      okText={t('visits.delete')}
      okButtonProps={{ danger: true, 'data-testid': 'visit-delete-confirm' }}
      onOk={async () => saveForm.onFinish(await form.validateFields())}
    >
      <Typography.Paragraph>{t('visits.deleteConfirm')}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="visit_delete">
        <Form.Item name="reason" label={t('visits.deleteReason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="visit-delete-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const TASK_COLORS: Record<string, string> = { done: 'green', cancelled: 'default', returned: 'red', submitted: 'blue' };

/** One visit: the firm, the day, who went and whom they met, what was discussed, each problem's task and request, photos. */
export function VisitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localName = useLocalName();
  const id = Number(useParams().id);
  const visit = useVisit(id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const v = visit.data;
  if (visit.error) return <Alert type="error" showIcon title={visit.error.message} />;
  if (!v) return <Skeleton active />;
  return (
    <PageContainer
      title={t('visits.detail')}
      extra={
        <>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/visits')}>
            {t('visits.back')}
          </Button>
          {v.canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="visit-edit">
              {t('visits.edit')}
            </Button>
          )}
          {v.canDelete && (
            <Button danger icon={<DeleteOutlined />} onClick={() => setDeleting(true)} data-testid="visit-delete">
              {t('visits.delete')}
            </Button>
          )}
        </>
      }
    >
      {v.canEdit && !v.canDelete && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('visits.cannotDelete')} data-testid="visit-cannot-delete" />
      )}
      {editing && <EditModal visit={v} onClose={() => setEditing(false)} />}
      {deleting && <DeleteModal visit={v} onClose={() => setDeleting(false)} onDeleted={() => navigate('/visits')} />}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" data-testid="visit-detail">
          <Descriptions.Item label={t('visits.enterprise')}>{v.enterprise.name}</Descriptions.Item>
          <Descriptions.Item label={t('visits.date')}>{v.visitDate}</Descriptions.Item>
          <Descriptions.Item label={t('visits.township')}>{localName(v.township)}</Descriptions.Item>
          <Descriptions.Item label={t('visits.team')}>{localName(v.team)}</Descriptions.Item>
          <Descriptions.Item label={t('visits.officers')}>{v.officers.map((o) => o.displayName).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('visits.peopleMet')}>{v.peopleMet}</Descriptions.Item>
          <Descriptions.Item label={t('visits.discussion')} span={2}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{v.discussion}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('visits.recordedBy')}>{v.createdBy ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('visits.problems')} style={{ marginBottom: 16 }}>
        <List
          data-testid="visit-problems"
          dataSource={v.problemList}
          locale={{ emptyText: <Empty description={t('visits.noProblems')} /> }}
          renderItem={(p) => (
            <List.Item>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text strong>
                  {p.seq}. {p.text}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('visits.ownerUnit')}：{localName(p.ownerUnit)}
                  {p.dueDate && ` · ${t('visits.due', { date: p.dueDate })}`}
                </Typography.Text>
                <Space wrap>
                  {p.taskId !== null && (
                    <Link to={`/tasks/${p.taskId}`} data-testid="problem-task">
                      {t('visits.task')}{' '}
                      <Tag color={TASK_COLORS[p.taskStatus ?? ''] ?? 'orange'}>{t(`taskStatus.${p.taskStatus ?? 'open'}` as 'taskStatus.open')}</Tag>
                    </Link>
                  )}
                  {p.requestId !== null && (
                    <Link to={`/services/requests/${p.requestId}`} data-testid="problem-request">
                      {t('visits.request')} <Tag>{t(`visits.requestStatuses.${p.requestStatus ?? 'open'}` as 'visits.requestStatuses.open')}</Tag>
                    </Link>
                  )}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('visits.photos')}>
        <AttachmentsPanel ownerType="visit" ownerId={String(v.id)} canWrite={v.canWrite} />
      </Card>
    </PageContainer>
  );
}
