import { describe, expect, it } from 'vitest';
import type { Scope } from '../../core/access/access';
import { userContext as ctx } from '../../test/user-context';
import { entryWritable, managesEntries } from './innovation.policy';

const team3: Scope = { all: false, unitIds: [3], ownUserId: null };

describe('innovation policy', () => {
  it('lets staff managers change the entries of their responsible units, never a firm', () => {
    expect(managesEntries(ctx(['innovation:manage']))).toBe(true);
    expect(managesEntries(ctx(['innovation:manage'], { enterpriseId: 5 }))).toBe(false);
    expect(entryWritable(ctx(['innovation:manage']), team3, { responsibleUnitId: 3 })).toBe(true);
    expect(entryWritable(ctx(['innovation:manage']), team3, { responsibleUnitId: 4 })).toBe(false);
    expect(entryWritable(ctx(['innovation:manage']), null, { responsibleUnitId: 3 })).toBe(false);
  });
});
