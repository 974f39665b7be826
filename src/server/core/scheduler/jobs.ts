import { formatCountyTime } from '../../../shared/dates';
import type { Locale } from '../../../shared/i18n/messages';
import type { JobRun } from '../../../shared/modules/notifications.schemas';
import { requirePermission } from '../access/access';
import type { UserContext } from '../access/context';
import type { Deps } from '../deps';
import type { ExportColumn } from '../excel/export';
import { jobTitle } from '../modules/registry';
import { type JobRunFilter, jobRunsRepository } from './job-runs.repository';

type JobRunRow = Awaited<ReturnType<typeof jobRunsRepository.all>>[number];
const describeRun = (r: JobRunRow): JobRun => ({ ...r, ok: r.ok === null ? null : r.ok === 1 });

/** One page of job runs, newest first by default, for the office and the sysadmin. */
export async function listJobRuns(deps: Deps, ctx: UserContext, filter: JobRunFilter) {
  requirePermission(ctx, 'job:read');
  const { rows, total } = await jobRunsRepository.list(deps.db, filter);
  return { items: rows.map(describeRun), total, page: filter.page, pageSize: filter.pageSize };
}

/** Every job run matching the filters, for export. */
export async function allJobRuns(deps: Deps, ctx: UserContext, filter: Omit<JobRunFilter, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'job:read');
  return (await jobRunsRepository.all(deps.db, filter)).map(describeRun);
}

/** The columns of the job-run list, in the reader's language. */
export function jobRunExportColumns(locale: Locale): ExportColumn<JobRun>[] {
  const i = locale === 'en-US' ? 1 : 0;
  return [
    { zh: '任务', en: 'Job', width: 32, value: (r) => jobTitle(r.job, locale === 'en-US' ? 'en' : 'zh') },
    { zh: '周期', en: 'Period', value: (r) => r.period },
    { zh: '开始时间', en: 'Started', width: 22, value: (r) => formatCountyTime(r.startedAt) },
    { zh: '结束时间', en: 'Finished', width: 22, value: (r) => (r.finishedAt ? formatCountyTime(r.finishedAt) : '') },
    { zh: '结果', en: 'Result', width: 10, value: (r) => (r.ok === null ? ['执行中', 'Running'][i] : r.ok ? ['成功', 'Succeeded'][i] : ['失败', 'Failed'][i]) },
    { zh: '说明', en: 'Message', width: 40, value: (r) => r.message },
    { zh: '执行实例', en: 'Instance', value: (r) => r.instance },
  ];
}
