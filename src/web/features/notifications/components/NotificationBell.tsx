import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useUnreadCount } from '../api';

/** The header's bell: the unread count, opening the inbox. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useUnreadCount().data?.unread ?? 0;
  return (
    <Badge count={unread} size="small" offset={[-6, 6]} data-testid="unread-badge">
      <Button
        type="text"
        icon={<BellOutlined style={{ fontSize: 18 }} />}
        style={{ color: '#fff' }}
        aria-label={t('inbox.bell', { count: unread })}
        title={t('inbox.bell', { count: unread })}
        onClick={() => navigate('/notifications')}
        data-testid="notification-bell"
      />
    </Badge>
  );
}
