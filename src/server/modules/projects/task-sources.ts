import type { TaskSourceDescriber } from '../../core/tasks/task-sources';
import { monthLabel, namesOf } from '../../core/tasks/task-sources';

/** A milestone task (`12/3`) or a red month's task (`12/red-2021-09`) reads with the project's name. */
export const projectTaskSources: TaskSourceDescriber = async (db, recordIds) => {
  const parsed = recordIds.flatMap((id) => {
    const match = /^(\d+)\/(?:(\d+)|red-(\d{4}-\d{2}))$/.exec(id);
    return match ? [{ id, projectId: Number(match[1]), seq: match[2], month: match[3] }] : [];
  });
  const names = await namesOf(
    db,
    'projects',
    'name',
    parsed.map((p) => p.projectId),
  );
  return new Map(
    parsed.map(({ id, projectId, seq, month }) => {
      const name = names.get(projectId) ?? `#${projectId}`;
      const what = seq ? { zh: `第${seq}个节点`, en: `milestone ${seq}` } : { zh: `${monthLabel(month).zh}投资红灯`, en: `red in ${month}` };
      return [id, { zh: `重点项目 ${name} ${what.zh}`, en: `Project ${name}, ${what.en}`, path: `/projects/${projectId}` }];
    }),
  );
};
