import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/modules/admin.schemas';
import { useCan, useMe } from '../../../lib/auth';
import { useShowError } from '../../../lib/errors';
import { useResetMfa, useResetPassword, useSaveUser } from '../api';
import { TemporaryPasswordModal } from './TemporaryPasswordModal';
import { UserRolesModal } from './UserRolesModal';

/** Edit, disable or enable, and reset the password or the second factor of one user (system administrator); grant roles (security administrator). */
export function UserRowActions({ user, onEdit }: { user: User; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const can = useCan();
  const [grantingRoles, setGrantingRoles] = useState(false);
  const save = useSaveUser();
  const reset = useResetPassword();
  const resetMfa = useResetMfa();
  const showError = useShowError();
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const self = user.id === me?.user.id;

  const setActive = (active: boolean) =>
    save.mutate(
      { id: user.id, changes: { active } },
      {
        onSuccess: () => void message.success(active ? t('users.enabled') : t('users.disabled')),
        onError: (error) => showError(error),
      },
    );

  if (!can('user:manage'))
    return self || !can('role:manage') ? null : (
      <>
        <Button type="link" size="small" onClick={() => setGrantingRoles(true)}>
          {t('users.grantRoles')}
        </Button>
        {grantingRoles && <UserRolesModal user={user} onClose={() => setGrantingRoles(false)} />}
      </>
    );
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit}>
        {t('common.edit')}
      </Button>
      {!self && (
        <Popconfirm
          title={user.active ? t('users.disableConfirm', { name: user.displayName }) : t('users.enableConfirm', { name: user.displayName })}
          description={user.active ? t('users.disableHint') : undefined}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: user.active }}
          onConfirm={() => setActive(!user.active)}
        >
          <Button type="link" size="small" danger={user.active}>
            {user.active ? t('common.disable') : t('common.enable')}
          </Button>
        </Popconfirm>
      )}
      <Popconfirm
        title={t('users.resetConfirm', { name: user.displayName })}
        description={t('users.resetHint')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          reset.mutate(user.id, {
            onSuccess: (result) => setTemporaryPassword(result.temporaryPassword),
            onError: (error) => showError(error),
          })
        }
      >
        <Button type="link" size="small" loading={reset.isPending}>
          {t('users.resetPassword')}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t('users.resetMfaConfirm', { name: user.displayName })}
        description={t('users.resetMfaHint')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        onConfirm={() => resetMfa.mutate(user.id, { onSuccess: () => void message.success(t('users.mfaReset')), onError: (error) => showError(error) })}
      >
        <Button type="link" size="small" loading={resetMfa.isPending}>
          {t('users.resetMfa')}
        </Button>
      </Popconfirm>
      {temporaryPassword && <TemporaryPasswordModal name={user.displayName} password={temporaryPassword} onClose={() => setTemporaryPassword(null)} />}
    </Space>
  );
}
