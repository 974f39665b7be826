import type { TaskSourceDescriber } from '../../core/tasks/task-sources';
import { monthLabel, unitNamesOf } from '../../core/tasks/task-sources';

/** A month-close warning task (`2021-09/33`: month and unit) reads 预警看板 2021年9月 大营镇. */
export const indicatorTaskSources: TaskSourceDescriber = async (db, recordIds) => {
  const parsed = recordIds.flatMap((id) => {
    const match = /^(\d{4}-\d{2})\/(\d+)$/.exec(id);
    return match ? [{ id, month: match[1], unitId: Number(match[2]) }] : [];
  });
  const units = await unitNamesOf(
    db,
    parsed.map((p) => p.unitId),
  );
  return new Map(
    parsed.map(({ id, month, unitId }) => {
      const unit = units.get(unitId) ?? { zh: '', en: '' };
      const m = monthLabel(month);
      return [id, { zh: `预警看板 ${m.zh} ${unit.zh}`.trim(), en: `Warnings board ${m.en} ${unit.en}`.trim(), path: '/indicators/warnings' }];
    }),
  );
};
