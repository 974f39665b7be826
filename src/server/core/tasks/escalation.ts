import { type EscalationStep, escalationStepReached, type TaskStatus } from '../../../shared/rules/task-deadline';
import { systemContext } from '../access/context';
import { recordAudits } from '../audit/audit.service';
import { arrangementAround } from '../calendar/calendar.service';
import type { Deps } from '../deps';
import { events } from '../events/events';
import { notifyMany } from '../notifications/notifications.service';
import { type Job, countyDay } from '../scheduler/scheduler';
import { taskEventSubject } from './task-events';
import { tasksRepository } from './tasks.repository';

const STEP_TITLES: Record<EscalationStep, { zh: string; en: string }> = {
  1: { zh: '督办事项已超期', en: 'Task overdue' },
  2: { zh: '督办事项超期 2 个工作日，请办公室督办', en: 'Task 2 working days overdue: office follow-up' },
  3: { zh: '督办事项超期 5 个工作日，列入下期通报', en: 'Task 5 working days overdue: listed for the next notice' },
};

/**
 * Applies the escalation steps of rules.md to every overdue task: step 1 tells the assignee and the owner unit (its
 * head included), step 2 the office, step 3 lists the task for the next notice and tells the office. Each (task, step)
 * is claimed by a unique row first, so running the job twice, or on two instances at once, escalates once. Set-based:
 * one transaction per batch of tasks, with multi-row claims, timeline entries, audit rows and notices, and a
 * `taskOverdue` event per claimed step.
 */
export async function escalateTasks(deps: Deps, batch = 500): Promise<string> {
  const today = countyDay(deps.clock.now());
  const cal = await arrangementAround(deps.db, today);
  const officeUnits = await tasksRepository.officeUnitIds(deps.db);
  let applied = 0;
  let afterId = 0;
  for (;;) {
    const tasks = await tasksRepository.escalationCandidates(deps.db, today, afterId, batch);
    // The steps each task is due (several when a day was missed), in task and step order.
    const due: { taskId: number; step: number }[] = [];
    for (const task of tasks) {
      const reached = escalationStepReached(cal, task.dueDate, today, task.status as TaskStatus);
      for (let step = task.escalationStep + 1; step <= reached; step++) due.push({ taskId: task.id, step });
    }
    if (due.length > 0)
      applied += await events.transaction(deps, async (trx) => {
        const at = deps.clock.now().toISOString();
        const claimed = new Set(
          (
            await tasksRepository.claimEscalations(
              trx,
              due.map((d) => ({ ...d, at })),
            )
          ).map((c) => `${c.taskId}|${c.step}`),
        );
        const steps = due.filter((d) => claimed.has(`${d.taskId}|${d.step}`));
        if (steps.length === 0) return 0;
        const byId = new Map(tasks.map((t) => [t.id, t]));
        // A task ends on the last step it claimed.
        const last = new Map<number, number>();
        for (const { taskId, step } of steps) last.set(taskId, step);
        for (const step of [1, 2, 3])
          await tasksRepository.setEscalationStep(
            trx,
            [...last].filter(([, s]) => s === step).map(([id]) => id),
            step,
          );
        await tasksRepository.addEvents(
          trx,
          steps.map(({ taskId, step }) => ({ taskId, at, userId: null, kind: 'escalation', fromStatus: null, toStatus: null, text: String(step) })),
        );
        await recordAudits(
          trx,
          deps,
          systemContext(),
          steps.map(({ taskId, step }) => ({ action: 'task.escalate', entityType: 'task', entityId: taskId, after: { step } })),
        );
        await notifyMany(
          trx,
          deps,
          steps.map(({ taskId, step }) => {
            const task = byId.get(taskId) as (typeof tasks)[number];
            const title = STEP_TITLES[step as EscalationStep];
            return {
              ...(step === 1 ? { unitIds: [task.ownerUnitId], userIds: task.assigneeUserId ? [task.assigneeUserId] : [] } : { unitIds: officeUnits }),
              unitPermission: 'task:read' as const,
              kind: `task.escalation.${step}`,
              title: { zh: `${title.zh}：${task.title}（应于 ${task.dueDate} 办结）`, en: `${title.en}: ${task.title} (due ${task.dueDate})` },
              link: `/tasks/${task.id}`,
              entityType: 'task',
              entityId: task.id,
            };
          }),
        );
        const coUnits = new Map<number, number[]>();
        for (const c of await tasksRepository.coUnitsOf(trx, [...last.keys()])) coUnits.set(c.taskId, [...(coUnits.get(c.taskId) ?? []), c.id]);
        for (const { taskId, step } of steps) {
          const subject = taskEventSubject(byId.get(taskId) as (typeof tasks)[number], coUnits.get(taskId) ?? []);
          await events.publish(trx, deps, systemContext(), 'taskOverdue', { ...subject, step: step as EscalationStep, overdueAt: at });
        }
        return steps.length;
      });
    if (tasks.length < batch) break;
    afterId = tasks[tasks.length - 1].id;
  }
  return `${applied} escalation step(s) applied`;
}

/** Daily at 08:00 county time: escalate overdue tasks. */
export const escalationJob: Job = { name: 'tasks.escalate', schedule: '0 8 * * *', period: countyDay, run: (deps) => escalateTasks(deps) };
