import { Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/LanguageSwitch';

/** The centred card of the sign-in and change-password pages, under the platform's name. */
export function AuthCard({ title, children, testId }: { title: ReactNode; children: ReactNode; testId: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      gap={24}
      style={{
        minHeight: '100vh',
        padding: 16,
        background: `linear-gradient(160deg, ${token.colorPrimary} 0%, #16386f 45%, ${token.colorBgLayout} 45%)`,
      }}
    >
      <Flex vertical align="center" gap={4} style={{ color: '#fff', textAlign: 'center' }}>
        <Typography.Title level={2} style={{ color: '#fff', margin: 0, letterSpacing: 2 }}>
          {t('app.shortName')}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>{t('app.subtitle')}</Typography.Text>
      </Flex>
      {/* Drawn like antd's Card, which would bring its tabs and their menus to the sign-in page's download. */}
      <section
        style={{
          width: '100%',
          maxWidth: 420,
          background: token.colorBgContainer,
          border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
          boxShadow: token.boxShadowSecondary,
        }}
        data-testid={testId}
      >
        <Flex
          align="center"
          justify="space-between"
          gap={8}
          style={{
            minHeight: 56,
            paddingInline: token.paddingLG,
            borderBottom: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
            color: token.colorTextHeading,
            fontWeight: token.fontWeightStrong,
            fontSize: token.fontSizeLG,
          }}
        >
          <span>{title}</span>
          <LanguageSwitch type="link" />
        </Flex>
        <div style={{ padding: token.paddingLG }}>{children}</div>
      </section>
    </Flex>
  );
}
