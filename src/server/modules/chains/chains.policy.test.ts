import { describe, expect, it } from 'vitest';
import type { Scope } from '../../core/access/access';
import { userContext as ctx } from '../../test/user-context';
import { chainCan, leadCan } from './chains.policy';

const team3: Scope = { all: false, unitIds: [3], ownUserId: null };
const all: Scope = { all: true };

describe('chains policy', () => {
  it('lets the lead writer of the chain’s team add leads, and the office manage', () => {
    expect(chainCan(ctx(['lead:write']), team3, { teamUnitId: 3 })).toEqual({ manage: false, addLead: true });
    expect(chainCan(ctx(['lead:write']), team3, { teamUnitId: 4 })).toEqual({ manage: false, addLead: false });
    expect(chainCan(ctx(['chain:manage']), all, { teamUnitId: 4 })).toEqual({ manage: true, addLead: false });
  });
  it('converts a signed lead once, in the writer’s team only', () => {
    const lead = { teamUnitId: 3, stage: 'signed', projectId: null };
    expect(leadCan(ctx(['lead:write']), team3, lead)).toEqual({ write: true, convert: true });
    expect(leadCan(ctx(['lead:write']), team3, { ...lead, projectId: 9 })).toEqual({ write: true, convert: false });
    expect(leadCan(ctx(['lead:write']), team3, { ...lead, stage: 'contact' })).toEqual({ write: true, convert: false });
    expect(leadCan(ctx([]), all, lead)).toEqual({ write: false, convert: false });
  });
});
