import { describe, expect, it } from 'vitest';
import { BUILTIN_ROLES, separationProblem } from './permissions';

describe('separationProblem', () => {
  it.each([
    [['user:manage', 'unit:manage', 'settings:manage', 'role:read', 'webhook:manage', 'job:read', 'user:read', 'unit:read'], null],
    [['role:manage', 'role:read', 'user:read', 'unit:read'], null],
    [['audit:read', 'loginlog:read', 'user:read', 'unit:read'], null],
    [['enterprise:read', 'task:read', 'unit:read', 'user:read', 'job:read'], null],
    [['role:read'], null],
    [[], null],
    [['user:manage', 'role:manage'], 'admin_families_mixed'],
    [['audit:read', 'settings:manage'], 'admin_families_mixed'],
    [['role:manage', 'enterprise:read'], 'admin_business_mixed'],
    [['user:manage', 'enterprise:read'], 'admin_business_mixed'],
    [['audit:read', 'task:read'], 'admin_business_mixed'],
    [['audit:read', 'role:read'], 'admin_business_mixed'],
    [['enterprise:read', 'role:read'], 'admin_business_mixed'],
    [['task:write', 'webhook:manage'], 'admin_business_mixed'],
  ] as const)('%o -> %s', (permissions, expected) => {
    expect(separationProblem(permissions)).toBe(expected);
  });

  it('holds for every built-in role', () => {
    for (const role of BUILTIN_ROLES) expect(separationProblem(role.permissions), role.code).toBeNull();
  });
});
