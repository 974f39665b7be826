import { Alert, Card, Col, Descriptions, Empty, Flex, Row, Space, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type NavItem, visibleNavigation } from '../../../app/navigation';
import { useCan, useMe } from '../../../lib/auth';
import { useLocalName } from '../../../lib/names';
import { FinancingPanel } from '../../financing';
import { UpcomingMeetings } from '../../meetings';

type Shortcut = NavItem & { label: Exclude<NavItem['label'], 'home'> };

/** 工作台: who the user is, the meetings ahead, and shortcuts to what they may do. */
export function HomePage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { data: me } = useMe();
  const can = useCan();
  const localName = useLocalName();
  if (!me) return null;
  const shortcuts = visibleNavigation(can, !!me.enterprise)
    .flatMap((entry) => ('items' in entry ? entry.items : [entry]))
    .filter((item): item is Shortcut => item.label !== 'home');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="home-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('nav.home')}
      </Typography.Title>
      {me.demo && <Alert type="info" showIcon title={t('home.demo')} />}
      <Card title={t('home.welcome', { name: me.user.displayName })}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('home.unit')}>{localName(me.unit)}</Descriptions.Item>
          <Descriptions.Item label={t('home.username')}>{me.user.username}</Descriptions.Item>
          <Descriptions.Item label={t('home.roles')}>
            <Flex wrap gap={4}>
              {me.roles.length === 0
                ? t('home.noRoles')
                : me.roles.map((role) => (
                    <Tag key={role.code} color="blue">
                      {localName(role)} · {t(`dataScope.${role.dataScope}`)}
                    </Tag>
                  ))}
            </Flex>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {can('meeting:read') && <UpcomingMeetings />}
      {can('financing:read') && me.roles.some((r) => r.code === 'leader' || r.code === 'office') && <FinancingPanel />}
      <Card title={t('home.shortcuts')}>
        {shortcuts.length === 0 ? (
          <Empty description={t('home.noShortcuts')} />
        ) : (
          <Row gutter={[16, 16]}>
            {shortcuts.map((item) => (
              <Col key={item.path} xs={24} sm={12} lg={8}>
                <Link to={item.path}>
                  <Card hoverable size="small" style={{ height: '100%' }}>
                    <Flex gap={12} align="flex-start">
                      <span style={{ fontSize: 24, color: token.colorPrimary }}>{item.icon}</span>
                      <div>
                        <Typography.Text strong>{t(`nav.${item.label}`)}</Typography.Text>
                        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                          {t(`home.describe.${item.label}`)}
                        </Typography.Paragraph>
                      </div>
                    </Flex>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </Space>
  );
}
