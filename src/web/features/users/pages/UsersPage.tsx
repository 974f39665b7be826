import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/modules/admin.schemas';
import { BUILTIN_ROLES } from '../../../../shared/permissions';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useCan } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useListParams } from '../../../lib/list';
import { useBooleanOptions } from '../../../lib/options';
import { useLocalName } from '../../../lib/names';
import { useRoles } from '../../../lib/roles';
import { type UserFilters, useUsers } from '../api';
import { UserFormModal } from '../components/UserFormModal';
import { UserRowActions } from '../components/UserRowActions';

/** 用户管理: accounts, filtered and paged on the server. */
export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const localName = useLocalName();
  const activeOptions = useBooleanOptions('active');
  const [filterForm] = Form.useForm<UserFilters>();
  const list = useListParams<UserFilters>({});
  const users = useUsers(list.query);
  const roles = useRoles(can('role:read'));
  // Without role:read the list of roles is not available; the built-in ones still filter usefully.
  const roleOptions = (roles.data ?? BUILTIN_ROLES).map((role) => ({ value: role.code, label: localName(role) }));
  const [editing, setEditing] = useState<{ user?: User } | null>(null);

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', key: 'username', sorter: true, sortOrder: list.sortOrderOf('username') },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName', sorter: true, sortOrder: list.sortOrderOf('displayName') },
    { title: t('users.unit'), key: 'unit', render: (_, user) => localName(user.unit) },
    {
      title: t('users.roles'),
      key: 'roles',
      // Long role names are cut with an ellipsis; the tooltip names them all.
      render: (_, user) => (
        <Tooltip title={user.roles.map((role) => localName(role)).join('、')}>
          <Flex gap={4} wrap={false} style={{ maxWidth: 260 }}>
            {user.roles.map((role) => (
              <Tag key={role.id} style={{ maxWidth: 120, overflow: 'hidden', textOverflow: 'ellipsis', marginInlineEnd: 0 }}>
                {localName(role)}
              </Tag>
            ))}
          </Flex>
        </Tooltip>
      ),
    },
    { title: t('users.phone'), dataIndex: 'phone', key: 'phone', render: (phone: string | null) => phone ?? '—' },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, user) => (
        <>
          {user.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>}
          {user.locked && <Tag color="red">{t('users.locked')}</Tag>}
          {user.mustChangePassword && <Tag color="orange">{t('users.mustChangePassword')}</Tag>}
        </>
      ),
    },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      sorter: true,
      sortOrder: list.sortOrderOf('lastLoginAt'),
      render: formatDateTime,
    },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: list.sortOrderOf('createdAt'),
      render: formatDateTime,
    },
    ...(can('user:manage') || can('role:manage')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, user: User) => <UserRowActions user={user} onEdit={() => setEditing({ user })} />,
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('nav.users')}
      extra={
        <>
          <ExportButton url="/api/users/export.xlsx" query={list.exportQuery} />
          {can('user:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('users.create')}
            </Button>
          )}
        </>
      }
    >
      <FilterBar form={filterForm} onSearch={list.setFilters} testId="users-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('users.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="unitId">
          <UnitTreeSelect allowInactive style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="roleCode">
          <Select allowClear placeholder={t('users.roles')} options={roleOptions} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="active">
          <Select allowClear placeholder={t('common.status')} style={{ width: 120 }} options={activeOptions} />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={users} columns={columns} testId="users-table" />
      {editing && <UserFormModal user={editing.user} onClose={() => setEditing(null)} />}
    </PageContainer>
  );
}
