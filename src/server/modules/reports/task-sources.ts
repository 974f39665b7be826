import type { TaskSourceDescriber } from '../../core/tasks/task-sources';
import { monthLabel, namesOf, unitNamesOf } from '../../core/tasks/task-sources';

/** An overdue report's task (`2/2021-09/33`: form, month, unit) reads 企业发展情况月报 2021年9月 大营镇. */
export const reportTaskSources: TaskSourceDescriber = async (db, recordIds) => {
  const parsed = recordIds.flatMap((id) => {
    const match = /^(\d+)\/(\d{4}-\d{2})\/(\d+)$/.exec(id);
    return match ? [{ id, formId: Number(match[1]), month: match[2], unitId: Number(match[3]) }] : [];
  });
  const [formsZh, formsEn, units] = await Promise.all([
    namesOf(
      db,
      'report_forms',
      'name_zh',
      parsed.map((p) => p.formId),
    ),
    namesOf(
      db,
      'report_forms',
      'name_en',
      parsed.map((p) => p.formId),
    ),
    unitNamesOf(
      db,
      parsed.map((p) => p.unitId),
    ),
  ]);
  return new Map(
    parsed.map(({ id, formId, month, unitId }) => {
      const unit = units.get(unitId) ?? { zh: '', en: '' };
      const m = monthLabel(month);
      return [
        id,
        {
          zh: `${formsZh.get(formId) ?? ''} ${m.zh} ${unit.zh}`.trim(),
          en: `${formsEn.get(formId) ?? ''} ${m.en} ${unit.en}`.trim(),
          path: `/reports/sheet?formId=${formId}&unitId=${unitId}&month=${month}`,
        },
      ];
    }),
  );
};
