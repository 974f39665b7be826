import { Alert, Card, Descriptions, Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { PageContainer } from '../../../components/PageContainer';
import { useMe } from '../../../lib/auth';
import { useLocalName } from '../../../lib/names';
import { useOwnEnterprise } from '../api';

/** 我的企业: the firm's own profile as the county holds it (contacts masked). */
export function ProfilePage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const { data: me } = useMe();
  const firm = useOwnEnterprise(me?.enterprise?.id);
  if (!me?.enterprise) return <Empty />;
  if (firm.error) return <Alert type="error" showIcon title={firm.error.message} />;
  if (!firm.data) return <FullPageSpin />;
  const e = firm.data;
  return (
    <PageContainer title={t('nav.myEnterprise')}>
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
    </PageContainer>
  );
}
