import { describe, expect, it } from 'vitest';
import { type Condition, type Expr, type Facts, compile, evaluate, missingFacts, qualifies } from './funds-eligibility';

const FIRM: Facts = {
  industryCode: 'C30',
  townshipUnitId: 7,
  chainUnitIds: [41, 42],
  aboveScale: true,
  highTech: false,
  smeTier: 'provincial',
  hasRdInstitution: true,
  employees: 320,
  outputLastYearFen: 50_000_000_000,
  taxLastYearFen: null,
};

describe('each operator', () => {
  it.each<[string, Condition, 'yes' | 'no' | 'unknown']>([
    ['eq boolean true', { field: 'aboveScale', op: 'eq', value: true }, 'yes'],
    ['eq boolean false', { field: 'highTech', op: 'eq', value: true }, 'no'],
    ['ne', { field: 'townshipUnitId', op: 'ne', value: 8 }, 'yes'],
    ['in a list', { field: 'townshipUnitId', op: 'in', value: [5, 7] }, 'yes'],
    ['not in the list', { field: 'townshipUnitId', op: 'in', value: [5, 6] }, 'no'],
    ['gt', { field: 'employees', op: 'gt', value: 320 }, 'no'],
    ['gte at the boundary', { field: 'employees', op: 'gte', value: 320 }, 'yes'],
    ['lt', { field: 'employees', op: 'lt', value: 321 }, 'yes'],
    ['lte below', { field: 'employees', op: 'lte', value: 319 }, 'no'],
    ['gte over output (fen)', { field: 'outputLastYearFen', op: 'gte', value: 20_000_000_000 }, 'yes'],
    ['tier gte provincial', { field: 'smeTier', op: 'gte', value: 'provincial' }, 'yes'],
    ['tier gte little giant', { field: 'smeTier', op: 'gte', value: 'little_giant' }, 'no'],
    ['tier lt innovative', { field: 'smeTier', op: 'lt', value: 'innovative' }, 'no'],
    ['tier compared with an unknown tier', { field: 'smeTier', op: 'gte', value: 'gold' }, 'no'],
    ['prefix of the industry code', { field: 'industryCode', op: 'prefix', value: 'C3' }, 'yes'],
    ['prefix from a list', { field: 'industryCode', op: 'prefix', value: ['C26', 'C31'] }, 'no'],
    ['contains one chain', { field: 'chainUnitIds', op: 'contains', value: 42 }, 'yes'],
    ['contains any of chains', { field: 'chainUnitIds', op: 'contains', value: [1, 2] }, 'no'],
    ['gt on text is no', { field: 'industryCode', op: 'gt', value: 3 }, 'no'],
    ['missing figure is unknown', { field: 'taxLastYearFen', op: 'gte', value: 1 }, 'unknown'],
    ['absent fact is unknown', { field: 'inTransformationLibrary', op: 'eq', value: true }, 'unknown'],
  ])('%s', (_, c, verdict) => {
    expect(evaluate(c, FIRM)).toBe(verdict);
    expect(compile(c)(FIRM)).toBe(verdict);
  });
});

describe('combinations and missing data', () => {
  const scale: Expr = { field: 'aboveScale', op: 'eq', value: true };
  const tax: Expr = { field: 'taxLastYearFen', op: 'gte', value: 100 };
  const hi: Expr = { field: 'highTech', op: 'eq', value: true };
  it.each<[string, Expr, 'yes' | 'no' | 'unknown']>([
    ['all yes', { all: [scale, { field: 'employees', op: 'gte', value: 100 }] }, 'yes'],
    ['all with a no', { all: [scale, hi] }, 'no'],
    ['all with unknown and no: no', { all: [tax, hi] }, 'no'],
    ['all with unknown: unknown', { all: [scale, tax] }, 'unknown'],
    ['any with a yes', { any: [hi, scale] }, 'yes'],
    ['any with unknown and yes: yes', { any: [tax, scale] }, 'yes'],
    ['any with unknown and no: unknown', { any: [tax, hi] }, 'unknown'],
    ['not no', { not: hi }, 'yes'],
    ['not unknown stays unknown', { not: tax }, 'unknown'],
    ['empty all holds', { all: [] }, 'yes'],
    ['empty any never holds', { any: [] }, 'no'],
    ['nested', { all: [scale, { any: [hi, { field: 'smeTier', op: 'gte', value: 'innovative' }] }] }, 'yes'],
  ])('%s', (_, e, verdict) => {
    expect(evaluate(e, FIRM)).toBe(verdict);
    expect(compile(e)(FIRM)).toBe(verdict);
  });

  it('only a definite yes qualifies; the missing facts are named', () => {
    expect(qualifies({ all: [scale, tax] }, FIRM)).toBe(false);
    expect(qualifies({ all: [scale] }, FIRM)).toBe(true);
    expect(missingFacts({ all: [scale, tax, { not: { field: 'inTransformationLibrary', op: 'eq', value: true } }] }, FIRM)).toEqual([
      'taxLastYearFen',
      'inTransformationLibrary',
    ]);
    expect(evaluate(scale, {})).toBe('unknown');
  });
});
