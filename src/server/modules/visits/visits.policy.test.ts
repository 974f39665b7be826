import { describe, expect, it } from 'vitest';
import type { Scope } from '../../core/access/access';
import { userContext as ctx } from '../../test/user-context';
import { visitCan, visitChange, writesVisit } from './visits.policy';

const team3: Scope = { all: false, unitIds: [3], ownUserId: null };

describe('visits policy', () => {
  const row = { teamUnitId: 3, createdBy: 7, createdAt: '2026-11-20T02:00:00.000Z' };
  it('writes to the visits of the teams in the write scope', () => {
    expect(writesVisit(ctx(['visit:write']), team3, row)).toBe(true);
    expect(writesVisit(ctx(['visit:write']), null, row)).toBe(false);
    expect(writesVisit(ctx(['visit:write']), team3, { teamUnitId: 4 })).toBe(false);
  });
  it('lets the author edit within the window and no later', () => {
    const facts = { today: '2026-11-22', editDays: 7, filedProblems: 0 };
    const change = visitChange(ctx(['visit:write']), team3, row, facts);
    expect(change).toMatchObject({ author: true, office: false, loggedDay: '2026-11-20' });
    expect(visitCan(ctx(['visit:write']), team3, row, change)).toEqual({ canWrite: true, canEdit: true, canDelete: true, editableUntil: '2026-11-27' });
    const late = visitChange(ctx(['visit:write']), team3, row, { ...facts, today: '2026-12-20' });
    expect(visitCan(ctx(['visit:write']), team3, row, late)).toMatchObject({ canEdit: false, canDelete: false });
    const other = visitChange(ctx(['visit:write'], { id: 8 }), team3, row, facts);
    expect(visitCan(ctx(['visit:write'], { id: 8 }), team3, row, other)).toMatchObject({ canWrite: true, canEdit: false });
  });
});
