import { describe, expect, it } from 'vitest';
import { fieldRenamer } from './field-paths';

describe('fieldRenamer', () => {
  it('maps the names a map lists and keeps the others', () => {
    const rename = fieldRenamer({ amountFen: 'amount', paidDate: 'paid' });
    expect(['amountFen', 'paidDate', 'note', 'decisions.0.dueDate'].map((p) => rename?.(p))).toEqual(['amount', 'paid', 'note', 'decisions.0.dueDate']);
  });

  it('never reads an Object prototype member as a mapping', () => {
    expect(fieldRenamer({})?.('constructor')).toBe('constructor');
  });

  it('passes a function through and nothing as nothing', () => {
    const upper = (p: string) => p.toUpperCase();
    expect(fieldRenamer(upper)).toBe(upper);
    expect(fieldRenamer(undefined)).toBeUndefined();
  });
});
