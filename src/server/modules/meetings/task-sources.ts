import type { TaskSourceDescriber } from '../../core/tasks/task-sources';
import { namesOf } from '../../core/tasks/task-sources';

/** A decision's task (`5/2`: meeting and decision number) reads with the meeting's title. */
export const meetingTaskSources: TaskSourceDescriber = async (db, recordIds) => {
  const parsed = recordIds.flatMap((id) => {
    const match = /^(\d+)\/(\d+)$/.exec(id);
    return match ? [{ id, meetingId: Number(match[1]), seq: match[2] }] : [];
  });
  const titles = await namesOf(
    db,
    'meetings',
    'title',
    parsed.map((p) => p.meetingId),
  );
  return new Map(
    parsed.map(({ id, meetingId, seq }) => {
      const title = titles.get(meetingId) ?? `#${meetingId}`;
      return [id, { zh: `${title} 第${seq}项议定事项`, en: `${title}, decision ${seq}`, path: `/meetings/${meetingId}` }];
    }),
  );
};
