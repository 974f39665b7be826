import type { TaskSourceDescriber } from '../../core/tasks/task-sources';
import { namesOf } from '../../core/tasks/task-sources';

/** A lead's task (`9`) reads 招商线索 with the lead's name. */
export const chainTaskSources: TaskSourceDescriber = async (db, recordIds) => {
  const ids = recordIds.filter((id) => /^\d+$/.test(id));
  const names = await namesOf(db, 'chain_leads', 'name', ids.map(Number));
  return new Map(
    ids.map((id) => {
      const name = names.get(Number(id)) ?? `#${id}`;
      return [id, { zh: `招商线索 ${name}`, en: `Lead ${name}`, path: `/chains/leads/${id}` }];
    }),
  );
};
