import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/modules/admin.schemas';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useShowError } from '../../../lib/errors';
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
  const save = useSaveUser();
  const showError = useShowError();
  const [created, setCreated] = useState<{ name: string; password: string } | null>(null);

  const submit = ({ username, displayName, phone, unitId }: NewUser) => {
    const common = { displayName, phone: phone || null, unitId };
    save.mutate(user ? { id: user.id, changes: common } : { user: { ...common, username } }, {
      onSuccess: (result) => {
        void message.success(user ? t('common.saved') : t('users.created'));
        if (!user && result.temporaryPassword) setCreated({ name: result.displayName, password: result.temporaryPassword });
        else onClose();
      },
      onError: (error) => showError(error, form),
    });
  };

  if (created) return <TemporaryPasswordModal name={created.name} password={created.password} onClose={onClose} />;
  return (
    <Modal
      open
      title={user ? t('users.edit') : t('users.create')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
    >
      <Form<NewUser>
        form={form}
        name="user"
        layout="vertical"
        onFinish={submit}
        initialValues={user && { username: user.username, displayName: user.displayName, phone: user.phone ?? '', unitId: user.unit.id }}
        data-testid="user-form"
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
      </Form>
    </Modal>
  );
}
