import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { datesToRange, rangeToDates } from './dates';

describe('rangeToDates', () => {
  it.each([
    ['both ends', [dayjs('2026-03-01'), dayjs('2026-03-31')], { from: '2026-03-01', to: '2026-03-31' }],
    ['only the start', [dayjs('2026-03-01'), null], { from: '2026-03-01', to: undefined }],
    ['only the end', [null, dayjs('2026-03-31')], { from: undefined, to: '2026-03-31' }],
    ['a cleared picker', null, { from: undefined, to: undefined }],
    ['an untouched picker', undefined, { from: undefined, to: undefined }],
  ] as const)('%s', (_, range, dates) => {
    expect(rangeToDates(range as never)).toEqual(dates);
  });
});

describe('datesToRange', () => {
  it('gives no range for no dates', () => {
    expect(datesToRange(undefined, undefined)).toBeNull();
    expect(datesToRange('', '')).toBeNull();
  });

  it.each([
    ['2026-03-01', '2026-03-31'],
    ['2026-03-01', undefined],
    [undefined, '2026-03-31'],
  ])('round-trips %s – %s', (from, to) => {
    expect(rangeToDates(datesToRange(from, to))).toEqual({ from, to });
  });
});
