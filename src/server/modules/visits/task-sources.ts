import type { TaskSourceDescriber } from '../../core/tasks/task-sources';
import { visitsRepository } from './visits.repository';

/** A visit problem's task (`12/1`: visit 12, its first problem) reads 走访 2026-11-20 某企业. */
export const visitTaskSources: TaskSourceDescriber = async (db, recordIds) => {
  const refs = recordIds.flatMap((id) => {
    const match = /^(\d+)\/\d+$/.exec(id);
    return match ? [{ id, visitId: Number(match[1]) }] : [];
  });
  if (refs.length === 0) return new Map();
  const rows = await visitsRepository.taskSourceVisits(db, [...new Set(refs.map((r) => r.visitId))]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return new Map(
    refs.flatMap(({ id, visitId }): [string, { zh: string; en: string; path: string }][] => {
      const v = byId.get(visitId);
      return v ? [[id, { zh: `走访 ${v.visitDate} ${v.name}`, en: `Visit ${v.visitDate} ${v.name}`, path: `/visits/${visitId}` }]] : [];
    }),
  );
};
