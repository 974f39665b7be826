import type { TaskSourceDescriber } from '../../core/tasks/task-sources';
import { namesOf } from '../../core/tasks/task-sources';

/** A request's task (`7`, `7/2`, `7/part/3`) reads 企业诉求 with its title; a commitment's (`commitment/4`) 对企承诺. */
export const serviceTaskSources: TaskSourceDescriber = async (db, recordIds) => {
  const requests = recordIds.flatMap((id) => {
    const match = /^(\d+)(?:\/.*)?$/.exec(id);
    return match ? [{ id, requestId: Number(match[1]) }] : [];
  });
  const commitments = recordIds.flatMap((id) => {
    const match = /^commitment\/(\d+)$/.exec(id);
    return match ? [{ id, commitmentId: Number(match[1]) }] : [];
  });
  const [titles, commitmentTitles] = await Promise.all([
    namesOf(
      db,
      'service_requests',
      'title',
      requests.map((r) => r.requestId),
    ),
    namesOf(
      db,
      'service_commitments',
      'title',
      commitments.map((c) => c.commitmentId),
    ),
  ]);
  return new Map([
    ...requests.map(({ id, requestId }): [string, { zh: string; en: string; path: string }] => {
      const title = titles.get(requestId) ?? `#${requestId}`;
      return [id, { zh: `企业诉求 ${title}`, en: `Request ${title}`, path: `/services/requests/${requestId}` }];
    }),
    ...commitments.map(({ id, commitmentId }): [string, { zh: string; en: string; path: string }] => {
      const title = commitmentTitles.get(commitmentId) ?? `#${commitmentId}`;
      return [id, { zh: `对企承诺 ${title}`, en: `Commitment ${title}`, path: '/services/commitments' }];
    }),
  ]);
};
