/**
 * Checks of one monthly ledger value before it is submitted: hard limits block, a large month-on-month jump only
 * asks the reporting unit to explain it (statistics do jump: a new plant starts, a quarter's tax falls due).
 */

export interface ValueLimits {
  minValue: number | null;
  maxValue: number | null;
  /** A move of more than this share (%) against the previous month needs an explanation. */
  maxJumpPct: number | null;
  decimals: number;
}

export type ValueProblem = 'below_min' | 'above_max' | 'too_many_decimals' | 'jump_unexplained';

const EPSILON = 1e-9;

/** Decimal places of a number as typed (0.1 + 0.2 still counts as one place). */
function decimalsOf(value: number): number {
  for (let d = 0; d <= 10; d++) if (Math.abs(Math.round(value * 10 ** d) - value * 10 ** d) < EPSILON * 10 ** d) return d;
  return 11;
}

/** Month-on-month change in %, or null when there is no previous value or it is zero. */
export function jumpPct(value: number, previous: number | null): number | null {
  if (previous === null || previous === 0) return null;
  return ((value - previous) / Math.abs(previous)) * 100;
}

/** Problems of one value; an explanation clears the jump, nothing clears a limit. */
export function valueProblems(limits: ValueLimits, value: number, previous: number | null, explanation: string): ValueProblem[] {
  const problems: ValueProblem[] = [];
  if (limits.minValue !== null && value < limits.minValue) problems.push('below_min');
  if (limits.maxValue !== null && value > limits.maxValue) problems.push('above_max');
  if (decimalsOf(value) > limits.decimals) problems.push('too_many_decimals');
  const jump = jumpPct(value, previous);
  if (limits.maxJumpPct !== null && jump !== null && Math.abs(jump) > limits.maxJumpPct + EPSILON && explanation.trim() === '')
    problems.push('jump_unexplained');
  return problems;
}

/**
 * A county figure summed from its units for one month: the sum of the units' values rounded to the indicator's
 * decimals, or null until every unit that has a target has a value (a partial sum would understate the county).
 */
export function sumOfUnits(values: { unitId: number; value: number }[], unitIds: number[], decimals: number): number | null {
  if (unitIds.length === 0) return null;
  const byUnit = new Map(values.map((v) => [v.unitId, v.value]));
  let total = 0;
  for (const id of unitIds) {
    const v = byUnit.get(id);
    if (v === undefined) return null;
    total += v;
  }
  return Math.round(total * 10 ** decimals) / 10 ** decimals;
}

/**
 * `sumOfUnits` from what a database adds up: the `total` of the values of the `reported` units, of the `expected`
 * units with a target (each unit has one value per month, so all are in when the counts agree).
 */
export function sumOfReported(total: number, reported: number, expected: number, decimals: number): number | null {
  if (expected === 0 || reported !== expected) return null;
  return Math.round(total * 10 ** decimals) / 10 ** decimals;
}
