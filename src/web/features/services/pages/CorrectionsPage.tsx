import { App, Button, Popconfirm, Space, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Correction } from '../../../../shared/modules/services.schemas';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useShowError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { useAcceptCorrection, useCorrections } from '../api';
import { CorrectionChanges, CorrectionStatus } from '../components/Corrections';
import { RefuseModal } from './RegistrationsPage';

/** 企业档案修改: the township accepts (the profile is updated) or refuses the corrections its firms propose. */
export function CorrectionsPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const { message } = App.useApp();
  const showError = useShowError();
  const list = useListParams<{ status?: string }>({}, { sort: 'id', order: 'desc' });
  const result = useCorrections(list.query);
  const accept = useAcceptCorrection();
  const [refusing, setRefusing] = useState<number | null>(null);
  const columns: TableColumnsType<Correction> = [
    // The firm with what it asks to change in one column, then the status and the actions: on a phone the township
    // reads and decides without scrolling sideways.
    {
      title: t('services.portal.corrections'),
      key: 'firm',
      width: 240,
      render: (_, c) => (
        <Space direction="vertical" size={4}>
          <span>
            <Typography.Text strong>{c.enterprise.name}</Typography.Text> <Typography.Text type="secondary">{localName(c.township)}</Typography.Text>
          </span>
          <CorrectionChanges c={c} />
        </Space>
      ),
    },
    { title: t('common.status'), key: 'status', render: (_, c) => <CorrectionStatus c={c} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) =>
        c.canDecide && (
          <Space wrap>
            <Popconfirm
              title={t('services.portal.accept')}
              onConfirm={() => accept.mutate(c.id, { onSuccess: () => void message.success(t('services.portal.accepted')), onError: (e) => showError(e) })}
            >
              <Button size="small" type="primary" data-testid={`accept-correction-${c.id}`}>
                {t('services.portal.accept')}
              </Button>
            </Popconfirm>
            <Button size="small" danger onClick={() => setRefusing(c.id)}>
              {t('services.portal.refuse')}
            </Button>
          </Space>
        ),
    },
    { title: t('services.portal.note'), dataIndex: 'note', key: 'note' },
    { title: t('services.portal.createdAt'), key: 'createdAt', render: (_, c) => formatDateTime(c.createdAt) },
  ];
  return (
    <PageContainer title={t('nav.serviceCorrections')}>
      <ListTable list={list} result={result} columns={columns} testId="corrections-table" />
      {refusing !== null && <RefuseModal id={refusing} correction onClose={() => setRefusing(null)} />}
    </PageContainer>
  );
}
