import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../shared/modules/meetings.schemas';

// Its own file: the home page's upcoming meetings show it, and importing it from the list page would load that page
// (its table, drawers and schemas) with the app's first script.
/** Planned (created by a schedule, not yet recorded) or held. */
export function MeetingStatusTag({ status }: { status: Meeting['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'planned' ? 'blue' : 'green'} data-testid="meeting-status-tag">
      {t(`meetings.statuses.${status}`)}
    </Tag>
  );
}
