import { describe, expect, it } from 'vitest';
import { AGE_BUCKETS, ageBucket, bucketDueRange, daysPastDue } from './services-ageing';

const TODAY = '2021-12-31';

describe('ageBucket: the boundaries 30/31, 90/91, 180/181 days past due', () => {
  it.each([
    [-5, 'not_due'],
    [0, 'not_due'],
    [1, 'd0_30'],
    [30, 'd0_30'],
    [31, 'd31_90'],
    [90, 'd31_90'],
    [91, 'd91_180'],
    [180, 'd91_180'],
    [181, 'd181_plus'],
    [800, 'd181_plus'],
  ])('%i days past due -> %s', (days, bucket) => {
    const due = new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    expect(daysPastDue(due, TODAY)).toBe(days);
    expect(ageBucket(due, TODAY)).toBe(bucket);
  });

  it('counts calendar days across a leap day and a year end', () => {
    expect(daysPastDue('2020-02-28', '2020-03-01')).toBe(2);
    expect(ageBucket('2021-12-01', '2022-01-01')).toBe('d31_90');
  });
});

describe('bucketDueRange agrees with ageBucket', () => {
  it.each(AGE_BUCKETS)('%s', (bucket) => {
    const { from, to } = bucketDueRange(bucket, TODAY);
    for (const edge of [from, to]) if (edge) expect(ageBucket(edge, TODAY)).toBe(bucket);
  });
});
