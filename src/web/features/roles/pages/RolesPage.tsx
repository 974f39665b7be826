import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/modules/admin.schemas';
import { translate } from '../../../../shared/i18n/messages';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useShowError } from '../../../lib/errors';
import { useLocale } from '../../../lib/i18n';
import { usePermissionLabel } from '../../../lib/labels';
import { useLocalName } from '../../../lib/names';
import { useRoles } from '../../../lib/roles';
import { useDeleteRole } from '../api';
import { RoleDrawer } from '../components/RoleDrawer';

/** 角色权限: roles with their data scope and permissions. */
export function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const can = useCan();
  const manage = can('role:manage');
  const localName = useLocalName();
  const permissionLabel = usePermissionLabel();
  const roles = useRoles();
  const remove = useDeleteRole();
  const showError = useShowError();
  const [open, setOpen] = useState<{ role?: Role } | null>(null);

  const columns: TableColumnsType<Role> = [
    {
      title: t('roles.name'),
      key: 'name',
      render: (_, role) => (
        <Space size={4}>
          {localName(role)}
          {role.builtin && <Tag color="blue">{t('roles.builtin')}</Tag>}
        </Space>
      ),
    },
    { title: t('roles.code'), dataIndex: 'code', key: 'code' },
    { title: t('roles.dataScope'), key: 'dataScope', render: (_, role) => t(`dataScope.${role.dataScope}`) },
    {
      title: t('roles.permissions'),
      key: 'permissions',
      render: (_, role) => (role.permissions.length === 0 ? '—' : role.permissions.map((code) => <Tag key={code}>{permissionLabel(code)}</Tag>)),
    },
    { title: t('roles.userCount'), dataIndex: 'userCount', key: 'userCount', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, role) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setOpen({ role })}>
            {manage ? t('common.edit') : t('common.view')}
          </Button>
          {manage && !role.builtin && (
            <Popconfirm
              title={t('roles.deleteConfirm', { name: localName(role) })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              disabled={role.userCount > 0}
              onConfirm={() =>
                remove.mutate(role.id, {
                  onSuccess: () => void message.success(t('roles.deleted')),
                  onError: (error) => showError(error),
                })
              }
            >
              <Tooltip title={role.userCount > 0 ? translate(locale, 'err.role_in_use') : undefined}>
                <Button type="link" size="small" danger disabled={role.userCount > 0}>
                  {t('common.delete')}
                </Button>
              </Tooltip>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('nav.roles')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({})}>
            {t('roles.create')}
          </Button>
        )
      }
    >
      {roles.error && <Alert type="error" showIcon title={roles.error.message} style={{ marginBottom: 16 }} />}
      <Table<Role>
        rowKey="id"
        size="middle"
        data-testid="roles-table"
        columns={columns}
        dataSource={roles.data ?? []}
        loading={roles.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('common.empty') }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { count: total }) }}
      />
      {open && <RoleDrawer role={open.role} readOnly={!manage} onClose={() => setOpen(null)} />}
    </PageContainer>
  );
}
