import type { TaskSourceDescriber } from '../../core/tasks/task-sources';
import { monthLabel, namesOf } from '../../core/tasks/task-sources';

/** A flag's task (`<firm>/<month>`) reads 运行监测 2026年10月 某企业 and opens the firm's monitoring page. */
export const monitoringTaskSources: TaskSourceDescriber = async (db, recordIds) => {
  const parsed = recordIds.flatMap((id) => {
    const match = /^(\d+)\/(\d{4}-\d{2})$/.exec(id);
    return match ? [{ id, firmId: Number(match[1]), month: match[2] }] : [];
  });
  const names = await namesOf(
    db,
    'enterprises',
    'name',
    parsed.map((p) => p.firmId),
  );
  return new Map(
    parsed.map(({ id, firmId, month }) => {
      const name = names.get(firmId) ?? `#${firmId}`;
      const label = monthLabel(month);
      return [id, { zh: `运行监测 ${label.zh} ${name}`, en: `Monitoring ${label.en} ${name}`, path: `/monitoring/firms/${firmId}` }];
    }),
  );
};
