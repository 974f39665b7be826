import { Alert } from 'antd';
import { adminFamiliesOf } from '../../shared/permissions';
import { translate } from '../../shared/i18n/messages';
import { useLocale } from '../lib/i18n';

/** Warns before saving what the server will refuse: permissions of two administrator families together (三员分立). */
export function AdminFamiliesWarning({ permissions }: { permissions: readonly string[] }) {
  const locale = useLocale();
  if (adminFamiliesOf(permissions).length <= 1) return null;
  return (
    <Alert type="warning" showIcon title={translate(locale, 'err.admin_families_mixed')} style={{ marginBottom: 16 }} data-testid="admin-families-warning" />
  );
}
