import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/modules/admin.schemas';
import { FormModal } from '../../../components/FormModal';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useSaveForm } from '../../../lib/save-form';
import { type NewUser, useSaveUser } from '../api';
import { TemporaryPasswordModal } from './TemporaryPasswordModal';

interface Props {
  /** The user to edit; absent to create one. */
  user?: User;
  onClose: () => void;
}

/**
 * Creating a user, or editing name, phone and unit (system administrator). Roles are granted by the security
 * administrator, and a new account's one-time password is shown once after creation.
 */
export function UserFormModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewUser>();
  const saveUser = useSaveUser();
  const [created, setCreated] = useState<{ name: string; password: string } | null>(null);

  const save = useSaveForm(
    form,
    ({ username, displayName, phone, unitId }: NewUser) => {
      const common = { displayName, phone: phone || null, unitId };
      return saveUser.mutateAsync(user ? { id: user.id, changes: common } : { user: { ...common, username } });
    },
    {
      onDone: (result) => {
        void message.success(user ? t('common.saved') : t('users.created'));
        if (!user && result.temporaryPassword) setCreated({ name: result.displayName, password: result.temporaryPassword });
        else onClose();
      },
    },
  );

  if (created) return <TemporaryPasswordModal name={created.name} password={created.password} onClose={onClose} />;
  return (
    <FormModal
      title={user ? t('users.edit') : t('users.create')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      maskClosable={false}
      form={form}
      save={save}
      onClose={onClose}
      name="user"
      initialValues={user && { username: user.username, displayName: user.displayName, phone: user.phone ?? '', unitId: user.unit.id }}
      formTestId="user-form"
    >
      <Form.Item name="username" label={t('users.username')} rules={[{ required: true, message: t('common.required') }]}>
        <Input disabled={!!user} maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="phone" label={t('users.phone')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item
        name="unitId"
        label={t('users.unit')}
        rules={[{ required: true, message: t('common.required') }]}
        extra={user ? undefined : t('users.createHint')}
      >
        <UnitTreeSelect />
      </Form.Item>
    </FormModal>
  );
}
