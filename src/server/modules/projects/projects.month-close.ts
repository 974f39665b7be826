import type { EventHandler } from '../../core/events/events';
import { createTask, taskOfSource } from '../../core/tasks/tasks.service';
import { lastDayOfMonth } from './dates';
import { projectsRepository } from './projects.repository';
import { colourBasis } from './projects.service';

/**
 * The month close of the monthly cycle, for projects: locks every project's figures of the month and gives each
 * project red at that month a 督办 task for its responsible unit (source `projects/<id>/red-<month>`). Runs in the
 * lock's transaction; a month locked again after a repair finds its tasks and creates none twice.
 */
export const lockProjectsOnMonthLock: EventHandler<'monthLocked'> = async (trx, deps, ctx, { month, officeUnitId }) => {
  await projectsRepository.lockMonth(trx, month);
  // Colours as they stood at the end of the locked month: figures through it, lateness counted to its last day.
  const basis = { ...(await colourBasis(deps, trx, lastDayOfMonth(month))), asOfMonth: month };
  const red = await projectsRepository.all(trx, { all: true }, basis, { colour: 'red', sort: 'code', order: 'asc' });
  for (const p of red) {
    const sourceId = `${p.id}/red-${month}`;
    if (await taskOfSource(trx, { module: 'projects', recordId: sourceId })) continue;
    await createTask(trx, deps, ctx, {
      type: 'project_red',
      title: `重点项目红灯：${p.name}（${month}）`,
      description: `重点项目 ${p.code}「${p.name}」${month} 投资进度或开工进度为红灯，请分析原因、提出措施和时限并报县工业强县办。`,
      source: { module: 'projects', recordId: sourceId },
      ownerUnitId: p.responsibleUnitId,
      dueInWorkingDays: 5,
      createdByUnitId: officeUnitId,
    });
  }
};
