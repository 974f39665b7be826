import { Alert, Button, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InnovationEntry } from '../../../../shared/modules/innovation.schemas';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { useEntries } from '../api';
import { CertCell, EntryDrawer, useStageName } from '../components';

/** 我的创新培育: the firm's own entries in every pipeline, read-only, with their history. */
export function PortalInnovationPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const stageName = useStageName();
  const list = useListParams<object>({}, { sort: 'stageDate', order: 'desc' });
  const items = useEntries(list.query);
  const [opened, setOpened] = useState<number | null>(null);
  const columns: TableColumnsType<InnovationEntry> = [
    {
      title: t('innovation.name'),
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (_, e) => (
        <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>
          <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpened(e.id)}>
            {e.name}
          </Button>
          <div style={{ color: 'rgba(0,0,0,0.45)' }}>{t(`innovation.pipelines.${e.pipeline}`)}</div>
        </div>
      ),
    },
    { title: t('innovation.stage'), key: 'stage', render: (_, e) => <Tag color="blue">{stageName(e.pipeline, e.stage)}</Tag> },
    { title: t('innovation.stageDate'), dataIndex: 'stageDate', key: 'stageDate', sorter: true, sortOrder: list.sortOrderOf('stageDate') },
    { title: t('innovation.cert'), key: 'cert', render: (_, e) => (e.pipeline === 'high_tech' ? <CertCell e={e} /> : '—') },
    { title: t('innovation.responsibleUnit'), key: 'unit', render: (_, e) => localName(e.responsibleUnit) },
  ];
  return (
    <PageContainer title={t('innovation.portalTitle')}>
      <Alert type="info" showIcon title={t('innovation.portalHint')} style={{ marginBottom: 16 }} />
      <ListTable list={list} result={items} columns={columns} testId="portal-innovation" />
      <EntryDrawer id={opened} onClose={() => setOpened(null)} />
    </PageContainer>
  );
}
