import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api';
import { installSessionHandler } from '../lib/auth';
import { useLocale } from '../lib/i18n';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused or missing answer will not change by asking again.
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});
installSessionHandler(queryClient);

/** Someone whose system asks for less motion gets none: dialogs, menus and messages appear without animating. */
const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

const THEME: ThemeConfig = {
  token: { colorPrimary: '#1f4e99', borderRadius: 4, motion: !reducedMotion },
  // Ant Design's styles come from its static antd.css (imported in main.tsx) rather than being generated while rendering.
  zeroRuntime: true,
};

/** Data cache, Ant Design theme and locale (following the UI language), and antd's message/modal context. */
export function Providers({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={locale === 'en-US' ? enUS : zhCN}
        theme={THEME}
        // Playwright and screen readers look for 登录, not 登 录.
        button={{ autoInsertSpace: false }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
