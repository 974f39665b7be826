import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { PageContainer } from '../../../components/PageContainer';
import { useMe } from '../../../lib/auth';
import { useLocalName } from '../../../lib/names';
import { useSaveForm } from '../../../lib/save-form';
import { formatDateTime } from '../../../lib/format';
import { useCorrections, useOwnEnterprise, useProposeCorrection } from '../api';
import { CorrectionChanges, CorrectionStatus } from '../components/Corrections';

/** 我的企业: the firm's own profile as the county holds it (contacts masked). */
export function ProfilePage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const { data: me } = useMe();
  const firm = useOwnEnterprise(me?.enterprise?.id);
  const corrections = useCorrections({ page: 1, pageSize: 10, order: 'desc' });
  const [proposing, setProposing] = useState(false);
  if (!me?.enterprise) return <Empty />;
  if (firm.error) return <Alert type="error" showIcon title={firm.error.message} />;
  if (!firm.data) return <FullPageSpin />;
  const e = firm.data;
  return (
    <PageContainer
      title={t('nav.myEnterprise')}
      extra={
        <Button type="primary" onClick={() => setProposing(true)} data-testid="propose-correction">
          {t('services.portal.propose')}
        </Button>
      }
    >
      <Card title={e.name} size="small" data-testid="my-enterprise">
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('services.uscc')}>{e.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('services.township')}>{localName(e.township)}</Descriptions.Item>
          <Descriptions.Item label={t('services.address')}>{e.address || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('services.industry')}>{e.industryCode || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('services.employees')}>{e.employees ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('services.serviceTeam')}>{e.serviceTeam ? localName(e.serviceTeam) : '—'}</Descriptions.Item>
        </Descriptions>
        <div style={{ marginTop: 8 }}>
          {e.chains.map((c) => (
            <Tag key={c.id} color="blue">
              {localName(c)}
            </Tag>
          ))}
        </div>
      </Card>
      <Card title={t('services.contacts')} size="small" style={{ marginTop: 12 }}>
        <List
          dataSource={e.contacts}
          locale={{ emptyText: t('common.empty') }}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta title={`${c.name}${c.position ? ` · ${c.position}` : ''}`} description={c.phone} />
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('services.portal.corrections')} size="small" style={{ marginTop: 12 }} data-testid="my-corrections">
        <List
          dataSource={corrections.data?.items ?? []}
          loading={corrections.isLoading}
          locale={{ emptyText: t('services.portal.noCorrections') }}
          renderItem={(c) => (
            <List.Item>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  <CorrectionStatus c={c} />
                  <Typography.Text type="secondary">{formatDateTime(c.createdAt)}</Typography.Text>
                </Space>
                <CorrectionChanges c={c} />
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {proposing && <ProposeModal onClose={() => setProposing(false)} />}
    </PageContainer>
  );
}

interface Proposal {
  address?: string;
  employees?: number | null;
  rdInstitutions?: string;
  contacts?: { name: string; position?: string; phone?: string }[];
  note?: string;
}

/** The firm proposes corrections: only the fields it fills in are sent; its township decides. */
function ProposeModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Proposal>();
  const propose = useProposeCorrection();
  const save = useSaveForm(
    form,
    ({ note, contacts, ...rest }: Proposal) => {
      const changes: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(rest)) if (v !== undefined && v !== null && v !== '') changes[k] = v;
      if (contacts?.length) changes.contacts = contacts;
      return propose.mutateAsync({ changes, note: note ?? '' });
    },
    {
      onDone: () => {
        void message.success(t('services.portal.proposed'));
        onClose();
      },
      rename: (path) => path.replace(/^changes\./, ''),
    },
  );
  return (
    <Modal open title={t('services.portal.propose')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: save.saving }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('services.portal.proposeHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="propose-form" onFinish={save.onFinish}>
        <Form.Item name="address" label={t('services.portal.fields.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="employees" label={t('services.portal.fields.employees')}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="rdInstitutions" label={t('services.portal.fields.rdInstitutions')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('common.required') }]}>
                    <Input placeholder={t('services.portal.contactName')} maxLength={40} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'position']}>
                    <Input placeholder={t('services.portal.contactPosition')} maxLength={40} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phone']}>
                    <Input placeholder={t('services.portal.contactPhone')} maxLength={20} style={{ width: 140 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block style={{ marginBottom: 16 }}>
                {t('services.portal.addContact')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t('services.portal.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
