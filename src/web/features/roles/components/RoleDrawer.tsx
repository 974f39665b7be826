import { App, Button, Drawer, Flex, Form, Grid, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/modules/admin.schemas';
import { DATA_SCOPES } from '../../../../shared/permissions';
import { AdminFamiliesWarning } from '../../../components/AdminFamiliesWarning';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useLocalName } from '../../../lib/names';
import { useSaveForm } from '../../../lib/save-form';
import { type RoleValues, useSaveRole } from '../api';
import { PermissionPicker } from './PermissionPicker';
import { EnumSelect } from '../../../components/EnumSelect';

interface Props {
  /** The role to show or edit; absent to create one. */
  role?: Role;
  readOnly: boolean;
  onClose: () => void;
}

/** A role's names, data scope and permissions. */
export function RoleDrawer({ role, readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const localName = useLocalName();
  const [form] = Form.useForm<RoleValues>();
  const save = useSaveRole();
  const dataScope = Form.useWatch('dataScope', form);
  const permissions: string[] = Form.useWatch('permissions', form) ?? [];

  const submit = useSaveForm(
    form,
    (values: RoleValues) => save.mutateAsync({ id: role?.id, values: { ...values, customUnitIds: values.dataScope === 'custom' ? values.customUnitIds : [] } }),
    {
      onDone: () => {
        void message.success(t('common.saved'));
        onClose();
      },
    },
  );

  return (
    <Drawer
      open
      size={screens.md === false ? '100%' : 600}
      title={role ? (readOnly ? localName(role) : t('roles.edit', { name: localName(role) })) : t('roles.create')}
      onClose={onClose}
      footer={
        !readOnly && (
          <Flex justify="flex-end" gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={submit.saving} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>
          </Flex>
        )
      }
    >
      <Form<RoleValues>
        form={form}
        name="role"
        layout="vertical"
        disabled={readOnly}
        onFinish={submit.onFinish}
        initialValues={role ?? { dataScope: 'unit', customUnitIds: [], permissions: [] }}
        data-testid="role-form"
      >
        <Form.Item name="code" label={t('roles.code')} tooltip={t('roles.codeHint')} rules={[{ required: true, message: t('common.required') }]}>
          <Input disabled={!!role} maxLength={40} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('roles.nameZh')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('roles.nameEn')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="dataScope" label={t('roles.dataScope')} rules={[{ required: true, message: t('common.required') }]}>
          <EnumSelect values={DATA_SCOPES} label={(scope) => t(`dataScope.${scope}`)} />
        </Form.Item>
        {dataScope === 'custom' && (
          <Form.Item name="customUnitIds" label={t('roles.customUnits')} rules={[{ required: true, message: t('common.required') }]}>
            <UnitTreeSelect multiple treeCheckable />
          </Form.Item>
        )}
        <AdminFamiliesWarning permissions={permissions} />
        <Form.Item name="permissions" label={t('roles.permissions')}>
          <PermissionPicker />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
