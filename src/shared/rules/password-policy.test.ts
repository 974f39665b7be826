import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_POLICY as P, type PasswordPolicy, passwordExpired, passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  const owasp: PasswordPolicy = { minLength: 12, minClasses: 1, maxAgeDays: 0 };
  it.each([
    [P, 'Demo@2021', 'office', []],
    [P, 'Demo2021', 'office', []],
    [P, 'demo2021', 'office', ['too_few_classes']],
    [P, 'De@21', 'office', ['too_short']],
    [P, 'abc', 'office', ['too_short', 'too_few_classes']],
    [P, 'Office#2021', 'office', ['contains_username', 'too_common']],
    [P, 'Ledger#2021', 'office', []],
    [P, 'Ab1@', 'ab', ['too_short']],
    [owasp, 'correct horse battery', 'x', []],
    [owasp, 'short horse', 'x', ['too_short']],
    [P, `Aa1@${'x'.repeat(130)}`, 'x', ['too_long']],
    [P, 'Password1', 'x', ['too_common']],
    [P, 'P@ssw0rd', 'x', ['too_common']],
    [P, 'P@ssw0rd123!', 'x', ['too_common']],
    [P, 'Qwerty123!', 'x', ['too_common']],
    [P, '1Qaz2wsx!', 'x', ['too_common']],
    [P, 'Woaini1314!', 'x', ['too_common']],
    [P, 'Admin@123', 'x', ['too_common']],
    [P, 'Abc@123456', 'x', ['too_common']],
    [P, 'Baofeng@2026', 'x', ['too_common']],
    [P, 'Welcome#1', 'x', ['too_common']],
    [P, '123456', 'x', ['too_short', 'too_few_classes', 'too_common']],
    [owasp, 'iloveyou', 'x', ['too_short', 'too_common']],
    [P, 'Tr0ub4dor&3', 'x', []],
    [P, 'Kestrel#Ledger9', 'x', []],
    [P, 'Another#2026', 'x', []],
  ] as const)('%o %s (user %s) -> %o', (policy, password, username, expected) => {
    expect(passwordProblems(policy, password, username)).toEqual(expected);
  });
});

describe('passwordExpired', () => {
  const changed = new Date('2026-01-01T00:00:00Z');
  it.each([
    [90, '2026-03-31T00:00:00Z', false],
    [90, '2026-04-01T00:00:01Z', true],
    [0, '2036-01-01T00:00:00Z', false],
  ])('max age %i at %s -> %s', (maxAgeDays, now, expected) => {
    expect(passwordExpired({ ...P, maxAgeDays }, changed, new Date(now))).toBe(expected);
  });
});
