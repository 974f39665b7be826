import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { NotificationBell } from '../../features/notifications';
import { useMe } from '../../lib/auth';
import { useLocalName } from '../../lib/names';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

const HEADER_HEIGHT = 56;

/** The frame of every signed-in page: header, side menu (a drawer on phones), content. */
export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  // Until the first measurement, assume a desktop so wide screens do not flash the phone layout.
  const phone = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { data: me } = useMe();
  const localName = useLocalName();
  if (!me) return null;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          height: HEADER_HEIGHT,
          lineHeight: `${HEADER_HEIGHT}px`,
          paddingInline: phone ? 8 : 24,
          background: token.colorPrimary,
          color: '#fff',
        }}
      >
        <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            {phone && (
              <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} style={{ color: '#fff' }} onClick={() => setDrawerOpen(true)} />
            )}
            {/* A long name (English) is cut with an ellipsis rather than running under the bell on a phone. */}
            <Typography.Text strong ellipsis={{ tooltip: t('app.shortName') }} style={{ color: '#fff', fontSize: phone ? 16 : 18, minWidth: 0 }}>
              {t('app.shortName')}
            </Typography.Text>
            {screens.lg && <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', whiteSpace: 'nowrap' }}>{t('app.subtitle')}</Typography.Text>}
          </Flex>
          <Flex align="center" gap={phone ? 4 : 12} style={{ color: '#fff', flexShrink: 0 }}>
            {!phone && <span data-testid="header-unit">{localName(me.unit)}</span>}
            <NotificationBell />
            <LanguageSwitch type="text" style={{ color: '#fff' }} />
            <UserMenu me={me} compact={phone} />
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout>
        {phone ? (
          <Drawer
            placement="left"
            size={260}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={t('app.shortName')}
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            width={220}
            theme="light"
            style={{
              position: 'sticky',
              top: HEADER_HEIGHT,
              height: `calc(100vh - ${HEADER_HEIGHT}px)`,
              borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
            }}
          >
            {/* The menu scrolls above the collapse button, which would otherwise cover its last entry. */}
            <div style={{ height: '100%', overflowY: 'auto' }} data-testid="side-menu-scroll">
              <SideMenu />
            </div>
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Content style={{ padding: phone ? 12 : 24 }}>
            <Outlet />
          </Layout.Content>
          <Layout.Footer style={{ textAlign: 'center', color: token.colorTextTertiary, padding: '12px 24px' }}>{t('app.fullName')}</Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
