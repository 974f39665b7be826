import { Checkbox, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermissionGroupLabel, usePermissionLabel } from '../../../lib/labels';
import { type PermissionInfo, usePermissions } from '../api';

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
}

const FAMILY_COLORS = { system: 'blue', security: 'gold', audit: 'purple' } as const;

function groupByPrefix(permissions: PermissionInfo[]): [string, PermissionInfo[]][] {
  const groups = new Map<string, PermissionInfo[]>();
  for (const permission of permissions) {
    const prefix = permission.code.split(':')[0] ?? permission.code;
    groups.set(prefix, [...(groups.get(prefix) ?? []), permission]);
  }
  return [...groups];
}

/** Permission checkboxes (a form control; a disabled form disables them) grouped by what they act on, each marked with its administrator family. */
export function PermissionPicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const permissionLabel = usePermissionLabel();
  const groupLabel = usePermissionGroupLabel();
  if (permissions.isLoading) return <Spin />;
  return (
    <Checkbox.Group value={value} onChange={onChange} style={{ width: '100%' }}>
      <Flex vertical gap={12} style={{ width: '100%' }} data-testid="permission-picker">
        {groupByPrefix(permissions.data ?? []).map(([prefix, items]) => (
          <div key={prefix}>
            <Typography.Text strong>{groupLabel(prefix)}</Typography.Text>
            <Flex wrap gap={8} style={{ marginTop: 4 }}>
              {items.map((permission) => (
                <Checkbox key={permission.code} value={permission.code}>
                  {permissionLabel(permission.code)}
                  {permission.family && (
                    <Tag color={FAMILY_COLORS[permission.family]} style={{ marginInlineStart: 6 }}>
                      {t(`family.${permission.family}`)}
                    </Tag>
                  )}
                </Checkbox>
              ))}
            </Flex>
          </div>
        ))}
      </Flex>
    </Checkbox.Group>
  );
}
