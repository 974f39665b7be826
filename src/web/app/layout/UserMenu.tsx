import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../../shared/modules/auth.schemas';
import { useLogout } from '../../lib/auth';
import { useLocalName } from '../../lib/names';
import { ACCOUNT_SECURITY_PATH, CHANGE_PASSWORD_PATH } from '../guards';

/** The user's name in the header, opening change-password, the second factor and sign-out. */
export function UserMenu({ me, compact }: { me: Me; compact: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const localName = useLocalName();
  const items: MenuProps['items'] = [
    ...(compact ? [{ key: 'unit', label: localName(me.unit), disabled: true }, { type: 'divider' as const }] : []),
    { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
    { key: 'security', icon: <SafetyOutlined />, label: t('mfa.menu') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') navigate(CHANGE_PASSWORD_PATH);
    if (key === 'security') navigate(ACCOUNT_SECURITY_PATH);
    if (key === 'logout') logout.mutate();
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button type="text" icon={<UserOutlined />} style={{ color: 'inherit' }} data-testid="user-menu">
        {!compact && me.user.displayName}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
