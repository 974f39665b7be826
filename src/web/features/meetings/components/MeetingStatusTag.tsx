import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../shared/modules/meetings.schemas';

/** Planned (created by a schedule, not yet recorded) or held. */
export function MeetingStatusTag({ status }: { status: Meeting['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'planned' ? 'blue' : 'green'} data-testid="meeting-status-tag">
      {t(`meetings.statuses.${status}`)}
    </Tag>
  );
}
