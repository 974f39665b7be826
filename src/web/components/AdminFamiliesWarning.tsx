import { Alert } from 'antd';
import { translate } from '../../shared/i18n/messages';
import { separationProblem } from '../../shared/permissions';
import { useLocale } from '../lib/i18n';

/**
 * Warns before saving what the server will refuse (三员分立): permissions of two administrator families together, or
 * administration together with business permissions.
 */
export function AdminFamiliesWarning({ permissions }: { permissions: readonly string[] }) {
  const locale = useLocale();
  const problem = separationProblem(permissions);
  if (!problem) return null;
  return <Alert type="warning" showIcon title={translate(locale, `err.${problem}`)} style={{ marginBottom: 16 }} data-testid="admin-families-warning" />;
}
