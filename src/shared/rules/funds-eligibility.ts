// Policy eligibility as data (政策直达): an expression over a firm's facts (the 一企一档 profile and, where known, its
// monitoring figures), evaluated in three values so that a firm whose figure is missing is never called eligible.

/** The facts a condition may name, and their kinds. */
export const ELIGIBILITY_FIELDS = {
  industryCode: 'text',
  townshipUnitId: 'number',
  chainUnitIds: 'list',
  aboveScale: 'boolean',
  highTech: 'boolean',
  smeTier: 'tier',
  hasRdInstitution: 'boolean',
  employees: 'number',
  outputLastYearFen: 'number',
  taxLastYearFen: 'number',
  inTransformationLibrary: 'boolean',
} as const;
export type EligibilityField = keyof typeof ELIGIBILITY_FIELDS;
export const ELIGIBILITY_OPS = ['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte', 'prefix', 'contains'] as const;
export type EligibilityOp = (typeof ELIGIBILITY_OPS)[number];
/** 专精特新 tiers in order, so that "at least provincial" is `gte provincial`. */
export const TIER_ORDER = ['none', 'innovative', 'provincial', 'little_giant'] as const;

export type Scalar = string | number | boolean;
export interface Condition {
  field: EligibilityField;
  op: EligibilityOp;
  value: Scalar | Scalar[];
}
export type Expr = Condition | { all: Expr[] } | { any: Expr[] } | { not: Expr };
/** A firm's facts; a missing or null fact is unknown. */
export type Facts = Partial<Record<EligibilityField, Scalar | Scalar[] | null>>;
export type Verdict = 'yes' | 'no' | 'unknown';

const rank = (v: Scalar) => (TIER_ORDER as readonly Scalar[]).indexOf(v);

function compare(field: EligibilityField, a: Scalar, b: Scalar): number | null {
  if (ELIGIBILITY_FIELDS[field] === 'tier') {
    const [x, y] = [rank(a), rank(b)];
    return x < 0 || y < 0 ? null : x - y;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return null;
}

function condition(c: Condition, facts: Facts): Verdict {
  const fact = facts[c.field];
  if (fact === undefined || fact === null) return 'unknown';
  const yes = (b: boolean): Verdict => (b ? 'yes' : 'no');
  switch (c.op) {
    case 'eq':
      return yes(fact === c.value);
    case 'ne':
      return yes(fact !== c.value);
    case 'in':
      return yes(Array.isArray(c.value) && !Array.isArray(fact) && c.value.includes(fact));
    case 'contains':
      return yes(Array.isArray(fact) && (Array.isArray(c.value) ? c.value.some((v) => fact.includes(v)) : fact.includes(c.value)));
    case 'prefix':
      return yes(typeof fact === 'string' && (Array.isArray(c.value) ? c.value : [c.value]).some((p) => fact.startsWith(String(p))));
    default: {
      if (Array.isArray(fact) || Array.isArray(c.value)) return 'no';
      const d = compare(c.field, fact, c.value);
      if (d === null) return 'no';
      return yes(c.op === 'gt' ? d > 0 : c.op === 'gte' ? d >= 0 : c.op === 'lt' ? d < 0 : d <= 0);
    }
  }
}

/**
 * The verdict of an expression for a firm: `all` is no when any part is no, unknown when any is unknown, else yes;
 * `any` is yes when any part is yes, unknown when any is unknown, else no; `not` swaps yes and no. An empty `all`
 * holds for every firm; an empty `any` for none.
 */
export function evaluate(expr: Expr, facts: Facts): Verdict {
  if ('all' in expr) {
    const vs = expr.all.map((e) => evaluate(e, facts));
    return vs.includes('no') ? 'no' : vs.includes('unknown') ? 'unknown' : 'yes';
  }
  if ('any' in expr) {
    const vs = expr.any.map((e) => evaluate(e, facts));
    return vs.includes('yes') ? 'yes' : vs.includes('unknown') ? 'unknown' : 'no';
  }
  if ('not' in expr) {
    const v = evaluate(expr.not, facts);
    return v === 'yes' ? 'no' : v === 'no' ? 'yes' : 'unknown';
  }
  return condition(expr, facts);
}

/**
 * The same verdicts as `evaluate`, compiled once into a function for matching one expression over many firms (50
 * policies over 10,000 firms): no parsing, allocation or dispatch on the shape per firm.
 */
export function compile(expr: Expr): (facts: Facts) => Verdict {
  if ('all' in expr) {
    const parts = expr.all.map(compile);
    return (facts) => {
      let unknown = false;
      for (const part of parts) {
        const v = part(facts);
        if (v === 'no') return 'no';
        if (v === 'unknown') unknown = true;
      }
      return unknown ? 'unknown' : 'yes';
    };
  }
  if ('any' in expr) {
    const parts = expr.any.map(compile);
    return (facts) => {
      let unknown = false;
      for (const part of parts) {
        const v = part(facts);
        if (v === 'yes') return 'yes';
        if (v === 'unknown') unknown = true;
      }
      return unknown ? 'unknown' : 'no';
    };
  }
  if ('not' in expr) {
    const inner = compile(expr.not);
    return (facts) => {
      const v = inner(facts);
      return v === 'yes' ? 'no' : v === 'no' ? 'yes' : 'unknown';
    };
  }
  return compileCondition(expr);
}

/** One condition as a function, its operand prepared once (the per-firm work is a property read and a comparison). */
function compileCondition(c: Condition): (facts: Facts) => Verdict {
  const field = c.field;
  const v = c.value;
  const list = Array.isArray(v) ? v : [v];
  const when = (test: (fact: Scalar | Scalar[]) => boolean) => (facts: Facts) => {
    const fact = facts[field];
    if (fact === undefined || fact === null) return 'unknown';
    return test(fact) ? 'yes' : 'no';
  };
  switch (c.op) {
    case 'eq':
      return when((fact) => fact === v);
    case 'ne':
      return when((fact) => fact !== v);
    case 'in': {
      const set = new Set(Array.isArray(v) ? v : []);
      return when((fact) => !Array.isArray(fact) && set.has(fact));
    }
    case 'contains': {
      const set = new Set(list);
      return when((fact) => Array.isArray(fact) && fact.some((x) => set.has(x)));
    }
    case 'prefix': {
      const prefixes = list.map(String);
      return when((fact) => typeof fact === 'string' && prefixes.some((p) => fact.startsWith(p)));
    }
    default:
      return (facts) => condition(c, facts);
  }
}

/** Whether a firm qualifies: only a definite yes does. */
export const qualifies = (expr: Expr, facts: Facts) => evaluate(expr, facts) === 'yes';

/** The facts an expression needs that a firm lacks (to tell the office why a firm is undecided). */
export function missingFacts(expr: Expr, facts: Facts): EligibilityField[] {
  if ('all' in expr) return [...new Set(expr.all.flatMap((e) => missingFacts(e, facts)))];
  if ('any' in expr) return [...new Set(expr.any.flatMap((e) => missingFacts(e, facts)))];
  if ('not' in expr) return missingFacts(expr.not, facts);
  return facts[expr.field] === undefined || facts[expr.field] === null ? [expr.field] : [];
}
