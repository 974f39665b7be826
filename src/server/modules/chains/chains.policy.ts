// What a user may do with a chain and its investment leads, sent with each so that the web shows exactly these buttons.
import { type LeadStage, stageIndex } from '../../../shared/rules/chains-attraction';
import { type Scope, scopeIncludes } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';

/** A lead writer works on the leads of the teams inside its `lead:write` scope. */
const writesLeadsOf = (ctx: UserContext, leadWrite: Scope, teamUnitId: number) =>
  ctx.user.permissions.has('lead:write') && scopeIncludes(leadWrite, teamUnitId);

/** On a chain: the office manages it; a lead writer over the chain's team adds leads to it. */
export function chainCan(ctx: UserContext, leadWrite: Scope, chain: { teamUnitId: number }) {
  return { manage: ctx.user.permissions.has('chain:manage'), addLead: writesLeadsOf(ctx, leadWrite, chain.teamUnitId) };
}

/** On a lead: its team's lead writer edits it, and converts it to a project once signed, if not converted yet. */
export function leadCan(ctx: UserContext, leadWrite: Scope, lead: { teamUnitId: number; stage: string; projectId: number | null }) {
  const write = writesLeadsOf(ctx, leadWrite, lead.teamUnitId);
  return { write, convert: write && stageIndex(lead.stage as LeadStage) >= stageIndex('signed') && lead.projectId === null };
}
