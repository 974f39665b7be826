import { App, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/modules/admin.schemas';
import { AdminFamiliesWarning } from '../../../components/AdminFamiliesWarning';
import { FormModal } from '../../../components/FormModal';
import { useLocalName } from '../../../lib/names';
import { useRoles } from '../../../lib/roles';
import { useSaveForm } from '../../../lib/save-form';
import { useSetUserRoles } from '../api';

/** Granting roles to an account (security administrator); the server keeps the families apart. */
export function UserRolesModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roleIds: number[] }>();
  const roles = useRoles(true);
  const localName = useLocalName();
  const setRoles = useSetUserRoles();
  const roleIds: number[] = Form.useWatch('roleIds', form) ?? [];
  const chosenPermissions = (roles.data ?? []).filter((role) => roleIds.includes(role.id)).flatMap((r) => r.permissions);

  const save = useSaveForm(form, ({ roleIds: ids }: { roleIds: number[] }) => setRoles.mutateAsync({ id: user.id, roleIds: ids ?? [] }), {
    onDone: () => {
      void message.success(t('common.saved'));
      onClose();
    },
  });

  return (
    <FormModal
      title={t('users.grantRolesOf', { name: user.displayName })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      maskClosable={false}
      form={form}
      save={save}
      onClose={onClose}
      initialValues={{ roleIds: user.roles.map((role) => role.id) }}
      formTestId="user-roles-form"
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
    </FormModal>
  );
}
