/** Password policy: configurable because 等保 assessors (complexity, rotation) and OWASP (length, no rotation) disagree. */
export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) a password must contain. */
  minClasses: number;
  /** Days after which a password must be changed; 0 turns rotation off. */
  maxAgeDays: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3, maxAgeDays: 90 };

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'contains_username' | 'too_long';

const CLASS_TESTS = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/** The ways a candidate password breaks the policy; empty when it is acceptable. */
export function passwordProblems(policy: PasswordPolicy, password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < policy.minLength) problems.push('too_short');
  if (password.length > 128) problems.push('too_long');
  if (CLASS_TESTS.filter((t) => t.test(password)).length < policy.minClasses) problems.push('too_few_classes');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('contains_username');
  }
  return problems;
}

/** Whether a password set at `changedAt` has expired at `now` under the policy. */
export function passwordExpired(policy: PasswordPolicy, changedAt: Date, now: Date): boolean {
  if (policy.maxAgeDays <= 0) return false;
  return now.getTime() - changedAt.getTime() > policy.maxAgeDays * 86_400_000;
}
