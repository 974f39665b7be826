import { GlobalOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../lib/errors';
import { useSwitchLocale } from '../lib/auth';

/** One button that switches to the other language; it is labelled in that language. */
export function LanguageSwitch(props: Pick<ButtonProps, 'type' | 'className' | 'style'>) {
  const { i18n } = useTranslation();
  const switchLocale = useSwitchLocale();
  const showError = useShowError();
  const target = i18n.language === 'en-US' ? 'zh-CN' : 'en-US';
  return (
    <Button
      {...props}
      icon={<GlobalOutlined />}
      loading={switchLocale.isPending}
      lang={target}
      onClick={() => switchLocale.mutate(target, { onError: (error) => showError(error) })}
      data-testid="language-switch"
    >
      {target === 'en-US' ? 'English' : '中文'}
    </Button>
  );
}
