import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/modules/admin.schemas';
import { AdminFamiliesWarning } from '../../../components/AdminFamiliesWarning';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useCan, useMe } from '../../../lib/auth';
import { useShowError } from '../../../lib/errors';
import { useLocalName } from '../../../lib/names';
import { useRoles } from '../../../lib/roles';
import { type NewUser, useSaveUser } from '../api';

interface Props {
  /** The user to edit; absent to create one. */
  user?: User;
  onClose: () => void;
}

/** Creating a user, or editing name, phone, unit and roles. */
export function UserFormModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewUser>();
  const can = useCan();
  const { data: me } = useMe();
  const roles = useRoles(can('role:read'));
  const localName = useLocalName();
  const save = useSaveUser();
  const showError = useShowError();
  // The server refuses changes to one's own roles; the field says so instead of failing on save.
  const ownAccount = user !== undefined && user.id === me?.user.id;
  const roleIds: number[] = Form.useWatch('roleIds', form) ?? [];
  const chosenPermissions = (roles.data ?? []).filter((role) => roleIds.includes(role.id)).flatMap((r) => r.permissions);

  const submit = ({ username, displayName, phone, unitId, roleIds: ids, password }: NewUser) => {
    const common = { displayName, phone: phone || null, unitId };
    const input = user
      ? { id: user.id, changes: ownAccount ? common : { ...common, roleIds: ids ?? [] } }
      : { user: { ...common, username, password, roleIds: ids ?? [] } };
    save.mutate(input, {
      onSuccess: () => {
        void message.success(user ? t('common.saved') : t('users.created'));
        onClose();
      },
      onError: (error) => showError(error, form),
    });
  };

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
        initialValues={
          user && {
            username: user.username,
            displayName: user.displayName,
            phone: user.phone ?? '',
            unitId: user.unit.id,
            roleIds: user.roles.map((role) => role.id),
          }
        }
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
        <Form.Item name="unitId" label={t('users.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <UnitTreeSelect />
        </Form.Item>
        {can('role:read') && (
          <Form.Item name="roleIds" label={t('users.roles')} extra={ownAccount ? t('users.ownRolesHint') : undefined}>
            <Select
              mode="multiple"
              disabled={ownAccount}
              loading={roles.isLoading}
              placeholder={t('users.rolesPlaceholder')}
              showSearch={{ optionFilterProp: 'label' }}
              options={(roles.data ?? []).map((role) => ({ value: role.id, label: localName(role) }))}
            />
          </Form.Item>
        )}
        <AdminFamiliesWarning permissions={chosenPermissions} />
        {!user && (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            extra={t('users.initialPasswordHint')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
