// What a user may do with a key project and its milestones, sent with the project so that the web shows these buttons.
import { scopeFor, scopeIncludes } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import type { Executor } from '../../core/db/database';
import type { ProjectRow } from './projects.repository';

/**
 * The office manages every project; a unit with `project:write` over the project's township or responsible unit
 * reports its progress, and over a milestone's owner unit updates that milestone.
 */
export async function powers(db: Executor, ctx: UserContext, row: Pick<ProjectRow, 'townshipUnitId' | 'responsibleUnitId'>) {
  const manage = ctx.user.permissions.has('project:manage');
  const hasWrite = ctx.user.permissions.has('project:write');
  const write = hasWrite ? await scopeFor(db, ctx.user, 'project:write') : null;
  const inWrite = (unitId: number) => write !== null && scopeIncludes(write, unitId);
  return {
    manage,
    report: manage || inWrite(row.townshipUnitId) || inWrite(row.responsibleUnitId),
    milestone: (ownerUnitId: number) => manage || inWrite(ownerUnitId),
  };
}
