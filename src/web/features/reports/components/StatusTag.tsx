import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportStatus, Timeliness } from '../../../../shared/rules/report-forms';

const STATUS_COLOURS: Record<ReportStatus, string> = { not_started: 'default', draft: 'processing', submitted: 'gold', returned: 'error', accepted: 'success' };
const TIMELINESS_COLOURS: Record<Timeliness, string> = { on_time: 'green', late: 'orange', not_due: 'default', overdue: 'red' };

/** A report's state as a coloured tag with its name (the colour is never the only signal). */
export function StatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]}>{t(`reports.statusName.${status}`)}</Tag>;
}

/** On time, late, not yet due, or overdue. */
export function TimelinessTag({ timeliness }: { timeliness: Timeliness }) {
  const { t } = useTranslation();
  return <Tag color={TIMELINESS_COLOURS[timeliness]}>{t(`reports.timelinessName.${timeliness}`)}</Tag>;
}
