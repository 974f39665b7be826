import { App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/modules/admin.schemas';
import { AdminFamiliesWarning } from '../../../components/AdminFamiliesWarning';
import { useShowError } from '../../../lib/errors';
import { useLocalName } from '../../../lib/names';
import { useRoles } from '../../../lib/roles';
import { useSetUserRoles } from '../api';

/** Granting roles to an account (security administrator); the server keeps the families apart. */
export function UserRolesModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roleIds: number[] }>();
  const roles = useRoles(true);
  const localName = useLocalName();
  const save = useSetUserRoles();
  const showError = useShowError();
  const roleIds: number[] = Form.useWatch('roleIds', form) ?? [];
  const chosenPermissions = (roles.data ?? []).filter((role) => roleIds.includes(role.id)).flatMap((r) => r.permissions);

  return (
    <Modal
      open
      title={t('users.grantRolesOf', { name: user.displayName })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ roleIds: user.roles.map((role) => role.id) }}
        onFinish={({ roleIds: ids }) =>
          save.mutate(
            { id: user.id, roleIds: ids ?? [] },
            {
              onSuccess: () => {
                void message.success(t('common.saved'));
                onClose();
              },
              onError: (error) => showError(error, form),
            },
          )
        }
        data-testid="user-roles-form"
      >
        <Form.Item name="roleIds" label={t('users.roles')} extra={t('users.rolesHint')}>
          <Select
            mode="multiple"
            loading={roles.isLoading}
            placeholder={t('users.rolesPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={(roles.data ?? []).map((role) => ({ value: role.id, label: localName(role) }))}
          />
        </Form.Item>
        <AdminFamiliesWarning permissions={chosenPermissions} />
      </Form>
    </Modal>
  );
}
